package dev.grader.spark;

import dev.grader.Rubrics;
import dev.grader.rubric.Rubric;
import dev.grader.rubric.RubricWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Runs {@link GradeJob} in the tests' Spark and reads what it wrote. */
final class JobRun {

    static final Rubric SHIPPED = Rubrics.defaultRubric();

    final int exitCode;
    final String out;
    final String err;
    final Path dir;
    final String format;

    private JobRun(int exitCode, String out, String err, Path dir, String format) {
        this.exitCode = exitCode;
        this.out = out;
        this.err = err;
        this.dir = dir;
        this.format = format;
    }

    /** The shipped rubric as a file in {@code dir}. */
    static Path shippedRubric(Path dir) throws IOException {
        Path file = dir.resolve("rubric.json");
        RubricWriter.write(SHIPPED, file);
        return file;
    }

    /** The shipped rubric's graded examples, as the repository holds them. */
    static Path shippedExamples() {
        Path file = Path.of("../rubrics/net-http-server-concurrency" + Rubrics.EXAMPLES_SUFFIX);
        if (!java.nio.file.Files.isRegularFile(file)) {
            throw new IllegalStateException("missing " + file.toAbsolutePath());
        }
        return file;
    }

    static JobRun of(Path output, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--output");
        all.add(output.toString());
        int code = GradeJob.run(all.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true),
                SparkTests::spark);
        String format = all.contains("json") ? "json" : "parquet";
        return new JobRun(code, out.toString(), err.toString(), output, format);
    }

    Dataset<Row> table(String name) {
        var reader = SparkTests.spark().read().format(format);
        var schema = switch (name) {
            case "answers" -> AnswerTable.SCHEMA;
            case "candidates" -> CandidateTotals.SCHEMA;
            case "problems" -> AnswerTable.PROBLEMS;
            case "cohort/questions" -> CohortStats.QUESTIONS;
            case "cohort/key-points" -> CohortStats.KEY_POINTS;
            case "cohort/misconceptions" -> CohortStats.MISCONCEPTIONS;
            case "cohort/summary" -> GradeJob.SUMMARY;
            default -> throw new IllegalArgumentException(name);
        };
        return reader.schema(schema).load(dir.resolve(name).toString());
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- out\n" + out + "--- err\n" + err;
    }
}
