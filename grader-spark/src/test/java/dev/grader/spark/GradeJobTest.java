package dev.grader.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The job end to end: every input format, every kind of bad row, the output formats, the command line. */
class GradeJobTest {

    private static final String GOOD_Q4 = "Shutdown is graceful: it stops accepting new connections and waits for "
            + "in-flight handlers to finish. Close is forceful and closes every connection at once.";
    private static final String GOOD_Q1 = "Serve runs an accept loop and starts a new goroutine for each connection.";

    @TempDir
    Path tmp;

    @Test
    void gradesEveryFormatAndSendsEveryBadRowToProblems() throws Exception {
        Path rubric = JobRun.shippedRubric(tmp);
        ByteArrayOutputStream jsonl = new ByteArrayOutputStream();
        for (String line : List.of(
                "{\"candidate\": \"ann\", \"question\": \"Q4\", \"answer\": \"" + GOOD_Q4 + "\"}",
                "{\"candidate\": \"ann\", \"question\": 1, \"answer\": \"  " + GOOD_Q1 + "\\n\"}",
                "{\"candidate\": \"bob\", \"question\": \"Q4\", \"answer\": null}",
                "{\"candidate\": \"bob\", \"question\": \"Q2\", \"answer\": \"\"}",
                "{\"candidate\": \"bob\", \"question\": \"Q3\", \"answer\": \" \\n\\t \"}",
                "{\"candidate\": \"bob\", \"question\": \"Q99\", \"answer\": \"hmm\"}",
                "not json",
                "",
                "{\"question\": \"Q4\", \"answer\": \"no candidate\"}",
                "{\"candidate\": \"cid\", \"question\": \"Q5\", \"answer\": \"" + "word ".repeat(600) + "\"}",
                "{\"candidate\": \"eve\", \"question\": \"Q7\", \"answer\": \"first try\"}",
                "{\"candidate\": \"eve\", \"question\": \"Q7\", \"answer\": \"ReadTimeout covers reading the request.\"}")) {
            jsonl.writeBytes((line + "\n").getBytes(StandardCharsets.UTF_8));
        }
        // a line whose answer is Latin-1, not UTF-8: "café" with 0xE9
        jsonl.writeBytes("{\"candidate\": \"dan\", \"question\": \"Q6\", \"answer\": \"caf".getBytes(StandardCharsets.UTF_8));
        jsonl.write(0xE9);
        jsonl.writeBytes("\"}\n".getBytes(StandardCharsets.UTF_8));
        Path jsonLines = tmp.resolve("in/a.jsonl");
        Files.createDirectories(jsonLines.getParent());
        Files.write(jsonLines, jsonl.toByteArray());

        Path longCsv = tmp.resolve("in/b.csv");
        Files.writeString(longCsv, "candidate,question,answer\n"
                + "fay,Q1,\"" + GOOD_Q1 + "\nIt is the \"\"one goroutine per connection\"\" model.\"\n");
        Path wideCsv = tmp.resolve("in/c.csv");
        Files.writeString(wideCsv, "\uFEFFEmail Address,\"" + JobRun.SHIPPED.questions().get(3).prompt()
                + "\",Question 1\ngus@example.com,\"" + GOOD_Q4 + "\",\"" + GOOD_Q1 + "\"\n");
        Path tsv = tmp.resolve("in/d.tsv");
        Files.writeString(tsv, "candidate\tquestion\tanswer\nhal\tQ1\t" + GOOD_Q1 + "\n");
        Path parquet = tmp.resolve("in/e.parquet");
        StructType binary = new StructType().add("Candidate", DataTypes.StringType)
                .add("question", DataTypes.IntegerType).add("answer", DataTypes.BinaryType);
        SparkTests.spark().createDataFrame(List.of(
                RowFactory.create("ivy", 4, new byte[] {'c', 'a', 'f', (byte) 0xE9, ' ', 'x'}),
                RowFactory.create("jon", 1, GOOD_Q1.getBytes(StandardCharsets.UTF_8))), binary)
                .coalesce(1).write().parquet(parquet.toString());

        JobRun run = JobRun.of(tmp.resolve("out"), "--rubric", rubric.toString(), "--no-embeddings",
                "--max-answer-bytes", "2000", "--input", jsonLines.toString(), "--input", longCsv.toString(),
                "--input", wideCsv.toString(), "--input", tsv.toString(), "--input", parquet.toString());
        assertEquals(1, run.exitCode, run.toString());
        assertTrue(run.err.contains("rows could not be graded or do not count"), run.err);

        Map<String, Row> answers = new TreeMap<>();
        run.table("answers").collectAsList().forEach(r -> answers.put(r.getString(0) + "/" + r.getString(2) + "/"
                + r.getLong(r.fieldIndex("row")), r));
        assertEquals(18, answers.size(), answers.keySet().toString());
        List<String> graded = run.table("answers").filter("errorKind is null").select("candidate", "question")
                .collectAsList().stream().map(r -> r.getString(0) + " " + r.getString(1)).sorted().toList();
        assertEquals(List.of("ann Q1", "ann Q4", "eve Q7", "eve Q7", "fay Q1", "gus@example.com Q1",
                "gus@example.com Q4", "hal Q1", "jon Q1"), graded);

        Row ann = run.table("answers").filter("candidate = 'ann' and question = 'Q1'").first();
        assertEquals(GOOD_Q1, ann.getString(ann.fieldIndex("answer")), "graded without surrounding whitespace");
        assertEquals("1", ann.getString(ann.fieldIndex("questionLabel")));
        Row fay = run.table("answers").filter("candidate = 'fay'").first();
        assertTrue(fay.getString(fay.fieldIndex("answer")).endsWith("It is the \"one goroutine per connection\" model."),
                "a quoted CSV answer keeps its lines and quotes");
        assertTrue(fay.getDouble(fay.fieldIndex("score")) > 0);
        assertEquals(JobRun.SHIPPED.questions().get(0).gradedKeyPoints().size(),
                fay.getList(fay.fieldIndex("keyPoints")).size());
        assertTrue(fay.getString(fay.fieldIndex("report")).startsWith("{\n  \"question\": \"Q1\""),
                fay.getString(fay.fieldIndex("report")).substring(0, 40));

        Map<String, String> problems = new TreeMap<>();
        for (Row p : run.table("problems").collectAsList()) {
            problems.put(p.getString(0) + " " + p.getString(1) + " " + p.getString(3), p.getString(4));
        }
        Map<String, String> expected = new TreeMap<>(Map.of(
                "bob Q4 empty", "empty answer", // null in JSON Lines is an empty answer, as in batch
                "bob Q2 empty", "empty answer",
                "bob Q3 empty", "empty answer",
                "bob Q99 unknown-question", "question 'Q99' is not in the rubric",
                "cid Q5 oversized", "answer of 3,000 bytes, over the limit of 2,000",
                "dan Q6 invalid-utf8", "the line is not valid UTF-8 (byte 0xE9 at offset 53)",
                "ivy 4 invalid-utf8", "not valid UTF-8 (byte 0xE9 at offset 3)",
                "eve Q7 duplicate", "question Q7 answered again later in the input; the later answer counts",
                "null null malformed", "malformed JSON: Unrecognized token 'not': was expecting (JSON String, Number, "
                        + "Array, Object or token 'null', 'true' or 'false')"));
        expected.put("null Q4 malformed", "missing field 'candidate'");
        assertEquals(expected, problems);
        Row q99 = run.table("problems").filter("questionLabel = 'Q99'").first();
        assertEquals(5, q99.getLong(6), "a JSON Lines file read by one task numbers its rows by line, from 0");
        assertTrue(q99.getString(5).endsWith("in/a.jsonl"));

        Map<String, Row> candidates = new TreeMap<>();
        run.table("candidates").collectAsList().forEach(r -> candidates.put(r.getString(1), r));
        assertEquals(List.of("ann", "bob", "cid", "dan", "eve", "fay", "gus@example.com", "hal", "ivy", "jon"),
                List.copyOf(candidates.keySet()));
        Row bob = candidates.get("bob");
        assertEquals("graded", bob.getString(2));
        assertEquals(0.0, bob.getDouble(5));
        assertEquals(0, bob.getInt(8));
        assertEquals(List.of("Q1", "Q4", "Q7"), run.table("cohort/summary").first().getList(4),
                "the questions the answers answer");
        assertEquals(3, bob.getInt(9), "bob left all three unanswered");
        Row gus = candidates.get("gus@example.com");
        assertEquals(2, gus.getInt(8));
        assertEquals(1, gus.getInt(0), "the best of the cohort");
        assertEquals(Math.round(1000 * gus.getDouble(5) / 3) / 10.0, gus.getDouble(7), 1e-9);

        Row summary = run.table("cohort/summary").first();
        assertEquals(18, summary.getLong(summary.fieldIndex("rows")));
        assertEquals(9, summary.getLong(summary.fieldIndex("gradedAnswers")));
        assertEquals(10, summary.getLong(summary.fieldIndex("problems")));
        assertEquals(3, run.table("cohort/questions").count());
        String page = Files.readString(tmp.resolve("out/cohort/report.html"));
        assertTrue(page.contains("<h1>Cohort report</h1>") && page.contains("gus@example.com"));
        assertTrue(page.contains("missing field &#39;candidate&#39;") || page.contains("missing field 'candidate'"));
    }

    @Test
    void writesJsonLinesAndReplacesAnEarlierRunOnlyWhenAsked() throws Exception {
        Path rubric = JobRun.shippedRubric(tmp);
        Path input = tmp.resolve("answers.jsonl");
        Files.writeString(input, "{\"candidate\": \"ann\", \"question\": \"Q4\", \"answer\": \"" + GOOD_Q4 + "\"}\n");
        Path out = tmp.resolve("out");
        String[] args = {"--rubric", rubric.toString(), "--input", input.toString(), "--no-embeddings",
            "--output-format", "json"};
        JobRun first = JobRun.of(out, args);
        assertEquals(0, first.exitCode, first.toString());
        assertTrue(first.out.startsWith("Graded 1 answers of 1 candidates in "), first.out);
        try (Stream<Path> files = Files.list(out.resolve("answers"))) {
            List<Path> parts = files.filter(p -> p.getFileName().toString().endsWith(".json")).toList();
            assertEquals(1, parts.size());
            String line = Files.readString(parts.get(0)).strip();
            assertTrue(line.startsWith("{\"candidate\":\"ann\",\"question\":\"Q4\""), line);
            assertFalse(line.contains("\n"), "one answer, one line");
        }
        assertEquals(1, first.table("candidates").first().getInt(0));

        JobRun again = JobRun.of(out, args);
        assertEquals(2, again.exitCode);
        assertTrue(again.err.contains("holds the tables of an earlier run (answers/); --overwrite replaces them"),
                again.err);

        Files.writeString(input, "{\"candidate\": \"bob\", \"question\": \"Q1\", \"answer\": \"" + GOOD_Q1 + "\"}\n");
        String[] overwrite = Stream.concat(Stream.of(args), Stream.of("--overwrite")).toArray(String[]::new);
        JobRun replaced = JobRun.of(out, overwrite);
        assertEquals(0, replaced.exitCode, replaced.toString());
        assertEquals(List.of("bob"), replaced.table("answers").select("candidate").collectAsList().stream()
                .map(r -> r.getString(0)).toList());
    }

    @Test
    void badUsageGetsOneLineAndExitCode2() throws Exception {
        Path rubric = JobRun.shippedRubric(tmp);
        Path input = tmp.resolve("answers.jsonl");
        Files.writeString(input, "{\"candidate\": \"ann\", \"question\": \"Q4\", \"answer\": \"x\"}\n");
        Path bank = tmp.resolve("bank.txt");
        Files.writeString(bank, "Q1. What is a goroutine?\nModel answer. A lightweight thread.\n");
        String out = tmp.resolve("out").toString();

        StringWriter help = new StringWriter();
        assertEquals(0, GradeJob.run(new String[] {"--help"}, new PrintWriter(help, true), new PrintWriter(
                new StringWriter()), () -> {
                    throw new AssertionError("--help needs no Spark");
                }));
        assertTrue(help.toString().contains("--rubric=RUBRIC") && help.toString().contains("spark-submit"));

        assertEquals("GradeJob: Unknown option: '--fast'", usage("--rubric", rubric.toString(), "--input",
                input.toString(), "--output", out, "--fast"));
        assertEquals("GradeJob: Missing required option: '--rubric=RUBRIC'", usage("--input", input.toString(),
                "--output", out));
        assertEquals("GradeJob: " + bank + ": not a compiled rubric (JSON): compile a question bank first, with "
                + "'grader compile BANK -o rubric.json'", usage("--rubric", bank.toString(), "--input",
                input.toString(), "--output", out));
        assertEquals("GradeJob: --questions: 'Q99' is neither a question id nor a level of rubric "
                + "net-http-server-concurrency", usage("--rubric", rubric.toString(), "--input", input.toString(),
                "--output", out, "--questions", "Q1,Q99"));
        assertEquals("GradeJob: judge must be one of offline, openai, ollama, anthropic, found 'gpt'", usage(
                "--rubric", rubric.toString(), "--input", input.toString(), "--output", out, "--judge", "gpt"));
        assertEquals("GradeJob: " + tmp.resolve("nowhere") + ": not found", usage("--rubric", rubric.toString(),
                "--input", tmp.resolve("nowhere").toString(), "--output", out));
        assertFalse(Files.exists(tmp.resolve("out/answers")), "nothing written");
    }

    @Test
    void gradesWithTheExamplesBesideTheRubricOrGivenAndWithoutThemWhenAsked() throws Exception {
        Path rubric = JobRun.shippedRubric(tmp);
        Path input = tmp.resolve("answers.jsonl");
        Files.writeString(input, "{\"candidate\": \"ann\", \"question\": \"Q4\", \"answer\": \"Shutdown waits for "
                + "in-flight requests; Close drops them\"}\n");
        List<String> q4 = Files.readAllLines(JobRun.shippedExamples()).stream()
                .filter(line -> line.contains("\"question\": \"Q4\"")).toList();
        Path given = tmp.resolve("graded.jsonl");
        Files.write(given, q4);

        JobRun withGiven = JobRun.of(tmp.resolve("given"), "--rubric", rubric.toString(), "--input", input.toString(),
                "--no-embeddings", "--examples", given.toString(), "--output-format", "json");
        assertEquals(0, withGiven.exitCode, withGiven.toString());
        assertTrue(withGiven.out.contains("Graded examples: " + q4.size() + " answers to 1 questions (" + given + ")"),
                withGiven.out);
        String report = withGiven.table("answers").first().getAs("report");
        assertTrue(report.contains("\"examplesSha256\""), report);

        Files.write(tmp.resolve("rubric" + dev.grader.Rubrics.EXAMPLES_SUFFIX), q4);
        JobRun beside = JobRun.of(tmp.resolve("beside"), "--rubric", rubric.toString(), "--input", input.toString(),
                "--no-embeddings", "--output-format", "json");
        assertEquals(0, beside.exitCode, beside.toString());
        assertEquals(report, beside.table("answers").first().getAs("report"), "the same examples, found beside");

        JobRun without = JobRun.of(tmp.resolve("without"), "--rubric", rubric.toString(), "--input",
                input.toString(), "--no-embeddings", "--no-examples", "--output-format", "json");
        assertEquals(0, without.exitCode, without.toString());
        assertFalse(without.out.contains("Graded examples"), without.out);
        assertFalse(((String) without.table("answers").first().getAs("report")).contains("examplesSha256"));

        Path unknown = tmp.resolve("unknown.jsonl");
        Files.writeString(unknown, "{\"question\": \"Q99\", \"answer\": \"x\", \"score\": 1, \"scale\": 2}\n");
        assertTrue(usage("--rubric", rubric.toString(), "--input", input.toString(), "--output",
                tmp.resolve("o").toString(), "--examples", unknown.toString())
                .startsWith("GradeJob: " + unknown + ": line 1: unknown question 'Q99'"));
        assertEquals("GradeJob: " + tmp.resolve("none.jsonl") + ": not found", usage("--rubric", rubric.toString(),
                "--input", input.toString(), "--output", tmp.resolve("o").toString(), "--examples",
                tmp.resolve("none.jsonl").toString()));
    }

    private static String usage(String... args) {
        StringWriter err = new StringWriter();
        int code = GradeJob.run(args, new PrintWriter(new StringWriter(), true), new PrintWriter(err, true),
                SparkTests::spark);
        assertEquals(2, code, err.toString());
        return err.toString().lines().findFirst().orElse("");
    }
}
