package dev.grader.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** The library calls for Spark users: the Dataset function and the SQL function. */
class GradingFunctionsTest {

    private static final GradingOptions LEXICAL = GradingOptions.builder().embeddings(false).build();
    private static final String Q4 = "Shutdown is graceful: it waits for in-flight handlers. Close is forceful.";

    private static Dataset<Row> answers() {
        StructType schema = new StructType().add("student", DataTypes.StringType).add("week", DataTypes.IntegerType)
                .add("question", DataTypes.StringType).add("answer", DataTypes.StringType);
        return SparkTests.spark().createDataFrame(List.of(
                RowFactory.create("ann", 3, "Q4", Q4),
                RowFactory.create("bob", 3, "What's the difference between Server.Shutdown and Server.Close?", Q4),
                RowFactory.create("cid", 4, "Q99", "whatever"),
                RowFactory.create("dan", 4, "4", null),
                RowFactory.create("eve", 5, "Q1", "Serve starts one goroutine per connection.")), schema);
    }

    @Test
    void keepsTheInputColumnsAndAppendsTheGrade() {
        Dataset<Row> graded = GradingFunctions.grade(answers(), JobRun.SHIPPED, LEXICAL);
        List<String> expected = new ArrayList<>(List.of("student", "week", "question", "answer"));
        expected.addAll(Arrays.asList(GradeColumns.SCHEMA.fieldNames()));
        assertEquals(expected, Arrays.asList(graded.columns()));

        List<Row> rows = graded.orderBy("student").collectAsList();
        Row ann = rows.get(0);
        Row bob = rows.get(1);
        assertEquals("Q4", ann.getAs("questionId"));
        assertEquals("Q4", bob.getAs("questionId"), "the question's text names it");
        assertEquals(ann.<String>getAs("report"), bob.getAs("report"), "the same answer, the same report");
        assertEquals(3, ann.<Integer>getAs("week"));
        assertTrue(ann.<Double>getAs("score") > 0.3, ann.toString());
        assertEquals("unknown-question", rows.get(2).getAs("errorKind"));
        assertNull(rows.get(2).getAs("score"));
        assertEquals("empty", rows.get(3).getAs("errorKind"));
        assertEquals("no answer (null)", rows.get(3).getAs("error"));
        Row point = rows.get(4).getList(rows.get(4).fieldIndex("keyPoints")).stream().map(Row.class::cast)
                .filter(k -> !k.getString(3).equals("missed")).findFirst().orElse(null);
        assertTrue(point != null && point.getString(7) != null, "a point credited quotes the answer: " + rows.get(4));
    }

    @Test
    void gradesAssignedQuestionsOnlyAndChecksUtf8OfBinaryAnswers() {
        StructType schema = new StructType().add("question", DataTypes.StringType).add("answer", DataTypes.BinaryType);
        Dataset<Row> raw = SparkTests.spark().createDataFrame(List.of(
                RowFactory.create("Q4", Q4.getBytes(StandardCharsets.UTF_8)),
                RowFactory.create("Q4", new byte[] {'o', 'k', (byte) 0xC3}),
                RowFactory.create("Q1", "Serve starts goroutines.".getBytes(StandardCharsets.UTF_8))), schema);
        GradingOptions q4 = GradingOptions.builder().embeddings(false).questions(List.of("Q4")).build();
        List<Row> rows = GradingFunctions.grade(raw, JobRun.SHIPPED, q4).collectAsList();
        assertNull(rows.get(0).getAs("errorKind"));
        assertEquals("invalid-utf8", rows.get(1).getAs("errorKind"));
        assertEquals("not valid UTF-8 (byte 0xC3 at offset 2)", rows.get(1).getAs("error"));
        assertEquals("not-assigned", rows.get(2).getAs("errorKind"));
        assertEquals("question Q1 is not among the assigned questions", rows.get(2).getAs("error"));
    }

    @Test
    void refusesInputItCannotGrade() {
        Dataset<Row> noAnswer = answers().drop("answer");
        assertEquals("answers need a 'answer' column; found student, week, question", assertThrows(
                IllegalArgumentException.class, () -> GradingFunctions.grade(noAnswer, JobRun.SHIPPED)).getMessage());
        Dataset<Row> clash = answers().withColumnRenamed("week", "score");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> GradingFunctions.grade(clash, JobRun.SHIPPED))
                .getMessage().startsWith("input column 'score' has the name of a column grading adds; rename it"));
        GradingOptions unknown = GradingOptions.builder().questions(List.of("Q4", "Q77")).build();
        assertTrue(assertThrows(IllegalArgumentException.class, () -> GradingFunctions.grade(answers(),
                JobRun.SHIPPED, unknown)).getMessage().startsWith("unknown question 'Q77' among the assigned"));
    }

    @Test
    void sqlFunctionGradesLikeTheDatasetFunction() {
        SparkSession spark = SparkTests.spark();
        answers().createOrReplaceTempView("answers");
        GradingFunctions.register(spark, JobRun.SHIPPED, LEXICAL);
        List<Row> sql = spark.sql("SELECT student, grade(question, answer) AS g FROM answers ORDER BY student")
                .collectAsList();
        List<Row> dataset = GradingFunctions.grade(answers(), JobRun.SHIPPED, LEXICAL).orderBy("student")
                .collectAsList();
        for (int i = 0; i < sql.size(); i++) {
            Row g = sql.get(i).getStruct(1);
            assertEquals(dataset.get(i).<String>getAs("report"), g.getAs("report"));
            assertEquals(dataset.get(i).<String>getAs("errorKind"), g.getAs("errorKind"));
        }
        Row one = spark.sql("SELECT grade('Q4', '" + Q4 + "').score AS s, grade('Q99', 'x').errorKind AS k").first();
        assertEquals(sql.get(0).getStruct(1).<Double>getAs("score"), one.getDouble(0));
        assertEquals("unknown-question", one.getString(1));
    }

    @Test
    void oneGraderPerExecutorForARubricAndItsSettings() {
        GradingOptions options = GradingOptions.builder().embeddings(false).batchSize(2).build();
        GradingFunctions.grade(answers().repartition(3), JobRun.SHIPPED, options).count();
        int after = ExecutorGraders.size();
        GradingFunctions.grade(answers().repartition(4), JobRun.SHIPPED, options).count();
        assertEquals(after, ExecutorGraders.size(), "graded again by the grader built the first time");
    }
}
