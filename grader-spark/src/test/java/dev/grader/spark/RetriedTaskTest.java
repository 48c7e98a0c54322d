package dev.grader.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A task that dies midway (as on a lost executor) is run again by Spark: the output is what an undisturbed run
 * writes, with every row once, because grading is a pure function and the output committer keeps one attempt.
 */
class RetriedTaskTest {

    @TempDir
    Path tmp;

    @AfterEach
    void noMoreFailures() {
        PartitionGrading.beforeBatch = null;
    }

    @Test
    void aRetriedTaskGivesTheSameRows() throws Exception {
        StructType schema = new StructType().add("id", DataTypes.IntegerType).add("question", DataTypes.StringType)
                .add("answer", DataTypes.StringType);
        List<Row> rows = new ArrayList<>();
        String text = CohortFixture.jsonLines(JobRun.SHIPPED, 40, 3);
        int id = 0;
        for (String line : text.split("\n")) {
            var node = dev.grader.internal.Json.mapper().readTree(line);
            rows.add(RowFactory.create(id++, node.get("question").asText(), node.get("answer").asText()));
        }
        GradingOptions options = GradingOptions.builder().embeddings(false).batchSize(4).build();
        Dataset<Row> answers = SparkTests.spark().createDataFrame(rows, schema).repartition(4);

        Path calm = tmp.resolve("calm");
        GradingFunctions.grade(answers, JobRun.SHIPPED, options).write().parquet(calm.toString());

        AtomicInteger failures = new AtomicInteger();
        PartitionGrading.beforeBatch = task -> {
            if (task != null && task.partitionId() == 1 && task.attemptNumber() == 0 && failures.get() < 50) {
                // the second batch of partition 1: some of its rows were already handed to the writer
                if (failures.incrementAndGet() > 1) {
                    throw new IllegalStateException("executor lost (simulated)");
                }
            }
        };
        Path retried = tmp.resolve("retried");
        GradingFunctions.grade(answers, JobRun.SHIPPED, options).write().parquet(retried.toString());
        assertEquals(2, failures.get(), "the first attempt of partition 1 died in its second batch");

        List<String> a = sorted(calm);
        List<String> b = sorted(retried);
        assertEquals(rows.size(), b.size(), "every row once");
        assertEquals(a, b);
        try (Stream<Path> files = Files.list(retried)) {
            assertFalse(files.anyMatch(p -> p.getFileName().toString().startsWith("_temporary")));
        }
    }

    private static List<String> sorted(Path table) {
        return SparkTests.spark().read().parquet(table.toString()).orderBy("id").collectAsList().stream()
                .map(Row::toString).toList();
    }
}
