package dev.grader.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.grader.Grader;
import dev.grader.batch.BatchGrading;
import dev.grader.batch.BatchResult;
import dev.grader.internal.Json;
import dev.grader.judge.OfflineJudge;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.spark.sql.Row;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same table graded by {@code grader batch} (the library behind the command) and by the Spark job on
 * {@code local[2]}: every answer's report is the same (scores, verdicts, key point statuses, evidence, feedback),
 * and the candidates' totals, the ranking, the per-question means and the spread equal batch's summaries.
 */
class BatchParityTest {

    @TempDir
    Path tmp;

    @Test
    void fiveHundredAnswersLexical() throws IOException {
        compare(500, 42, false);
    }

    @Test
    void answersWithSentenceEmbeddings() throws IOException {
        compare(48, 7, true);
    }

    private void compare(int answers, long seed, boolean embeddings) throws IOException {
        Path table = tmp.resolve("answers.jsonl");
        Files.writeString(table, CohortFixture.jsonLines(JobRun.SHIPPED, answers, seed));

        Grader grader = Grader.builder().rubric(JobRun.SHIPPED)
                .judge(OfflineJudge.builder().embeddings(embeddings).build()).build();
        long t0 = System.nanoTime();
        BatchResult batch = BatchGrading.builder(grader).outputDir(tmp.resolve("batch")).threads(2).build()
                .run(List.of(table));

        List<String> args = new ArrayList<>(List.of("--rubric", JobRun.shippedRubric(tmp).toString(), "--input",
                table.toString()));
        if (!embeddings) {
            args.add("--no-embeddings");
        }
        long t1 = System.nanoTime();
        JobRun spark = JobRun.of(tmp.resolve("spark"), args.toArray(String[]::new));
        System.out.printf("TIMING batch %d ms, spark %d ms%n", (t1 - t0) / 1_000_000, (System.nanoTime() - t1) / 1_000_000);
        assertEquals(1, spark.exitCode, spark.toString()); // the fixture has empty answers and unknown questions

        // every answer batch graded, graded alike
        Map<String, JsonNode> batchReports = batchReports(batch.candidatesDir());
        Map<String, String> sparkReports = new HashMap<>();
        for (Row r : spark.table("answers").filter("question is not null and (errorKind is null or errorKind not in "
                + "('unknown-question', 'malformed', 'not-assigned'))").select("candidate", "question", "report", "row")
                .orderBy("row").collectAsList()) {
            String key = r.getString(0) + " " + r.getString(1);
            if (r.isNullAt(2)) {
                sparkReports.remove(key); // a later empty answer leaves the question unanswered, as in batch
            } else {
                sparkReports.put(key, r.getString(2)); // the later answer counts
            }
        }
        assertTrue(batchReports.size() > answers * 0.8, "batch graded " + batchReports.size());
        java.util.Set<String> onlyBatch = new java.util.TreeSet<>(batchReports.keySet());
        onlyBatch.removeAll(sparkReports.keySet());
        java.util.Set<String> onlySpark = new java.util.TreeSet<>(sparkReports.keySet());
        onlySpark.removeAll(batchReports.keySet());
        assertEquals(List.of(), List.of(onlyBatch, onlySpark).stream().filter(x -> !x.isEmpty()).toList(),
                "graded by one only (batch, spark)");
        for (Map.Entry<String, JsonNode> e : batchReports.entrySet()) {
            JsonNode ours = Json.mapper().readTree(sparkReports.get(e.getKey()));
            assertEquals(e.getValue().get("score"), ours.get("score"), e.getKey());
            assertEquals(e.getValue().get("verdict"), ours.get("verdict"), e.getKey());
            assertEquals(statuses(e.getValue()), statuses(ours), e.getKey());
            assertEquals(e.getValue(), ours, e.getKey()); // and everything else of the report
        }

        // candidates/ holds summary.csv's numbers
        Map<String, CSVRecord> summary = new TreeMap<>();
        try (Reader in = Files.newBufferedReader(batch.summaryCsv(), StandardCharsets.UTF_8)) {
            CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)
                    .forEach(r -> summary.put(r.get("candidate"), r));
        }
        List<Row> candidates = spark.table("candidates").collectAsList();
        assertEquals(summary.size(), candidates.size());
        for (Row c : candidates) {
            CSVRecord b = summary.get(c.getString(1));
            String who = c.getString(1);
            assertEquals(b.get("status"), c.getString(2), who);
            if (!c.getString(2).equals("graded")) {
                continue;
            }
            assertEquals(Integer.parseInt(b.get("rank")), c.getInt(0), who);
            assertEquals(Double.parseDouble(b.get("total")), c.getDouble(5), who);
            assertEquals(Integer.parseInt(b.get("max")), c.getInt(6), who);
            assertEquals(Double.parseDouble(b.get("percent")), c.getDouble(7), who);
            assertEquals(Integer.parseInt(b.get("answered")), c.getInt(8), who);
            assertEquals(Integer.parseInt(b.get("unanswered")), c.getInt(9), who);
            assertEquals(Integer.parseInt(b.get("needs_review")), c.getInt(10), who);
            Map<String, Double> scores = c.getJavaMap(4);
            for (String header : b.getParser().getHeaderNames()) {
                if (header.matches("Q\\d+")) {
                    String cell = b.get(header);
                    assertEquals(cell.isEmpty() ? null : Double.valueOf(cell), scores.get(header), who + " " + header);
                }
            }
        }

        // cohort/ holds summary.json's statistics
        JsonNode summaryJson = Json.mapper().readTree(batch.summaryJson().toFile());
        Row stats = spark.table("cohort/summary").first();
        JsonNode s = summaryJson.get("statistics");
        assertEquals(s.get("meanPercent").asDouble(), stats.getAs("meanPercent"), 0.051);
        assertEquals(s.get("medianPercent").asDouble(), stats.<Double>getAs("medianPercent"));
        assertEquals(s.get("lowerQuartilePercent").asDouble(), stats.<Double>getAs("lowerQuartile"));
        assertEquals(s.get("upperQuartilePercent").asDouble(), stats.<Double>getAs("upperQuartile"));
        assertEquals(s.get("standardDeviation").asDouble(), stats.getAs("standardDeviation"), 0.051);
        List<String> assigned = new ArrayList<>();
        summaryJson.get("assigned").get("questions").forEach(q -> assigned.add(q.asText()));
        assertEquals(assigned, stats.getList(stats.fieldIndex("questions")));
        Map<String, Row> questions = new HashMap<>();
        spark.table("cohort/questions").collectAsList().forEach(r -> questions.put(r.getString(0), r));
        for (JsonNode q : summaryJson.get("questions")) {
            Row ours = questions.get(q.get("id").asText());
            assertEquals(q.get("answered").asLong(), ours.getLong(2), q.get("id").asText());
            assertEquals(q.get("meanScore").isNull() ? null : q.get("meanScore").asDouble(), ours.get(3),
                    q.get("id").asText());
        }

        // key points missed, counted from batch's own reports
        Map<String, Long> missed = new TreeMap<>();
        batchReports.values().forEach(report -> report.get("keyPoints").forEach(k -> {
            if (k.get("status").asText().equals("missed")) {
                missed.merge(k.get("id").asText(), 1L, Long::sum);
            }
        }));
        Map<String, Long> ours = new TreeMap<>();
        spark.table("cohort/key-points").filter("missed > 0").collectAsList()
                .forEach(r -> ours.put(r.getString(1), r.getLong(4)));
        assertEquals(missed, ours);

        // the two pages rank the same candidates with the same numbers
        assertEquals(ranking(batch.reportHtml()), ranking(spark.dir.resolve("cohort/report.html")));
    }

    /** Reports of batch's candidate files by "candidate question"; unanswered questions have none. */
    private static Map<String, JsonNode> batchReports(Path candidatesDir) throws IOException {
        Map<String, JsonNode> out = new HashMap<>();
        try (Stream<Path> files = Files.list(candidatesDir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).toList()) {
                JsonNode result = Json.mapper().readTree(f.toFile());
                for (JsonNode q : result.get("questions")) {
                    if (q.has("report")) {
                        out.put(result.get("id").asText() + " " + q.get("question").asText(), q.get("report"));
                    }
                }
            }
        }
        return out;
    }

    private static List<String> statuses(JsonNode report) {
        List<String> out = new ArrayList<>();
        report.get("keyPoints").forEach(k -> out.add(k.get("id").asText() + "=" + k.get("status").asText()));
        return out;
    }

    private static List<String> ranking(Path page) throws IOException {
        Document doc = Jsoup.parse(page.toFile(), "UTF-8");
        List<String> rows = new ArrayList<>();
        doc.select("table.ranking tbody tr").forEach(tr -> rows.add(tr.text()));
        doc.select("section#overview .card").forEach(card -> rows.add(card.text()));
        return rows;
    }
}
