package dev.grader.spark;

import static org.apache.spark.sql.functions.col;

import dev.grader.GradeReport;
import dev.grader.JudgeInfo;
import dev.grader.batch.BatchProblem;
import dev.grader.batch.CohortPage;
import dev.grader.internal.Json;
import dev.grader.rubric.Rubric;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * {@code cohort/report.html}: batch's cohort page ({@link CohortPage}) for a cohort small enough to hold on the
 * driver. The answers that count and their reports are collected, the page is written to a temporary file beside
 * its place and renamed into it, so a reader never sees half a page.
 */
final class CohortHtml {

    /** Problems the page lists at most; the problems table has them all. */
    static final int MAX_PROBLEMS = 1_000;

    private CohortHtml() {
    }

    static void write(SparkSession spark, Path target, Rubric rubric, JudgeInfo judge, List<String> assigned,
                      Dataset<Row> countedAssigned, Dataset<Row> candidates, Dataset<Row> problems, long problemCount) {
        Map<String, List<CohortPage.Answer>> answers = new LinkedHashMap<>();
        List<Row> rows = countedAssigned.select(col("candidate"), col("question"), col("answer"), col("report"),
                col("error")).collectAsList();
        for (Row r : rows) {
            GradeReport report = r.isNullAt(3) ? null : parse(r.getString(3));
            answers.computeIfAbsent(r.getString(0), k -> new ArrayList<>()).add(new CohortPage.Answer(r.getString(1),
                    r.isNullAt(2) ? "" : r.getString(2), report, r.getString(4)));
        }
        List<CohortPage.Candidate> cohort = new ArrayList<>();
        for (Row c : candidates.select("candidate", "status", "reason").collectAsList()) {
            String id = c.getString(0);
            boolean unreadable = CandidateTotals.UNREADABLE.equals(c.getString(1));
            cohort.add(new CohortPage.Candidate(id, unreadable ? List.of() : answers.getOrDefault(id, List.of()),
                    List.of(), unreadable ? c.getString(2) : null));
        }
        List<BatchProblem> listed = new ArrayList<>();
        for (Row p : problems.limit(MAX_PROBLEMS).collectAsList()) {
            String label = p.isNullAt(1) ? "" : " (question " + AnswerCheck.clip(p.getString(1)) + ")";
            listed.add(new BatchProblem(fileName(p.getString(5)), null, p.getString(0),
                    p.getString(3) + ": " + p.getString(4) + label));
        }
        if (problemCount > MAX_PROBLEMS) {
            listed.add(new BatchProblem("problems/", null, null, (problemCount - MAX_PROBLEMS)
                    + " more rows: see the problems table"));
        }
        try {
            FileSystem fs = target.getFileSystem(spark.sparkContext().hadoopConfiguration());
            Path partial = new Path(target.getParent(), "." + target.getName() + ".partial");
            try (FSDataOutputStream stream = fs.create(partial, true);
                 Writer out = new OutputStreamWriter(stream, StandardCharsets.UTF_8)) {
                CohortPage.write(out, rubric, judge, assigned, cohort, listed);
            }
            fs.delete(target, false);
            if (!fs.rename(partial, target)) {
                throw new IOException("cannot rename " + partial + " to " + target);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(target + ": " + e.getMessage(), e);
        }
    }

    static GradeReport parse(String json) {
        try {
            return Json.mapper().readValue(json, GradeReport.class);
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable report in answers/: " + e.getMessage(), e);
        }
    }

    private static String fileName(String source) {
        if (source == null) {
            return "input";
        }
        int slash = source.lastIndexOf('/');
        return slash < 0 ? source : source.substring(slash + 1);
    }
}
