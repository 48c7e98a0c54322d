package dev.grader.spark;

import dev.grader.Api;
import dev.grader.Evidence;
import dev.grader.GradeReport;
import dev.grader.GradeReport.KeyPointResult;
import dev.grader.GradeReport.MisconceptionResult;
import dev.grader.report.ReportRenderer;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The columns grading adds to a row: the grade as columns for SQL, the full report as JSON, and the error of a row
 * that was not graded. A row is either graded ({@code error} null, every grade column set) or not ({@code error} and
 * {@code errorKind} set, the grade columns null).
 *
 * <table>
 *   <caption>Columns</caption>
 *   <tr><td>{@code questionId}</td><td>string</td><td>the rubric question the row's {@code question} names; null
 *       when it names none</td></tr>
 *   <tr><td>{@code score}</td><td>double</td><td>0..1, {@code points / maxPoints}</td></tr>
 *   <tr><td>{@code points}, {@code maxPoints}</td><td>double</td><td>points earned, points of a full answer</td></tr>
 *   <tr><td>{@code verdict}</td><td>string</td><td>correct, partial, incorrect, contradictory</td></tr>
 *   <tr><td>{@code needsReview}</td><td>boolean</td><td>whether a person should look; {@code reviewReasons} say why</td></tr>
 *   <tr><td>{@code keyPoints}</td><td>array of struct</td><td>id, text, weight, status (covered, partial, missed,
 *       contradicted), credit, confidence, judge, quote: one per graded key point, in rubric order</td></tr>
 *   <tr><td>{@code misconceptions}</td><td>array of struct</td><td>id, text, correction, source (rubric or
 *       contradiction), confidence, judge, quote</td></tr>
 *   <tr><td>{@code fallback}</td><td>string</td><td>why the offline judge decided for the configured model (a
 *       provisional grade), else null</td></tr>
 *   <tr><td>{@code report}</td><td>string</td><td>the GradeReport as JSON, byte-identical to
 *       {@code grader grade --format json} for the same answer, rubric and judge settings</td></tr>
 *   <tr><td>{@code errorKind}</td><td>string</td><td>{@code empty}, {@code oversized}, {@code invalid-utf8},
 *       {@code unknown-question}, {@code not-assigned}, {@code malformed}, {@code grading-failed}; null when
 *       graded</td></tr>
 *   <tr><td>{@code error}</td><td>string</td><td>what is wrong with the row, in words; null when graded</td></tr>
 * </table>
 */
@Api(status = Api.Status.EXPERIMENTAL)
public final class GradeColumns {

    public static final String QUESTION_ID = "questionId";
    public static final String SCORE = "score";
    public static final String POINTS = "points";
    public static final String MAX_POINTS = "maxPoints";
    public static final String VERDICT = "verdict";
    public static final String NEEDS_REVIEW = "needsReview";
    public static final String REVIEW_REASONS = "reviewReasons";
    public static final String KEY_POINTS = "keyPoints";
    public static final String MISCONCEPTIONS = "misconceptions";
    public static final String FALLBACK = "fallback";
    public static final String REPORT = "report";
    public static final String ERROR_KIND = "errorKind";
    public static final String ERROR = "error";

    /** One key point's finding. */
    public static final StructType KEY_POINT = new StructType(new StructField[] {
        field("id", DataTypes.StringType), field("text", DataTypes.StringType),
        field("weight", DataTypes.DoubleType), field("status", DataTypes.StringType),
        field("credit", DataTypes.DoubleType), field("confidence", DataTypes.DoubleType),
        field("judge", DataTypes.StringType), field("quote", DataTypes.StringType)});

    /** One misconception stated. */
    public static final StructType MISCONCEPTION = new StructType(new StructField[] {
        field("id", DataTypes.StringType), field("text", DataTypes.StringType),
        field("correction", DataTypes.StringType), field("source", DataTypes.StringType),
        field("confidence", DataTypes.DoubleType), field("judge", DataTypes.StringType),
        field("quote", DataTypes.StringType)});

    /** The columns grading adds, in order. */
    public static final StructType SCHEMA = new StructType(new StructField[] {
        field(QUESTION_ID, DataTypes.StringType),
        field(SCORE, DataTypes.DoubleType),
        field(POINTS, DataTypes.DoubleType),
        field(MAX_POINTS, DataTypes.DoubleType),
        field(VERDICT, DataTypes.StringType),
        field(NEEDS_REVIEW, DataTypes.BooleanType),
        field(REVIEW_REASONS, DataTypes.createArrayType(DataTypes.StringType, false)),
        field(KEY_POINTS, DataTypes.createArrayType(KEY_POINT, false)),
        field(MISCONCEPTIONS, DataTypes.createArrayType(MISCONCEPTION, false)),
        field(FALLBACK, DataTypes.StringType),
        field(REPORT, DataTypes.StringType),
        field(ERROR_KIND, DataTypes.StringType),
        field(ERROR, DataTypes.StringType)});

    /** Error kinds, as in {@code errorKind}. */
    public static final String EMPTY = "empty";
    public static final String OVERSIZED = "oversized";
    public static final String INVALID_UTF8 = "invalid-utf8";
    public static final String UNKNOWN_QUESTION = "unknown-question";
    public static final String NOT_ASSIGNED = "not-assigned";
    public static final String MALFORMED = "malformed";
    public static final String GRADING_FAILED = "grading-failed";

    private GradeColumns() {
    }

    private static StructField field(String name, org.apache.spark.sql.types.DataType type) {
        return DataTypes.createStructField(name, type, true);
    }

    /** The values of {@link #SCHEMA} for a graded answer. */
    static Object[] graded(String questionId, GradeReport r) {
        List<KeyPointResult> points = r.keyPoints();
        Row[] keyPoints = new Row[points.size()];
        for (int i = 0; i < keyPoints.length; i++) {
            KeyPointResult k = points.get(i);
            keyPoints[i] = RowFactory.create(k.id(), k.text(), k.weight(), k.status().label(), k.credit(),
                    k.confidence(), k.judge(), quote(k.evidence()));
        }
        List<MisconceptionResult> stated = r.misconceptions();
        Row[] misconceptions = new Row[stated.size()];
        for (int i = 0; i < misconceptions.length; i++) {
            MisconceptionResult m = stated.get(i);
            misconceptions[i] = RowFactory.create(m.id(), m.text(), m.correction(), m.source(), m.confidence(),
                    m.judge(), quote(m.evidence()));
        }
        return new Object[] {questionId, r.score(), r.points(), r.maxPoints(), r.verdict().label(), r.needsReview(),
            r.reviewReasons().toArray(new String[0]), keyPoints, misconceptions,
            r.usage() == null ? null : r.usage().fallback(), ReportRenderer.json().render(r), null, null};
    }

    /** The values of {@link #SCHEMA} for a row that was not graded. */
    static Object[] failed(String questionId, String kind, String error) {
        return new Object[] {questionId, null, null, null, null, null, null, null, null, null, null, kind, error};
    }

    private static String quote(Evidence e) {
        return e == null ? null : e.quote();
    }
}
