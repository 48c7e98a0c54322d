package dev.grader.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.grader.GradeReport;
import dev.grader.Grader;
import dev.grader.Rubrics;
import dev.grader.internal.Hashing;
import dev.grader.internal.Json;
import dev.grader.judge.OfflineJudge;
import dev.grader.report.ReportRenderer;
import dev.grader.report.TextReportRenderer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

@DisplayName("grader grade")
class GradeCommandTest {

    private static final String ANSWER = "Shutdown waits for in-flight requests; Close drops them";
    private static final String LEXICAL = "--no-embeddings";
    /** What the CLI grades with by default: the shipped rubric and its graded examples. */
    private static final Grader GRADER = Grader.builder().rubric(Rubrics.defaultRubric())
            .judge(OfflineJudge.builder().embeddings(false).build()).examples(Rubrics.defaultExamples()).build();

    @TempDir
    Path dir;

    /** Runs grade with standard input as given. */
    private static Cli.Result run(StandardInput stdin, String... args) {
        CommandLine cmd = Cli.commandLine();
        ((GradeCommand) cmd.getSubcommands().get("grade").getCommand()).stdin = stdin;
        return Cli.run(cmd, args);
    }

    /** Runs grade with a terminal on standard input, where nobody types. */
    private static Cli.Result run(String... args) {
        return run(StandardInput.of("", true), args);
    }

    private static JsonNode json(Cli.Result r) throws IOException {
        assertEquals(0, r.exitCode(), r.err());
        return Json.mapper().readTree(r.out());
    }

    @Nested
    @DisplayName("grades by example")
    class ByExample {

        @Test
        void withTheShippedExamplesByDefaultAndWithoutThemOnRequest() {
            Cli.Result by = run("grade", "-q", "Q1", "It uses a thread pool of workers.", LEXICAL);
            assertTrue(by.out().contains("\nGraded examples\n  Graded like an answer that scored "), by.out());
            Cli.Result plain = run("grade", "-q", "Q1", "It uses a thread pool of workers.", LEXICAL,
                    "--no-examples");
            assertFalse(plain.out().contains("Graded examples"), plain.out());
        }

        @Test
        void fromAFileGiven(@TempDir Path tmp) throws IOException {
            Path file = tmp.resolve("mine.csv");
            Files.writeString(file, "question,answer,score,scale\n"
                    + "Q4,\"Shutdown and Close are the same thing\",0,5\n"
                    + "Q4,\"Shutdown and Close both stop the server the same way\",0,5\n"
                    + "Q4,\"Shutdown is graceful, Close is forceful\",4,5\n");
            Cli.Result r = run("grade", "-q", "Q4", "--format", "json", "--examples", file.toString(),
                    "Shutdown and Close are really the same thing", LEXICAL);
            assertEquals(0, r.exitCode(), r.err());
            assertTrue(r.out().contains("\"examples\""), r.out());
            assertTrue(r.out().contains("\"exampleId\": \"line 2\""), r.out());
        }

        @Test
        void addedToTheRubricsOwnUnlessAskedOtherwise(@TempDir Path tmp) throws IOException {
            Path file = tmp.resolve("mine.jsonl");
            Files.writeString(file, "{\"id\": \"mine\", \"question\": \"Q4\", \"answer\": \"Shutdown is graceful and "
                    + "Close is not\", \"score\": 2, \"scale\": 5}\n");
            String answer = "Shutdown is graceful; it lets running handlers finish";
            String both = run("grade", "-q", "Q4", "--format", "json", "--examples", file.toString(), answer,
                    LEXICAL).out();
            String shipped = run("grade", "-q", "Q4", "--format", "json", answer, LEXICAL).out();
            String mineOnly = run("grade", "-q", "Q4", "--format", "json", "--no-rubric-examples", "--examples",
                    file.toString(), answer, LEXICAL).out();
            assertTrue(both.contains("\"exampleId\": \"ex-Q4-") && both.contains("\"exampleId\": \"mine\""), both);
            assertTrue(mineOnly.contains("\"exampleId\": \"mine\"") && !mineOnly.contains("\"exampleId\": \"ex-Q4-"),
                    mineOnly);
            assertTrue(!shipped.contains("\"exampleId\": \"mine\""), shipped);

            Cli.Result clash = run("grade", "-q", "Q4", "--no-examples", "--examples", file.toString(), "x", LEXICAL);
            assertEquals(2, clash.exitCode());
            assertEquals("grader: --examples: cannot be used with --no-examples\n", clash.err());
        }

        @Test
        void besideTheRubricFoundByName(@TempDir Path tmp) throws IOException {
            Path rubric = tmp.resolve("shipped.json");
            Files.copy(Path.of("../rubrics/net-http-server-concurrency.json"), rubric);
            Files.writeString(tmp.resolve("shipped.examples.jsonl"),
                    "{\"id\": \"mine\", \"question\": \"Q4\", \"answer\": \"Shutdown is graceful\", "
                            + "\"score\": 2, \"scale\": 5}\n");
            Cli.Result r = run("grade", "-r", rubric.toString(), "-q", "Q4", "Shutdown is graceful", LEXICAL);
            assertTrue(r.out().contains("(mine, similarity 1.00)"), r.out());
        }

        @Test
        void aBadExamplesFileIsOneLineAndExitTwo(@TempDir Path tmp) throws IOException {
            Path file = tmp.resolve("bad.jsonl");
            Files.writeString(file, "{\"question\": \"Q99\", \"answer\": \"x\", \"score\": 1, \"scale\": 5}\n");
            Cli.Result r = run("grade", "-q", "Q4", "--examples", file.toString(), "x", LEXICAL);
            assertEquals(2, r.exitCode());
            assertEquals("grader: " + file + ": line 1: unknown question 'Q99'; rubric net-http-server-concurrency "
                    + "has Q1, Q2, Q3, ..., Q33\n", r.err());
        }
    }

    @Nested
    @DisplayName("prints the report")
    class Formats {

        @Test
        void asTextByDefault() {
            Cli.Result r = run("grade", "-q", "Q4", ANSWER, LEXICAL);

            assertEquals(0, r.exitCode(), r.err());
            assertEquals(TextReportRenderer.builder().build().render(GRADER.grade("Q4", ANSWER)), r.out());
            assertTrue(r.out().startsWith("Q4 · What's the difference between Server.Shutdown and Server.Close?\n\n"
                    + "Score "), r.out());
            assertFalse(r.out().contains("\u001b"), "no colour off a terminal");
            assertEquals("", r.err());
        }

        @Test
        void asJson() throws IOException {
            JsonNode report = json(run("grade", "-q", "Q4", "--format", "json", ANSWER, LEXICAL));

            assertEquals("Q4", report.get("question").asText());
            assertEquals(ANSWER.length(), report.get("answer").get("chars").asInt());
            assertEquals(Hashing.sha256(ANSWER), report.get("answer").get("sha256").asText());
            assertEquals("off", report.get("audit").get("judge").get("settings").get("embeddings").asText());
        }

        @Test
        void asTheLibraryWritesIt() {
            GradeReport expected = GRADER.grade("Q4", ANSWER);

            assertEquals(ReportRenderer.json().render(expected),
                    run("grade", "-q", "Q4", "--format", "JSON", ANSWER, LEXICAL).out());
            assertEquals(ReportRenderer.markdown().render(expected),
                    run("grade", "-q", "Q4", "--format", "markdown", ANSWER, LEXICAL).out());
        }

        @Test
        void refusesAnUnknownFormat() {
            Cli.Result r = run("grade", "-q", "Q4", "--format", "yaml", ANSWER);

            assertEquals(2, r.exitCode());
            assertTrue(r.err().startsWith("grader: invalid value for option '--format': unknown format 'yaml'; "
                    + "valid: text, json, markdown\nUsage: grader grade "), r.err());
        }

        @Test
        void withHelpAndExamples() {
            Cli.Result r = run("grade", "--help");

            assertEquals(0, r.exitCode());
            assertTrue(r.out().startsWith("Grade one answer and show the report.\n\nUsage: grader grade "), r.out());
            assertTrue(r.out().contains("\nExamples:\n  grader grade -q Q4 \"Shutdown waits"), r.out());
            assertTrue(r.out().contains("--no-embeddings"), r.out());
        }
    }

    @Nested
    @DisplayName("takes the answer")
    class AnswerSources {

        @Test
        void fromSeveralWordsJoinedWithSpaces() throws IOException {
            JsonNode report = json(run("grade", "-q", "Q4", "--format", "json", LEXICAL, "Shutdown", "is",
                    "graceful"));

            assertEquals(Hashing.sha256("Shutdown is graceful"), report.get("answer").get("sha256").asText());
        }

        @Test
        void fromAFile() throws IOException {
            Path file = Cli.write(dir.resolve("answer.txt"), "Shutdown is graceful.\nClose is forceful.\n");

            JsonNode report = json(run("grade", "-q", "Q4", "-f", file.toString(), "--format", "json", LEXICAL));

            assertEquals(Hashing.sha256("Shutdown is graceful.\nClose is forceful.\n"),
                    report.get("answer").get("sha256").asText());
        }

        @Test
        void fromAFileWithoutItsByteOrderMark() throws IOException {
            Path file = Cli.write(dir.resolve("answer.txt"), "\uFEFFShutdown is graceful.");

            JsonNode report = json(run("grade", "-q", "Q4", "--file", file.toString(), "--format", "json", LEXICAL));

            assertEquals(Hashing.sha256("Shutdown is graceful."), report.get("answer").get("sha256").asText());
        }

        @Test
        void fromStandardInputWithADash() throws IOException {
            JsonNode report = json(run(StandardInput.of("Close is forceful.", true), "grade", "-q", "Q4", "-",
                    "--format", "json", LEXICAL));

            assertEquals(Hashing.sha256("Close is forceful."), report.get("answer").get("sha256").asText());
        }

        @Test
        void fromPipedStandardInputWhenNoAnswerIsGiven() throws IOException {
            JsonNode report = json(run(StandardInput.of("Close is forceful.\n", false), "grade", "-q", "Q4",
                    "--format", "json", LEXICAL));

            assertEquals(Hashing.sha256("Close is forceful.\n"), report.get("answer").get("sha256").asText());
        }

        @Test
        void emptyIsGradedAndScoresZero() throws IOException {
            for (Cli.Result r : new Cli.Result[] {
                run("grade", "-q", "Q4", "", "--format", "json", LEXICAL),
                run(StandardInput.of("", false), "grade", "-q", "Q4", "--format", "json", LEXICAL)}) {
                JsonNode report = json(r);

                assertEquals(0.0, report.get("score").asDouble());
                assertEquals(0, report.get("answer").get("chars").asInt());
            }
        }

        @Test
        void questionIdsIgnoreCaseWhenUnambiguous() throws IOException {
            assertEquals("Q4", json(run("grade", "-q", "q4", "x", "--format", "json", LEXICAL)).get("question")
                    .asText());
        }
    }

    @Nested
    @DisplayName("given a question bank where a rubric is expected")
    class BankForRubric {

        private static final String TEXT_BANK = """
                Go basics

                Q1. How are arrays passed to functions in Go?
                Model answer. By value: the function gets a copy of the array.
                """;

        @Test
        void compilesItForTheRunWithANotice() throws IOException {
            Path bank = Cli.write(dir.resolve("bank.txt"), TEXT_BANK);

            Cli.Result r = run("grade", "-r", bank.toString(), "-q", "Q1", "--format", "json", LEXICAL,
                    "Arrays are copied: the function gets its own copy.");

            assertEquals(0, r.exitCode(), r.err());
            assertEquals("grader: note: " + bank + " is a question bank, not a rubric: compiled it for this run (to "
                    + "skip this step next time: grader compile " + bank + " -o " + dir.resolve("bank.json") + ")\n",
                    r.err());
            assertEquals("Q1", json(r).get("question").asText());
        }

        @Test
        void readsABankSavedAsUtf16WithAByteOrderMarkAsCompileDoes() throws IOException {
            byte[] text = TEXT_BANK.getBytes(java.nio.charset.StandardCharsets.UTF_16LE);
            byte[] bytes = new byte[text.length + 2];
            bytes[0] = (byte) 0xFF;
            bytes[1] = (byte) 0xFE;
            System.arraycopy(text, 0, bytes, 2, text.length);
            Path bank = java.nio.file.Files.write(dir.resolve("bank.txt"), bytes);

            Cli.Result r = run("grade", "-r", bank.toString(), "-q", "Q1", "--format", "json", LEXICAL,
                    "Arrays are copied: the function gets its own copy.");

            assertEquals(0, r.exitCode(), r.err());
            assertTrue(r.err().startsWith("grader: note: " + bank + " is a question bank"), r.err());
            assertEquals("Q1", json(r).get("question").asText());
        }

        @Test
        void worksForJsonLinesBanksAndShowToo() {
            Path bank = Cli.copy("bank.jsonl", dir);

            Cli.Result r = run("show", bank.toString(), "-q", "Q1");

            assertEquals(0, r.exitCode(), r.err());
            assertTrue(r.out().contains("Is http.ResponseWriter safe for concurrent use?"), r.out());
            assertTrue(r.err().startsWith("grader: note: " + bank + " is a question bank, not a rubric"), r.err());
        }

        @Test
        void lintSaysToCompileItFirst() {
            Path bank = Cli.write(dir.resolve("bank.txt"), TEXT_BANK);

            Cli.Result r = run("lint", bank.toString());

            assertEquals(2, r.exitCode());
            assertEquals("grader: " + bank + ": is a question bank, not a rubric; compile it first: grader compile "
                    + bank + " -o " + dir.resolve("bank.json") + "\n", r.err());
        }

        @Test
        void textThatIsNeitherSaysSo() {
            Path notes = Cli.write(dir.resolve("notes.txt"), "Remember to buy milk.\n");

            Cli.Result r = run("grade", "-r", notes.toString(), "-q", "Q1", ANSWER);

            assertEquals(2, r.exitCode());
            assertTrue(r.err().startsWith("grader: " + notes + ": neither a rubric (JSON) nor a question bank that "
                    + "compiles: no questions found"), r.err());
        }
    }

    @Nested
    @DisplayName("refuses, with one line and exit code 2,")
    class BadInput {

        @Test
        void anUnknownQuestionListingTheValidIds() {
            Cli.Result r = run("grade", "-q", "Q99", ANSWER);

            assertEquals(2, r.exitCode());
            assertEquals("grader: rubric net-http-server-concurrency: unknown question 'Q99'; valid ids: Q1, Q2, Q3, "
                    + "Q4, Q5, Q6, Q7, Q8, Q9, Q10, Q11, Q12, Q13, Q14, Q15, Q16, Q17, Q18, Q19, Q20, Q21, Q22, Q23, "
                    + "Q24, Q25, Q26, Q27, Q28, Q29, Q30, Q31, Q32, Q33\n", r.err());
            assertEquals("", r.out());
        }

        @Test
        void aMissingAnswerFile() {
            Path missing = dir.resolve("answer.txt");

            Cli.Result r = run("grade", "-q", "Q4", "-f", missing.toString());

            assertEquals(2, r.exitCode());
            assertEquals("grader: " + missing + ": no such file\n", r.err());
        }

        @Test
        void aDirectory() {
            Cli.Result r = run("grade", "-q", "Q4", "-f", dir.toString());

            assertEquals(2, r.exitCode());
            assertEquals("grader: " + dir + ": is a directory, expected an answer file\n", r.err());
        }

        @Test
        void aFileThatIsNotUtf8() throws IOException {
            Path latin1 = Files.write(dir.resolve("answer.txt"), "Close\nis forc\u00e9ful".getBytes(
                    StandardCharsets.ISO_8859_1));

            Cli.Result r = run("grade", "-q", "Q4", "-f", latin1.toString());

            assertEquals(2, r.exitCode());
            assertEquals("grader: " + latin1 + ": line 2: not valid UTF-8 (byte 0xE9 at offset 13); save the "
                    + "answer as UTF-8\n", r.err());
        }

        @Test
        void standardInputThatIsNotUtf8() {
            Cli.Result r = run(StandardInput.of(new java.io.ByteArrayInputStream(new byte[] {'o', 'k', (byte) 0xff})),
                    "grade", "-q", "Q4");

            assertEquals(2, r.exitCode());
            assertEquals("grader: standard input: line 1: not valid UTF-8 (byte 0xFF at offset 2); save the answer "
                    + "as UTF-8\n", r.err());
        }

        @Test
        void noAnswerWhenStandardInputIsATerminal() {
            Cli.Result r = run("grade", "-q", "Q4");

            assertEquals(2, r.exitCode());
            assertTrue(r.err().startsWith("grader: missing answer: give it as ANSWER, with -f FILE, or on standard "
                    + "input ('-')\nUsage: grader grade "), r.err());
            assertTrue(r.err().endsWith("Try 'grader grade --help' for more information.\n"), r.err());
        }

        @Test
        void anAnswerAndAFileTogether() {
            Path file = Cli.write(dir.resolve("answer.txt"), ANSWER);

            Cli.Result r = run("grade", "-q", "Q4", "-f", file.toString(), ANSWER);

            assertEquals(2, r.exitCode());
            assertTrue(r.err().startsWith("grader: give the answer either as ANSWER or with -f, not both\n"), r.err());
        }

        @Test
        void noQuestion() {
            Cli.Result r = run("grade", ANSWER);

            assertEquals(2, r.exitCode());
            assertTrue(r.err().startsWith("grader: missing required option: '--question=ID'\n"), r.err());
        }
    }

    @Nested
    @DisplayName("grades huge input in bounded time and memory")
    class HugeInput {

        @Test
        void aFileOverTheReadLimitIsCutAndFlagged() throws IOException {
            Path big = dir.resolve("big.txt");
            byte[] words = "Shutdown is graceful. ".repeat(250_000).getBytes(StandardCharsets.UTF_8);
            Files.write(big, words);

            Cli.Result r = assertTimeoutPreemptively(Duration.ofSeconds(30),
                    () -> run("grade", "-q", "Q4", "-f", big.toString(), "--format", "json", LEXICAL));

            assertEquals("grader: " + big + ": larger than 4 MB; read only its first 4 MB\n", r.err());
            JsonNode report = json(r);
            assertEquals(AnswerInput.MAX_BYTES, report.get("answer").get("chars").asInt());
            assertTrue(report.get("answer").get("truncated").asBoolean());
            assertTrue(report.get("needsReview").asBoolean());
        }

        @Test
        void anEndlessPipeIsReadOnlyUpToTheLimit() throws IOException {
            InputStream endless = new InputStream() {
                @Override
                public int read() {
                    return 'a';
                }
            };

            Cli.Result r = assertTimeoutPreemptively(Duration.ofSeconds(30),
                    () -> run(StandardInput.of(endless), "grade", "-q", "Q4", "--format", "json", LEXICAL));

            assertEquals("grader: standard input: larger than 4 MB; read only its first 4 MB\n", r.err());
            assertTrue(json(r).get("answer").get("truncated").asBoolean());
        }

        @Test
        void aCutInsideAMultiByteCharacterIsNotAnEncodingError() {
            byte[] bytes = "é".repeat(AnswerInput.MAX_BYTES).getBytes(StandardCharsets.UTF_8);

            String text = AnswerInput.decode(bytes, AnswerInput.MAX_BYTES - 1, "x", true);

            assertEquals(AnswerInput.MAX_BYTES / 2 - 1, text.length());
        }

        @Test
        void aSingleFiftyThousandCharacterTokenIsGraded() throws IOException {
            JsonNode report = json(assertTimeoutPreemptively(Duration.ofSeconds(30),
                    () -> run("grade", "-q", "Q4", "x".repeat(50_000), "--format", "json", LEXICAL)));

            assertEquals(0.0, report.get("score").asDouble());
        }
    }

    @Test
    void anAnswerStartingWithADashIsToldToGoAfterTheDoubleDash() {
        Cli.Result r = run("grade", "-q", "Q4", "- Shutdown is graceful", LEXICAL);
        assertEquals(2, r.exitCode());
        assertTrue(r.err().startsWith("grader: unknown option: '- Shutdown is graceful'; an answer that starts with "
                + "'-' goes after --, as in grader grade ... -- '- Shutdown is graceful'\n"), r.err());
        assertEquals(0, run("grade", "-q", "Q4", LEXICAL, "--", "- Shutdown is graceful").exitCode());
    }

    @Test
    void anEmptyFileNameIsNamedAsSuch() {
        Cli.Result r = run("grade", "-q", "Q4", "-f", "", LEXICAL);
        assertEquals(2, r.exitCode());
        assertEquals("grader: -f: empty file name\n", r.err());
    }

    @Test
    void controlCharactersInAnErrorAreNotPassedToTheTerminal() {
        Cli.Result r = run("grade", "-q", "Q\u001b[31m9\n9", "x", LEXICAL);
        assertEquals(2, r.exitCode());
        assertTrue(r.err().startsWith("grader: rubric net-http-server-concurrency: unknown question 'Q?[31m9?9'; "),
                r.err());
        assertEquals(1, r.err().lines().count(), r.err());
    }
}
