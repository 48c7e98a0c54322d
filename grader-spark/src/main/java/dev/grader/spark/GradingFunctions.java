package dev.grader.spark;

import dev.grader.Api;
import dev.grader.Grader;
import dev.grader.examples.GradedExample;
import dev.grader.internal.Hashing;
import dev.grader.judge.OfflineJudge;
import dev.grader.rubric.Rubric;
import dev.grader.rubric.RubricWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Grading inside a Spark pipeline, with the same core as the {@code grader} command: a Dataset function and a SQL
 * function.
 *
 * <pre>{@code
 * Rubric rubric = Rubrics.fromFile(Path.of("rubric.json"));
 * Dataset<Row> answers = spark.read().parquet("s3a://bucket/answers/");     // question, answer, any other columns
 * Dataset<Row> graded = GradingFunctions.grade(answers, rubric, GradingOptions.defaults());
 * graded.select("student", "question", "score", "verdict", "keyPoints").show();
 *
 * GradingFunctions.register(spark, rubric, GradingOptions.defaults());
 * spark.sql("SELECT grade('Q4', answer).score FROM answers");
 * }</pre>
 *
 * <ul>
 *   <li>{@link #grade} keeps every input column and appends {@link GradeColumns#SCHEMA}: the grade as columns, the
 *       report JSON ({@code grader grade --format json} byte for byte), and {@code error}/{@code errorKind} for a
 *       row that could not be graded (null, empty, oversized or not UTF-8 answer; a question the rubric lacks). Such
 *       rows never fail the job.</li>
 *   <li>The rubric is broadcast; each executor builds one grader per rubric and settings, lazily, shared by its task
 *       threads. Partitions are graded in batches ({@link GradingOptions#batchSize()}).</li>
 *   <li>Answers are graded without their surrounding whitespace, as {@code grader batch} grades table rows; the
 *       {@code question} may be an id ({@code Q4}), a number ({@code 4}), a label ({@code Question 4}) or the
 *       question's text, as in batch tables.</li>
 * </ul>
 */
@Api(status = Api.Status.EXPERIMENTAL)
public final class GradingFunctions {

    /** The input column naming the question. */
    public static final String QUESTION = "question";
    /** The input column holding the answer: string, or binary (UTF-8 bytes, checked strictly). */
    public static final String ANSWER = "answer";
    /** The name {@link #register(SparkSession, Rubric, GradingOptions)} gives the SQL function. */
    public static final String UDF_NAME = "grade";

    static final String ANSWER_TEXT = "answerText";
    private static final String QUESTION_LABEL = "__grader_question";
    private static final String ANSWER_BYTES = "__grader_answer_bytes";

    private GradingFunctions() {
    }

    /** Grades {@code answers} with the offline judge (embeddings on). */
    public static Dataset<Row> grade(Dataset<Row> answers, Rubric rubric) {
        return grade(answers, rubric, GradingOptions.defaults());
    }

    /**
     * Grades every row of {@code answers}: its input columns followed by {@link GradeColumns#SCHEMA}. Lazy, like any
     * transformation: grading happens when the result is written or collected, once per action (cache or write the
     * result before using it twice).
     *
     * @throws IllegalArgumentException when {@code question} or {@code answer} is missing, an input column has the
     *                                  name of a grade column, an assigned question is not in the rubric
     * @throws dev.grader.InvalidInputException when the rubric cannot be graded with (no key points, ...)
     */
    public static Dataset<Row> grade(Dataset<Row> answers, Rubric rubric, GradingOptions options) {
        return grade(answers, rubric, options, null, null, false, null);
    }

    static Dataset<Row> grade(Dataset<Row> answers, Rubric rubric, GradingOptions options, String readKindColumn,
                              String readErrorColumn, boolean answerText, PartitionGrading.RunMeters meters) {
        Objects.requireNonNull(answers, "answers");
        Objects.requireNonNull(rubric, "rubric");
        Objects.requireNonNull(options, "options");
        check(rubric, options);
        StructType in = answers.schema();
        String question = column(in, QUESTION);
        String answer = column(in, ANSWER);
        List<String> added = new ArrayList<>(Arrays.asList(GradeColumns.SCHEMA.fieldNames()));
        if (answerText) {
            added.add(ANSWER_TEXT);
        }
        for (String name : in.fieldNames()) {
            if (added.stream().anyMatch(name::equalsIgnoreCase)) {
                throw new IllegalArgumentException("input column '" + name + "' has the name of a column grading "
                        + "adds; rename it (the added columns: " + String.join(", ", added) + ")");
            }
        }
        SparkSession spark = answers.sparkSession();
        Dataset<Row> prepared = answers
                .withColumn(QUESTION_LABEL, functions.col(question).cast(DataTypes.StringType))
                .withColumn(ANSWER_BYTES, functions.col(answer).cast(DataTypes.BinaryType));
        int keep = in.size();
        int readKind = readKindColumn == null ? -1 : in.fieldIndex(readKindColumn);
        int readError = readErrorColumn == null ? -1 : in.fieldIndex(readErrorColumn);

        List<StructField> fields = new ArrayList<>(Arrays.asList(in.fields()));
        fields.addAll(Arrays.asList(GradeColumns.SCHEMA.fields()));
        if (answerText) {
            fields.add(DataTypes.createStructField(ANSWER_TEXT, DataTypes.StringType, true));
        }
        StructType out = DataTypes.createStructType(fields);

        String json = RubricWriter.toJson(rubric);
        Broadcast<String> rubricJson = JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(json);
        JavaRDD<Row> rows = prepared.toJavaRDD();
        PartitionGrading grading = new PartitionGrading(rubricJson, broadcastExamples(spark, options), sha256(json),
                options, rows.getNumPartitions(),
                keep, keep, keep + 1, readKind, readError, answerText,
                meters != null ? meters : new PartitionGrading.RunMeters(spark.sparkContext()));
        return spark.createDataFrame(rows.mapPartitionsWithIndex(grading, true), out);
    }

    /**
     * Registers the SQL function {@code grade(question, answer)}, returning a struct of {@link GradeColumns#SCHEMA}:
     * {@code SELECT grade('Q4', answer).score FROM answers}. Rows are graded one at a time (the Dataset function
     * batches them); with a model, {@link GradingOptions#maxCalls()} bounds each executor JVM's requests.
     */
    public static void register(SparkSession spark, Rubric rubric, GradingOptions options) {
        register(spark, UDF_NAME, rubric, options);
    }

    /** Registers the SQL function under {@code name}. */
    public static void register(SparkSession spark, String name, Rubric rubric, GradingOptions options) {
        Objects.requireNonNull(spark, "spark");
        Objects.requireNonNull(name, "name");
        check(Objects.requireNonNull(rubric, "rubric"), Objects.requireNonNull(options, "options"));
        String json = RubricWriter.toJson(rubric);
        Broadcast<String> rubricJson = JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(json);
        spark.udf().register(name, new GradeUdf(rubricJson, broadcastExamples(spark, options), sha256(json), options),
                GradeColumns.SCHEMA);
    }

    /** The graded examples of {@code options}, sent once to each executor; null without examples. */
    private static Broadcast<ArrayList<GradedExample>> broadcastExamples(SparkSession spark, GradingOptions options) {
        if (options.examples().isEmpty()) {
            return null;
        }
        return JavaSparkContext.fromSparkContext(spark.sparkContext())
                .broadcast(new ArrayList<>(options.examples().all()));
    }

    /** The SQL function: one answer at a time, on the executor's shared grader. */
    private record GradeUdf(Broadcast<String> rubricJson, Broadcast<ArrayList<GradedExample>> examples,
                            String rubricSha, GradingOptions options)
            implements UDF2<String, String, Row> {

        @Override
        public Row call(String question, String answer) {
            ExecutorGraders.Prepared p = ExecutorGraders.get(rubricSha, rubricJson::value,
                    () -> examples == null ? null : examples.value(), options);
            AnswerCheck.Checked c = AnswerCheck.check(p.rules, p.assigned, null, null, question,
                    answer == null ? null : answer.getBytes(StandardCharsets.UTF_8), options.maxAnswerBytes());
            if (!c.gradable()) {
                return RowFactory.create(GradeColumns.failed(c.questionId(), c.kind(), c.error()));
            }
            try {
                return RowFactory.create(GradeColumns.graded(c.questionId(), p.udfGrader().grade(c.questionId(),
                        c.text())));
            } catch (RuntimeException e) {
                return RowFactory.create(GradeColumns.failed(c.questionId(), GradeColumns.GRADING_FAILED,
                        String.valueOf(e.getMessage())));
            }
        }
    }

    /** Fails on the driver what would fail every task: an unusable rubric, unknown assigned questions. */
    private static void check(Rubric rubric, GradingOptions options) {
        Grader.builder().rubric(rubric).judge(OfflineJudge.builder().embeddings(false).build()).build();
        options.examples().checkAgainst(rubric);
        if (options.questions() != null) {
            for (String id : options.questions()) {
                if (!rubric.questionIds().contains(id)) {
                    throw new IllegalArgumentException("unknown question '" + id + "' among the assigned questions; "
                            + "rubric " + rubric.id() + " has " + String.join(", ", rubric.questionIds()));
                }
            }
        }
    }

    private static String column(StructType schema, String name) {
        for (String f : schema.fieldNames()) {
            if (f.equals(name)) {
                return f;
            }
        }
        for (String f : schema.fieldNames()) {
            if (f.equalsIgnoreCase(name)) {
                return f;
            }
        }
        throw new IllegalArgumentException("answers need a '" + name + "' column; found " + String.join(", ",
                schema.fieldNames()));
    }

    static String sha256(String json) {
        return Hashing.sha256(json);
    }
}
