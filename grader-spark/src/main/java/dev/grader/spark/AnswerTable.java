package dev.grader.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.struct;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The {@code answers/} table of a job: its schema, how a graded dataset becomes it, and which of its rows count for
 * the candidates and the cohort. The cohort tables are computed from this table as written, never by grading again.
 *
 * <p>A row counts when it answers a question of the rubric for a candidate (graded, or not gradable for its answer:
 * empty, oversized, invalid UTF-8, grading failed). When a candidate answers a question in several rows, the last
 * counts (by file path, then position in the file), as the later answer counts in {@code grader batch}; the others
 * go to the problems table as {@code duplicate}.
 */
final class AnswerTable {

    static final String DUPLICATE = "duplicate";

    /** The columns of {@code answers/}. */
    static final StructType SCHEMA;

    static {
        StructType s = new StructType()
                .add("candidate", DataTypes.StringType)
                .add("question", DataTypes.StringType)
                .add("questionLabel", DataTypes.StringType)
                .add("answer", DataTypes.StringType);
        for (StructField f : GradeColumns.SCHEMA.fields()) {
            if (!f.name().equals(GradeColumns.QUESTION_ID)) {
                s = s.add(f);
            }
        }
        SCHEMA = s.add("source", DataTypes.StringType).add("row", DataTypes.LongType);
    }

    /** The columns of {@code problems/}. */
    static final StructType PROBLEMS = new StructType()
            .add("candidate", DataTypes.StringType)
            .add("questionLabel", DataTypes.StringType)
            .add("question", DataTypes.StringType)
            .add("errorKind", DataTypes.StringType)
            .add("error", DataTypes.StringType)
            .add("source", DataTypes.StringType)
            .add("row", DataTypes.LongType);

    private AnswerTable() {
    }

    /** A graded job input (the shape of {@link InputTables}, grade columns, answer text) as {@code answers/}. */
    static Dataset<Row> of(Dataset<Row> graded) {
        Column[] columns = new Column[SCHEMA.size()];
        for (int i = 0; i < columns.length; i++) {
            String name = SCHEMA.fields()[i].name();
            columns[i] = switch (name) {
                case "question" -> col(GradeColumns.QUESTION_ID).as("question");
                case "questionLabel" -> col("question").as("questionLabel");
                case "answer" -> col(GradingFunctions.ANSWER_TEXT).as("answer");
                default -> col(name);
            };
        }
        return graded.select(columns);
    }

    /** {@code answers/} as written. */
    static Dataset<Row> read(SparkSession spark, String path, String format) {
        return spark.read().schema(SCHEMA).format(format).load(path);
    }

    /** The rows of {@code answers} that count, and those that another row of the same answer supersedes. */
    record Counted(Dataset<Row> counted, Dataset<Row> superseded, long duplicates) {
    }

    static Counted counted(Dataset<Row> answers) {
        Column kind = col("errorKind");
        Dataset<Row> keyed = answers.filter(col("candidate").isNotNull().and(col("question").isNotNull())
                .and(kind.isNull().or(not(kind.isin(GradeColumns.MALFORMED, GradeColumns.UNKNOWN_QUESTION,
                        GradeColumns.NOT_ASSIGNED)))));
        Dataset<Row> repeated = keyed.groupBy("candidate", "question")
                .agg(count(lit(1)).as("__n"), max(struct(col("source"), col("row"))).as("__last"))
                .filter(col("__n").gt(1))
                .select(col("candidate").as("__candidate"), col("question").as("__question"), col("__last"));
        long groups = repeated.count();
        if (groups == 0) {
            return new Counted(keyed, keyed.limit(0), 0);
        }
        Dataset<Row> lookup = groups <= 100_000 ? org.apache.spark.sql.functions.broadcast(repeated) : repeated;
        Dataset<Row> joined = keyed.join(lookup, col("candidate").equalTo(col("__candidate"))
                .and(col("question").equalTo(col("__question"))), "left");
        Column last = col("__last").isNull().or(col("__last.source").eqNullSafe(col("source"))
                .and(col("__last.row").equalTo(col("row"))));
        List<String> helper = List.of("__candidate", "__question", "__last");
        Dataset<Row> counted = joined.filter(last).drop(helper.toArray(String[]::new));
        Dataset<Row> superseded = joined.filter(not(last)).drop(helper.toArray(String[]::new));
        return new Counted(counted, superseded, superseded.count());
    }

    /** The problems table: rows not graded, and answers superseded by a later one. */
    static Dataset<Row> problems(Dataset<Row> answers, Dataset<Row> superseded) {
        Dataset<Row> bad = answers.filter(col("errorKind").isNotNull()).select(col("candidate"),
                col("questionLabel"), col("question"), col("errorKind"), col("error"), col("source"), col("row"));
        Dataset<Row> dup = superseded.select(col("candidate"), col("questionLabel"), col("question"),
                lit(DUPLICATE).as("errorKind"),
                org.apache.spark.sql.functions.concat(lit("question "), col("question"),
                        lit(" answered again later in the input; the later answer counts")).as("error"),
                col("source"), col("row"));
        return bad.unionByName(dup);
    }
}
