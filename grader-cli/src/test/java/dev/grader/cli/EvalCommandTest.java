package dev.grader.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.grader.internal.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvalCommandTest {

    /** Two questions, written for these tests. */
    private static final String BANK = """
            {"id": "Q1", "question": "How does net/http serve concurrent connections?", "modelAnswer": "The server runs an accept loop. Every accepted connection is served by its own new goroutine.", "wrongAnswers": [{"text": "A fixed pool of worker threads serves all requests", "correction": "There is no pool: one goroutine per connection."}]}
            {"id": "Q4", "question": "What is the difference between Shutdown and Close?", "modelAnswer": "Shutdown is graceful: it stops accepting connections and waits for running handlers to finish. Close is abrupt: it closes every connection at once."}
            """;

    private static final String GOLD = """
            {"id": "g1", "question": "Q1", "answer": "An accept loop hands every accepted connection to its own new goroutine.", "score": 5, "scale": 5, "kind": "full", "misconceptions": []}
            {"id": "g2", "question": "Q1", "answer": "A fixed pool of worker threads serves all the requests.", "score": 0, "scale": 5, "kind": "misconception", "misconceptions": ["pool"]}
            {"id": "g3", "question": "Q4", "answer": "Shutdown waits for running handlers to finish; Close closes every connection at once.", "score": 4.5, "scale": 5, "kind": "full", "misconceptions": []}
            {"id": "g4", "question": "Q4", "answer": "I like turtles.", "score": 0, "scale": 5, "kind": "off-topic", "misconceptions": []}
            """;

    @TempDir
    Path dir;

    private Path bank() {
        return Cli.write(dir.resolve("bank.jsonl"), BANK);
    }

    private Path gold(String text) {
        return Cli.write(dir.resolve("answers.jsonl"), text);
    }

    @Test
    void anEndlessGoldFileIsRefusedAtTheLineLimitInOneLine() {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(Path.of("/dev/zero")), "needs /dev/zero");

        Cli.Result r = Cli.run("eval", "--bank", bank().toString(), "--gold", "/dev/zero", "--no-progress");

        assertEquals(2, r.exitCode());
        assertEquals("grader: /dev/zero: line 1: longer than 4 MB, the limit for one line\n", r.err());
    }

    @Test
    void printsTheSummaryAndTablesForACompiledBank() {
        Cli.Result r = Cli.run("eval", "--bank", bank().toString(), "--gold", gold(GOLD).toString(), "--no-progress");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("", r.err());
        assertTrue(r.out().startsWith("rubric bank: 4 answers, 4 graded\n\nn               4\npearson         "),
                r.out());
        for (String row : List.of("spearman", "qwk", "rmse", "mae", "rmseCalibrated", "maeCalibrated", "accuracy",
                "macroF1", "\nby kind\n", "\nby question\n")) {
            assertTrue(r.out().contains(row), row + " in\n" + r.out());
        }
        assertTrue(r.out().contains("accuracy        n/a\n"), r.out());
    }

    @Test
    void shortFormatStillWorksWithADeprecationLine() throws IOException {
        Cli.Result r = Cli.run("eval", "--bank", bank().toString(), "--gold", gold(GOLD).toString(), "-f", "json",
                "--no-progress");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(4, Json.mapper().readTree(r.out()).get("metrics").get("n").asInt());
        assertEquals("grader: warning: 'eval -f FORMAT' is deprecated; use --format (-f means --file, as in "
                + "'grader grade -f FILE')\n", r.err());
    }

    @Test
    void aBankGivenAsRubricSkipsAQuestionThatDoesNotCompileTheSameWay() throws IOException {
        Path bank = Cli.write(dir.resolve("bank.jsonl"), BANK
                + "{\"id\": \"Q9\", \"question\": \"What does the dash stand for?\", \"modelAnswer\": \"\u2014\"}\n");
        Path file = gold(GOLD + """
                {"id": "g5", "question": "Q9", "answer": "A minus sign.", "score": 0, "scale": 5}
                """);

        Cli.Result r = Cli.run("eval", "-r", bank.toString(), "--gold", file.toString(), "--no-progress",
                "--format", "json");

        assertEquals(1, r.exitCode(), "graded, with problems: " + r.err());
        assertTrue(r.err().contains("grader: warning: " + bank + ": line 3: question Q9: no key points could be "
                + "extracted from its model answer; skipped: answers to it are not graded\n"), r.err());
        JsonNode json = Json.mapper().readTree(r.out());
        assertEquals(4, json.get("metrics").get("n").asInt(), "the other answers are graded");
        assertTrue(json.toString().contains("question could not be compiled"), json.toString());
    }

    @Test
    void aQuestionThatDoesNotCompileIsSkippedWithItsAnswersAndTheRestIsGraded() throws IOException {
        Path bank = Cli.write(dir.resolve("bank.jsonl"), BANK
                + "{\"id\": \"Q9\", \"question\": \"What does the dash stand for?\", \"modelAnswer\": \"\u2014\"}\n");
        Path file = gold(GOLD + """
                {"id": "g5", "question": "Q9", "answer": "A minus sign.", "score": 0, "scale": 5}
                {"id": "g6", "question": "Q9", "answer": "An em dash.", "score": 5, "scale": 5}
                """);

        Cli.Result r = Cli.run("eval", "--bank", bank.toString(), "--gold", file.toString(), "--no-progress",
                "--format", "json");

        assertEquals(1, r.exitCode(), "graded, with problems: " + r.err());
        assertEquals("grader: warning: " + bank + ": line 3: question Q9: no key points could be extracted from its "
                + "model answer; skipped, with its 2 answers\n", r.err());
        JsonNode json = Json.mapper().readTree(r.out());
        assertEquals(4, json.get("metrics").get("n").asInt(), "the other answers are graded");
        assertTrue(json.toString().contains("question could not be compiled"), json.toString());
    }

    /** The README's first eval command: the graded sample in the repository, which a clone has. */
    @Test
    void theGradedSampleInTheRepositoryEvaluates() throws IOException {
        Path sample = Path.of("..", "examples", "cs-basics");
        Cli.Result r = Cli.run("eval", "--bank", sample.resolve("bank.jsonl").toString(), "--gold",
                sample.resolve("answers.jsonl").toString(), "--no-progress", "--no-embeddings", "--format", "json");

        assertEquals(0, r.exitCode(), r.err());
        assertEquals("", r.err());
        JsonNode json = Json.mapper().readTree(r.out());
        assertEquals(32, json.get("metrics").get("n").asInt());
        assertEquals(32, json.get("graded").asInt(), "every answer is to a question of the bank");
        assertTrue(json.get("metrics").get("accuracy").isNumber(), "the sample has labels");
    }

    @Test
    void crossValidatedExamplesAddTheOtherFoldsToTheRubricsOwnExamples() throws IOException {
        Path sample = Path.of("..", "examples", "cs-basics");
        Path bank = Files.copy(sample.resolve("bank.jsonl"), dir.resolve("bank.jsonl"));
        Path gold = Files.copy(sample.resolve("answers.jsonl"), dir.resolve("answers.jsonl"));

        JsonNode folds = cvExamples(bank, gold);
        assertEquals(32, folds.get("graded").asInt());
        assertTrue(folds.get("withoutExamples").get("pearson").isNumber(), "the figures without examples beside");

        // the rubric's own examples (here: the gold answers themselves, beside the bank) join each fold's
        Files.copy(gold, dir.resolve("bank.examples.jsonl"));
        JsonNode withOwn = cvExamples(bank, gold);
        JsonNode without = cvExamples(bank, gold, "--no-examples");
        assertEquals(folds.get("metrics"), without.get("metrics"), "--no-examples: the folds alone");
        assertTrue(withOwn.get("metrics").get("pearson").asDouble() > folds.get("metrics").get("pearson").asDouble()
                + 0.05, withOwn.get("metrics") + " vs " + folds.get("metrics"));
        assertEquals(folds.get("withoutExamples"), withOwn.get("withoutExamples"));

        Cli.Result one = Cli.run("eval", "--bank", bank.toString(), "--gold", gold.toString(), "--cv-examples", "1");
        assertEquals(2, one.exitCode());
        assertTrue(one.err().startsWith("grader: --cv-examples must be at least 2, found 1"), one.err());
    }

    private static JsonNode cvExamples(Path bank, Path gold, String... more) throws IOException {
        List<String> args = new ArrayList<>(List.of("eval", "--bank", bank.toString(), "--gold", gold.toString(),
                "--cv-examples", "4", "--no-progress", "--no-embeddings", "--format", "json"));
        args.addAll(List.of(more));
        Cli.Result r = Cli.run(args.toArray(String[]::new));
        assertEquals(0, r.exitCode(), r.err());
        return Json.mapper().readTree(r.out());
    }

    @Test
    void writesJsonWithNullForUndefinedMetrics() throws IOException {
        Cli.Result r = Cli.run("eval", "--bank", bank().toString(), "--gold", gold(GOLD).toString(), "--format",
                "json", "--no-progress");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode json = Json.mapper().readTree(r.out());
        assertEquals("bank", json.get("rubric").asText());
        assertEquals(4, json.get("metrics").get("n").asInt());
        assertTrue(json.get("metrics").get("pearson").isNumber());
        assertTrue(json.get("metrics").get("accuracy").isNull());
        assertEquals(2, json.get("questions").size());
    }

    @Test
    void writesPredictionsAndSaysSoOnStandardError() throws IOException {
        Path predictions = dir.resolve("out/predictions.jsonl");
        Cli.Result r = Cli.run("eval", "--bank", bank().toString(), "--gold", gold(GOLD).toString(),
                "--predictions", predictions.toString(), "--no-progress");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("Wrote 4 predictions to " + predictions + ".\n", r.err());
        List<String> lines = Files.readAllLines(predictions);
        assertEquals(4, lines.size());
        assertTrue(lines.get(0).startsWith("{\"id\":\"g1\",\"question\":\"Q1\",\"score\":"), lines.get(0));
    }

    @Test
    void refusesToWritePredictionsOverTheGoldFile() throws IOException {
        Path file = gold(GOLD);
        Cli.Result r = Cli.run("eval", "--bank", bank().toString(), "--gold", file.toString(), "--predictions",
                file.toString());
        assertEquals(2, r.exitCode());
        assertEquals("grader: " + file + ": is an input of this run; --predictions would overwrite it\n", r.err());
        assertEquals(GOLD, Files.readString(file));
    }

    @Test
    void givesTheSameOutputForOneAndFourJobs() {
        String one = Cli.run("eval", "--bank", bank().toString(), "--gold", gold(GOLD).toString(), "--jobs", "1",
                "--format", "json", "--no-progress").out();
        String four = Cli.run("eval", "--bank", bank().toString(), "--gold", gold(GOLD).toString(), "--jobs", "4",
                "--format", "json", "--no-progress").out();
        assertEquals(one, four);
    }

    @Test
    void gradesAgainstTheShippedRubricByDefaultAndSkipsUnknownQuestions() {
        String text = GOLD + "{\"id\": \"x\", \"question\": \"Q999\", \"answer\": \"?\", \"score\": 0, \"scale\": 5}\n";
        Cli.Result r = Cli.run("eval", "--gold", gold(text).toString(), "--no-progress");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().startsWith("rubric net-http-server-concurrency: 5 answers, 4 graded\n"), r.out());
        assertTrue(r.out().contains("skipped         1 answer, question not in rubric: Q999\n"), r.out());
    }

    @Test
    void aMissingGoldFileIsOneLineAndExitTwo() {
        Path missing = dir.resolve("nope.jsonl");
        Cli.Result r = Cli.run("eval", "--gold", missing.toString());
        assertEquals(2, r.exitCode());
        assertEquals("grader: " + missing + ": no such file\n", r.err());
        assertEquals("", r.out());
    }

    @Test
    void aMalformedGoldLineNamesLineAndColumn() {
        Path file = gold(GOLD + "{\"id\": \"g9\", \"question\": \"Q1\" \"answer\": \"x\"}\n");
        Cli.Result r = Cli.run("eval", "--bank", bank().toString(), "--gold", file.toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().startsWith("grader: " + file + ": line 5, column 31: malformed JSON: "), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
    }

    @Test
    void anUnknownRubricFileIsOneLineAndExitTwo() {
        Path missing = dir.resolve("rubric.json");
        Cli.Result r = Cli.run("eval", "-r", missing.toString(), "--gold", gold(GOLD).toString());
        assertEquals(2, r.exitCode());
        assertEquals("grader: " + missing + ": no such file\n", r.err());
    }

    @Test
    void goldThatSharesNoQuestionWithTheRubricIsRefused() {
        Path file = gold("{\"id\": \"s1\", \"question\": \"beetle-1\", \"answer\": \"x\", \"score\": 1, \"scale\": 1}\n");
        Cli.Result r = Cli.run("eval", "--gold", file.toString());
        assertEquals(2, r.exitCode());
        assertEquals("grader: " + file + ": none of its 1 question(s) is in rubric net-http-server-concurrency "
                + "(beetle-1); pass the matching --bank or -r\n", r.err());
    }

    @Test
    void rubricAndBankTogetherIsAUsageError() {
        Cli.Result r = Cli.run("eval", "-r", "a.json", "--bank", "b.jsonl", "--gold", "g.jsonl");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().startsWith("grader: error: --rubric=RUBRIC, --bank=BANK are mutually exclusive"), r.err());
    }

    @Test
    void zeroJobsIsAUsageError() {
        Cli.Result r = Cli.run("eval", "--gold", gold(GOLD).toString(), "--jobs", "0");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().startsWith("grader: --jobs must be at least 1, found 0\n"), r.err());
    }

    @Test
    void aRubricWithLintErrorsIsNamedByItsFile() throws IOException {
        Path compiled = dir.resolve("rubric.json");
        assertEquals(0, Cli.run("compile", bank().toString(), "-o", compiled.toString()).exitCode());
        Path broken = Cli.write(dir.resolve("broken.json"), Files.readString(compiled).replace("\"Q4\"", "\"Q1\""));
        Cli.Result r = Cli.run("eval", "-r", broken.toString(), "--gold", gold(GOLD).toString(), "--no-progress");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().startsWith("grader: " + broken + ": /questions/1/id: duplicate question id 'Q1'"), r.err());
    }

    @Test
    void anUnknownFormatListsTheValidOnes() {
        Cli.Result r = Cli.run("eval", "--gold", gold(GOLD).toString(), "--format", "yaml");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().startsWith("grader: invalid value for option '--format': unknown format 'yaml'; valid: "
                + "text, json"), r.err());
    }

    @Test
    void predictionsThatCannotBeWrittenFailBeforeGrading() throws IOException {
        Path blocker = Cli.write(dir.resolve("file"), "x");
        Cli.Result r = Cli.run("eval", "--bank", bank().toString(), "--gold", gold(GOLD).toString(),
                "--predictions", blocker.resolve("p.jsonl").toString(), "--no-progress");
        assertEquals(2, r.exitCode());
        assertEquals("", r.out());
        assertTrue(r.err().startsWith("grader: " + blocker.resolve("p.jsonl") + ": cannot write predictions: "),
                r.err());
        assertEquals(1, r.err().lines().count(), r.err());
    }
}
