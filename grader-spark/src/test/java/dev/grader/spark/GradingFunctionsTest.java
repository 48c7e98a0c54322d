package dev.grader.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.grader.Rubrics;
import dev.grader.rubric.Rubric;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class GradingFunctionsTest {

    private static final Rubric RUBRIC = Rubrics.defaultRubric();

    @Test
    void smoke() {
        StructType schema = new StructType().add("student", DataTypes.StringType).add("question", DataTypes.StringType)
                .add("answer", DataTypes.StringType);
        Dataset<Row> answers = SparkTests.spark().createDataFrame(List.of(
                RowFactory.create("ann", "Q4", "Shutdown waits for in-flight requests; Close drops them"),
                RowFactory.create("bob", "Q99", "whatever"),
                RowFactory.create("cid", "4", "  ")), schema);
        Dataset<Row> graded = GradingFunctions.grade(answers, RUBRIC,
                GradingOptions.builder().embeddings(false).build());
        graded.show(false);
        assertEquals(3, graded.count());
    }
}
