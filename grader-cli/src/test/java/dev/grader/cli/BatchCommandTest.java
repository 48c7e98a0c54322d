package dev.grader.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.grader.Rubrics;
import dev.grader.internal.Json;
import dev.grader.rubric.Question;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

class BatchCommandTest {

    @TempDir
    Path dir;

    /** {@code n} submissions answering every question of the shipped rubric with its model answer. */
    private Path cohort(int n) {
        Path subs = dir.resolve("subs");
        List<Question> questions = Rubrics.defaultRubric().questions();
        for (int i = 1; i <= n; i++) {
            StringBuilder text = new StringBuilder();
            for (int q = 0; q < questions.size(); q++) {
                text.append("Q").append(q + 1).append("\n").append(i % 2 == 0 ? questions.get(q).modelAnswer()
                        : "I am not sure.").append("\n\n");
            }
            write(subs.resolve(String.format(Locale.ROOT, "cand-%03d.md", i)), text.toString());
        }
        return subs;
    }

    private static Path write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            return Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<String> lines(String text) {
        return text.lines().toList();
    }

    @Test
    void picksAnswersToGradeAndTheRerunWithThemRegradesOnlyWhoAnsweredTheirQuestions() throws IOException {
        Path subs = dir.resolve("subs");
        write(subs.resolve("alice.md"), "## Q1\nIt runs an accept loop and one goroutine per connection.\n\n"
                + "## Q4\nShutdown is graceful, Close is forceful.\n");
        write(subs.resolve("bob.md"), "## Q4\nShutdown waits for handlers; Close closes everything now.\n");
        write(subs.resolve("carol.md"), "## Q7\nThe server closes the request body itself.\n");
        Path out = dir.resolve("out");
        Cli.Result first = Cli.run("batch", subs.toString(), "-o", out.toString(), "--no-embeddings", "--no-examples",
                "--pick-examples", "2", "--questions", "Q1,Q4,Q7", "--no-progress");
        assertEquals(0, first.exitCode(), first.err());
        Path picked = out.resolve("examples-to-grade.csv");
        assertTrue(first.out().contains("Picked 4 answers for you to grade: " + picked), first.out());
        String rerun = "grader batch " + subs + " -o " + out + " --no-embeddings --no-rubric-examples --questions "
                + "Q1,Q4,Q7 --no-progress --examples " + picked;
        assertTrue(first.out().contains("  " + rerun + "\n"), first.out());
        String csv = Files.readString(picked, StandardCharsets.UTF_8);
        assertTrue(csv.startsWith("\uFEFFid,question,candidate,answer,score,scale,suggested\r\n"), csv);
        assertTrue(csv.contains("Q4/bob,Q4,bob,Shutdown waits for handlers; Close closes everything now.,,5,"), csv);

        // the reviewer grades the two answers to Q4 and nothing else
        write(picked, csv.replace("Shutdown is graceful, Close is forceful.\",,5", "Shutdown is graceful, Close is "
                + "forceful.\",4,5").replace("Close closes everything now.,,5", "Close closes everything now.,3,5"));
        Cli.Result second = Cli.run(rerun.substring("grader ".length()).split(" "));
        assertEquals(0, second.exitCode(), second.err());
        assertTrue(second.out().startsWith("Graded 2 candidates"), second.out());
        assertTrue(second.out().contains("2 of them were graded again because their submissions or the grading "
                + "changed since the last run"), second.out());
        assertTrue(second.out().contains("Skipped 1 candidate"), second.out());
        assertTrue(Files.readString(out.resolve("summary.json")).contains("\"regradedChanged\": 2"),
                Files.readString(out.resolve("summary.json")));
        assertTrue(Files.readString(out.resolve("candidates/bob.json")).contains("\"examples\""));
        assertFalse(Files.readString(out.resolve("candidates/carol.json")).contains("\"examples\""));

        // picking again never overwrites the scores a person filled in, nor picks what they graded
        String graded = Files.readString(picked, StandardCharsets.UTF_8);
        Cli.Result third = Cli.run("batch", subs.toString(), "-o", out.toString(), "--no-embeddings",
                "--pick-examples", "2", "--questions", "Q1,Q4,Q7", "--no-progress");
        assertEquals(0, third.exitCode(), third.err());
        assertEquals(graded, Files.readString(picked, StandardCharsets.UTF_8), "the graded file is kept as it was");
        Path next = out.resolve("examples-to-grade-2.csv");
        assertTrue(third.out().contains("The scores in examples-to-grade.csv are kept: the new picks go to "
                + "examples-to-grade-2.csv"), third.out());
        assertTrue(third.out().contains("answers for you to grade: " + next), third.out());
        String again = Files.readString(next, StandardCharsets.UTF_8);
        assertFalse(again.contains("Shutdown waits for handlers; Close closes everything now."), again);
        assertTrue(again.contains(",Q1,"), again);

        // a file of picks nobody has graded yet is simply replaced, and regrading with it says why it cannot
        Cli.Result fourth = Cli.run("batch", subs.toString(), "-o", out.toString(), "--no-embeddings",
                "--pick-examples", "1", "--questions", "Q1,Q4,Q7", "--no-progress");
        assertEquals(0, fourth.exitCode(), fourth.err());
        assertTrue(fourth.out().contains("answers for you to grade: " + next), fourth.out());
        Cli.Result early = Cli.run("batch", subs.toString(), "-o", out.toString(), "--no-embeddings",
                "--examples", next.toString(), "--no-progress");
        assertEquals(2, early.exitCode());
        assertTrue(early.err().contains("no graded examples yet: the score column is empty"), early.err());
    }

    @Test
    void gradesAFolderAndSaysWhereTheReportsAre() {
        Path subs = cohort(3);
        Path out = dir.resolve("out");
        Cli.Result r = Cli.run("batch", subs.toString(), "-o", out.toString(), "--no-embeddings", "--no-progress");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("", r.err());
        List<String> lines = lines(r.out());
        assertTrue(lines.get(0).matches("Graded 3 candidates \\(99 answers\\) in \\d+:\\d\\d\\."), lines.get(0));
        assertEquals("Reports: " + out.resolve("report.html") + ", " + out.resolve("summary.csv") + ", "
                + out.resolve("summary.json") + "; per candidate: " + out.resolve("candidates")
                + "/NAME.md and NAME.json.", lines.get(1));
        assertEquals(2, lines.size());
        assertTrue(Files.isRegularFile(out.resolve("candidates/cand-002.md")));
    }

    @Test
    void theReportNamesTheJudgeInWordsAndItsThresholdsOnlyWithVerbose() throws IOException {
        Path subs = cohort(1);
        Path out = dir.resolve("out");
        assertEquals(0, Cli.run("batch", subs.toString(), "-o", out.toString(), "--no-embeddings", "--no-progress")
                .exitCode());
        String html = Files.readString(out.resolve("report.html"));
        assertTrue(html.contains("<p>Judge: offline (word matching)</p>"), html);
        assertTrue(!html.contains("lexicalWeight"), "no tuning jargon for reviewers");
        assertTrue(Files.readString(out.resolve("summary.json")).contains("\"lexicalWeight\""),
                "the settings stay in summary.json");

        assertEquals(0, Cli.run("batch", subs.toString(), "-o", out.toString(), "--no-embeddings", "--no-progress",
                "--verbose").exitCode());
        assertTrue(Files.readString(out.resolve("report.html")).contains("<p>Judge: offline (covered "),
                "--verbose shows them");
    }

    @Test
    void reportsUnreadableFilesOnStandardErrorAndExitsWithOne() {
        Path subs = cohort(2);
        Path binary = write(subs.resolve("zoe.md"), "Q1\n\u0000\u0001");
        Path table = write(dir.resolve("rows.jsonl"), "{\"candidate\": \"yan\", \"question\": \"Q1\", "
                + "\"answer\": \"Goroutines.\"}\n{broken\n");
        Cli.Result r = Cli.run("batch", subs.toString(), table.toString(), "-o", dir.resolve("out").toString(),
                "--no-embeddings", "--no-progress");
        assertEquals(1, r.exitCode(), r.err());
        assertEquals(List.of(
                "grader: " + table + ": line 2: malformed JSON: Unexpected character ('b' (code 98)): was expecting "
                        + "double-quote to start field name",
                "grader: " + binary + ": binary file, not text (it contains NUL bytes)"), lines(r.err()));
        assertTrue(r.out().startsWith("Graded 3 candidates (67 answers) in "), r.out());
        assertTrue(r.out().contains("\n2 submissions or rows could not be graded: see above and summary.json.\n"),
                r.out());
    }

    /** A take-home of Q1, Q4 and Q7: alice answers all three with the model answers, bob only Q1 and Q4. */
    private Path takeHome() {
        Path subs = dir.resolve("take-home");
        List<Question> questions = Rubrics.defaultRubric().questions();
        StringBuilder alice = new StringBuilder();
        for (int q : new int[] {1, 4, 7}) {
            alice.append("Q").append(q).append("\n").append(questions.get(q - 1).modelAnswer()).append("\n\n");
        }
        write(subs.resolve("alice.md"), alice.toString());
        write(subs.resolve("bob.md"), "Q1\n" + questions.get(0).modelAnswer() + "\n\nQ4\n"
                + questions.get(3).modelAnswer() + "\n");
        return subs;
    }

    @Test
    void countsTheQuestionsTheSubmissionsAnswerNotTheWholeRubric() throws IOException {
        Path out = dir.resolve("out");
        Cli.Result r = Cli.run("batch", takeHome().toString(), "-o", out.toString(), "--no-embeddings",
                "--no-progress");

        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("\nQuestions: Q1, Q4, Q7, the ones the submissions answer (3 of 33); totals "
                + "count these only (--questions sets them).\n"), r.out());
        JsonNode summary = Json.mapper().readTree(out.resolve("summary.json").toFile());
        assertEquals("submissions", summary.get("assigned").get("from").asText());
        assertEquals("[\"Q1\",\"Q4\",\"Q7\"]", summary.get("assigned").get("questions").toString());
        JsonNode alice = summary.get("candidates").get(0);
        assertEquals("alice", alice.get("candidate").asText());
        assertEquals(3, alice.get("max").asInt());
        assertTrue(alice.get("percent").asDouble() > 60, "model answers to every assigned question: " + alice);
        JsonNode bob = summary.get("candidates").get(1);
        assertEquals(1, bob.get("unanswered").asInt(), "Q7 is assigned: bob left it out and it counts 0");
        assertEquals(Math.round(1000 * bob.get("total").asDouble() / 3) / 10.0, bob.get("percent").asDouble());
        assertEquals(3, summary.get("questions").size(), "the difficulty table has the assigned questions");
        assertEquals(List.of("Q1", "Q4", "Q7"), summary.get("candidates").get(0).get("scores").properties().stream()
                .map(java.util.Map.Entry::getKey).toList());
        String csvHeader = Files.readAllLines(out.resolve("summary.csv")).get(0);
        assertEquals("rank,candidate,file,status,Q1,Q4,Q7,total,max,percent,answered,unanswered,needs_review",
                csvHeader);
        String html = Files.readString(out.resolve("report.html"));
        assertTrue(html.contains("<p>Questions: Q1, Q4, Q7 (3 of 33, the ones the submissions answer)</p>"), html);
        assertTrue(Files.readString(out.resolve("candidates/bob.md")).contains("**Total: "), "the feedback too");
        assertTrue(Files.readString(out.resolve("candidates/bob.md")).contains(" of 3 ("), "out of 3 questions");
    }

    @Test
    void takesTheAssignedQuestionsByIdOrLevel() throws IOException {
        Path subs = takeHome();
        Path out = dir.resolve("out");
        Cli.Result r = Cli.run("batch", subs.toString(), "-o", out.toString(), "--no-embeddings", "--no-progress",
                "--questions", "q1,Q4", "--questions", "Q9");

        assertEquals(0, r.exitCode(), r.err());
        assertTrue(!r.out().contains("Questions:"), "chosen, nothing to explain: " + r.out());
        JsonNode summary = Json.mapper().readTree(out.resolve("summary.json").toFile());
        assertEquals("option", summary.get("assigned").get("from").asText());
        assertEquals("[\"Q1\",\"Q4\",\"Q9\"]", summary.get("assigned").get("questions").toString());
        JsonNode alice = Json.mapper().readTree(out.resolve("candidates/alice.json").toFile());
        assertEquals("unanswered", alice.get("questions").get(2).get("status").asText(), "Q9, assigned, missed");
        assertEquals("The answer to Q7 was not graded: Q7 is not among the assigned questions (Q1, Q4, Q9).",
                alice.get("notes").get(0).asText());

        String levels = Rubrics.defaultRubric().questions().get(0).level();
        long atLevel = Rubrics.defaultRubric().questions().stream().filter(q -> levels.equals(q.level())).count();
        Cli.Result byLevel = Cli.run("batch", subs.toString(), "-o", dir.resolve("by-level").toString(),
                "--no-embeddings", "--no-progress", "--questions", levels.toLowerCase(Locale.ROOT));
        assertEquals(0, byLevel.exitCode(), byLevel.err());
        assertEquals(atLevel, Json.mapper().readTree(dir.resolve("by-level/summary.json").toFile()).get("assigned")
                .get("questions").size());

        Cli.Result unknown = Cli.run("batch", subs.toString(), "-o", dir.resolve("bad").toString(), "--questions",
                "Q99");
        assertEquals(2, unknown.exitCode());
        assertTrue(unknown.err().startsWith("grader: rubric net-http-server-concurrency: unknown question 'Q99'; "
                + "valid ids: Q1, Q2,"), unknown.err());
    }

    @Test
    void aBankQuestionThatDoesNotCompileIsSkippedAndTheRestGraded() throws IOException {
        Path bank = write(dir.resolve("bank.jsonl"), """
                {"id": "Q1", "question": "How are arrays passed to functions in C?", "modelAnswer": "By reference."}
                {"id": "Q2", "question": "What does the dash stand for?", "modelAnswer": "\u2014"}
                """);
        Path subs = dir.resolve("subs");
        write(subs.resolve("ann.md"), "Q1\nArrays are passed by reference.\n\nQ2\nA minus sign.\n");
        Path out = dir.resolve("out");

        Cli.Result r = Cli.run("batch", "-r", bank.toString(), subs.toString(), "-o", out.toString(),
                "--no-embeddings", "--no-progress");

        assertEquals(1, r.exitCode(), "graded, with problems: " + r.err());
        assertTrue(r.err().contains("grader: warning: " + bank + ": line 2: question Q2: no key points could be "
                + "extracted from its model answer; skipped: answers to it are not graded\n"), r.err());
        assertTrue(r.out().startsWith("Graded 1 candidate (1 answer) in "), r.out());
        JsonNode summary = Json.mapper().readTree(out.resolve("summary.json").toFile());
        assertEquals(100.0, summary.get("candidates").get(0).get("percent").asDouble());
    }

    @Test
    void saysWhichHiddenAndBackupFilesItSkipped() throws IOException {
        Path subs = cohort(2);
        Path hidden = write(subs.resolve(".alice.md"), "Q1\nOne goroutine per connection.\n");
        Path backup = write(subs.resolve("cand-001.md~"), "Q1\nAn older draft.\n");
        Path out = dir.resolve("out");

        Cli.Result r = Cli.run("batch", subs.toString(), "-o", out.toString(), "--no-embeddings", "--no-progress");

        assertEquals(0, r.exitCode(), "skipping is a warning, not a failure: " + r.err());
        assertEquals(List.of(
                "grader: warning: " + hidden + ": skipped: hidden file (its name starts with a dot); rename it to "
                        + "grade it",
                "grader: warning: " + backup + ": skipped: editor backup file (its name ends with ~)"), lines(r.err()));
        assertTrue(r.out().startsWith("Graded 2 candidates"), r.out());
        assertTrue(r.out().contains("\n2 files were skipped (hidden or editor backups): see above and summary.json.\n"),
                r.out());
        JsonNode summary = Json.mapper().readTree(out.resolve("summary.json").toFile());
        assertEquals(2, summary.get("counts").get("skipped").asInt());
        assertEquals(hidden.toString(), summary.get("skipped").get(0).get("source").asText());
        assertEquals("hidden file (its name starts with a dot); rename it to grade it",
                summary.get("skipped").get(0).get("reason").asText());

        Path onlyHidden = dir.resolve("only-hidden");
        write(onlyHidden.resolve(".bob.md"), "Q1\nGoroutines.\n");
        Cli.Result none = Cli.run("batch", onlyHidden.toString(), "-o", dir.resolve("out2").toString());
        assertEquals(2, none.exitCode());
        assertEquals("grader: " + onlyHidden + ": no submission files in this folder (expected one .md, .txt or .docx "
                + "file per candidate); left out: " + onlyHidden.resolve(".bob.md") + ": skipped: hidden file (its "
                + "name starts with a dot); rename it to grade it\n", none.err());
    }

    @Test
    void saysWhichHiddenFilesAndRepeatedInputsItSkippedInOneList() throws IOException {
        Path subs = cohort(2);
        Path hidden = write(subs.resolve(".alice.md"), "Q1\nOne goroutine per connection.\n");
        Path twice = subs.resolve("cand-001.md");
        Path out = dir.resolve("out");

        Cli.Result r = Cli.run("batch", subs.toString(), twice.toString(), "-o", out.toString(), "--no-embeddings",
                "--no-progress");

        assertEquals(0, r.exitCode(), "skipping is a warning, not a failure: " + r.err());
        assertEquals(List.of(
                "grader: warning: " + hidden + ": skipped: hidden file (its name starts with a dot); rename it to "
                        + "grade it",
                "grader: warning: " + twice + ": skipped: given twice; graded once"), lines(r.err()));
        assertTrue(r.out().startsWith("Graded 2 candidates"), r.out());
        assertTrue(r.out().contains("\n2 files were skipped (hidden or editor backups; given twice): see above and "
                + "summary.json.\n"), r.out());
        JsonNode summary = Json.mapper().readTree(out.resolve("summary.json").toFile());
        assertEquals(2, summary.get("counts").get("skipped").asInt());
        assertEquals(List.of(hidden.toString(), twice.toString()),
                List.of(summary.at("/skipped/0/source").asText(), summary.at("/skipped/1/source").asText()));
    }

    @Test
    void aForceRunStoppedByItsOutputSaysToFinishWithoutForce() throws IOException {
        Path subs = cohort(3);
        Path out = dir.resolve("out");
        Path blocked = Files.createDirectories(out.resolve("candidates/cand-002.json"));
        write(blocked.resolve("keep"), "a folder where a result must go: replacing it fails like a full disk");

        Cli.Result r = Cli.run("batch", subs.toString(), "-o", out.toString(), "--force", "--no-embeddings",
                "--no-progress", "--jobs", "1");

        assertEquals(3, r.exitCode(), r.err());
        assertTrue(r.err().endsWith("What is saved is complete: fix that and run it again without --force to "
                + "finish.\n"), r.err());
        String resume = "grader batch " + subs + " -o " + out + " --no-embeddings --no-progress --jobs 1";
        assertTrue(r.out().contains("Stopped: 1 of 3 candidates are done and saved; 2 not graded yet. To finish, run "
                + "it without --force (which starts over):\n  " + resume + "\n"), r.out());

        Files.delete(blocked.resolve("keep"));
        Files.delete(blocked);
        Cli.Result rerun = Cli.run(resume.substring("grader ".length()).split(" "));
        assertEquals(0, rerun.exitCode(), rerun.err());
        assertTrue(rerun.out().startsWith("Graded 2 candidates"), "only what the stopped run left: " + rerun.out());
    }

    @Test
    void outputThatCannotBeWrittenStopsTheRunWithExitCodeThreeAndARerunFinishes() throws IOException {
        Path subs = cohort(3);
        Path out = dir.resolve("out");
        Path blocked = Files.createDirectories(out.resolve("candidates/cand-002.json"));
        write(blocked.resolve("keep"), "a folder where a result must go: replacing it fails like a full disk");

        Cli.Result r = Cli.run("batch", subs.toString(), "-o", out.toString(), "--no-embeddings", "--no-progress",
                "--jobs", "1");

        assertEquals(3, r.exitCode(), r.err());
        List<String> err = lines(r.err());
        assertEquals(1, err.size(), r.err());
        assertTrue(err.get(0).startsWith("grader: " + blocked + ": "), r.err());
        assertTrue(err.get(0).endsWith("; stopped: 2 candidates not graded yet. What is saved is complete: fix "
                + "that and run the same command again to finish."), r.err());
        assertTrue(r.out().contains("Stopped: 1 of 3 candidates are done and saved; 2 not graded yet."), r.out());

        Files.delete(blocked.resolve("keep"));
        Files.delete(blocked);
        Cli.Result rerun = Cli.run("batch", subs.toString(), "-o", out.toString(), "--no-embeddings",
                "--no-progress");
        assertEquals(0, rerun.exitCode(), rerun.err());
        assertTrue(rerun.out().startsWith("Graded 2 candidates"), rerun.out());
    }

    @Test
    void skipsUnchangedCandidatesOnARerunAndRegradesThemWithForce() {
        Path subs = cohort(2);
        String out = dir.resolve("out").toString();
        assertEquals(0, Cli.run("batch", subs.toString(), "-o", out, "--no-embeddings", "--no-progress").exitCode());
        Cli.Result again = Cli.run("batch", subs.toString(), "-o", out, "--no-embeddings", "--no-progress");
        assertEquals(0, again.exitCode(), again.err());
        List<String> lines = lines(again.out());
        assertTrue(lines.get(0).startsWith("Graded 0 candidates (0 answers) in "), lines.get(0));
        assertEquals("Skipped 2 candidates whose submission, rubric and judge settings are unchanged (--force "
                + "regrades them).", lines.get(1));
        Cli.Result forced = Cli.run("batch", subs.toString(), "-o", out, "--no-embeddings", "--no-progress",
                "--force");
        assertTrue(forced.out().startsWith("Graded 2 candidates (66 answers) in "), forced.out());
    }

    @Test
    void namesTheMappingFileWhenAnonymizing() throws IOException {
        Path subs = cohort(1);
        Path out = dir.resolve("out");
        Cli.Result r = Cli.run("batch", subs.toString(), "-o", out.toString(), "--anonymize", "--no-embeddings",
                "--no-progress");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().endsWith("Pseudonyms: " + out.resolve("anonymization-map.json")
                + " maps them back to candidates; keep it away from reviewers.\n"), r.out());
        JsonNode summary = Json.mapper().readTree(out.resolve("summary.json").toFile());
        assertTrue(summary.get("candidates").get(0).get("candidate").asText().matches("candidate-[0-9a-f]{6}"));
    }

    @Test
    void refusesBadInputWithOneLineAndExitCodeTwo() {
        Cli.Result missing = Cli.run("batch", dir.resolve("nope").toString(), "-o", dir.resolve("out").toString());
        assertEquals(2, missing.exitCode());
        assertEquals("grader: " + dir.resolve("nope") + ": no such file or folder\n", missing.err());

        Cli.Result jobs = Cli.run("batch", cohort(1).toString(), "-o", dir.resolve("out").toString(), "--jobs", "0");
        assertEquals(2, jobs.exitCode());
        assertTrue(jobs.err().startsWith("grader: --jobs must be at least 1, found 0\n"), jobs.err());

        Cli.Result noOutput = Cli.run("batch", dir.toString());
        assertEquals(2, noOutput.exitCode());
        assertTrue(noOutput.err().startsWith("grader: missing required option: '--output=OUTDIR'\n"),
                noOutput.err());
    }

    @Test
    void explainsItselfWithExamples() {
        Cli.Result r = Cli.run("batch", "--help");
        assertEquals(0, r.exitCode());
        assertTrue(r.out().startsWith("Grade a cohort of written take-homes.\n\nUsage: grader batch "), r.out());
        for (String text : List.of("--anonymize", "--force", "--jobs=N", "--judge=JUDGE", "--no-embeddings",
                "130 interrupted", "\nExamples:\n  grader batch submissions/ -o out/\n")) {
            assertTrue(r.out().contains(text), text + " in\n" + r.out());
        }
    }

    /**
     * A real process stopped by a signal, as Ctrl-C stops it: the JVM runs the shutdown hook, the command writes
     * the summary of what is done and says so, finished candidates are on disk, and a rerun completes the batch
     * grading only the rest. SIGTERM (what {@link Process#destroy()} sends) takes the same path as SIGINT; only the
     * exit status differs (143 instead of 130).
     */
    @Test
    @EnabledOnOs(OS.LINUX)
    void aSignalStopsCleanlyAndARerunFinishesTheBatch() throws Exception {
        Path subs = cohort(200);
        Path out = dir.resolve("out");
        Process process = startAndSignal(subs, out);
        String stdout = Files.readString(dir.resolve("stdout.txt"));
        assertEquals(143, process.exitValue(), stdout + Files.readString(dir.resolve("stderr.txt")));
        assertTrue(stdout.contains("Interrupted: "), stdout);
        assertTrue(stdout.contains(" not graded yet. Run the same command again to finish.\n"), stdout);
        JsonNode summary = Json.mapper().readTree(out.resolve("summary.json").toFile());
        assertEquals("interrupted", summary.get("run").get("status").asText());
        int done = summary.get("counts").get("graded").asInt();
        assertEquals(resultFiles(out), done);
        assertTrue(done >= 2 && done < 200, "done: " + done);
        assertEquals(200 - done, summary.get("counts").get("pending").asInt());

        Cli.Result rerun = Cli.run("batch", subs.toString(), "-o", out.toString(), "--jobs", "2", "--no-embeddings",
                "--no-progress");
        assertEquals(0, rerun.exitCode(), rerun.err());
        assertTrue(rerun.out().startsWith("Graded " + (200 - done) + " candidates"), rerun.out());
        assertTrue(rerun.out().contains("\nSkipped " + done + " candidates whose submission"), rerun.out());
        assertEquals(200, resultFiles(out));
    }

    /**
     * Ctrl-C during --force: running the same command again would start over once more, so the hint gives the
     * command that finishes the run, which is the same without --force.
     */
    @Test
    @EnabledOnOs(OS.LINUX)
    void anInterruptedForceRunGivesTheCommandThatFinishesIt() throws Exception {
        Path subs = cohort(200);
        Path out = dir.resolve("out dir");
        Process process = startAndSignal(subs, out, "--force");
        String stdout = Files.readString(dir.resolve("stdout.txt"));
        assertEquals(143, process.exitValue(), stdout + Files.readString(dir.resolve("stderr.txt")));
        String finish = "grader batch " + subs + " -o '" + out + "' --jobs 1 --no-embeddings --no-progress";
        assertTrue(stdout.contains(" not graded yet. To finish, run it without --force (which starts over):\n  "
                + finish + "\n"), stdout);
        int done = Json.mapper().readTree(out.resolve("summary.json").toFile()).get("counts").get("graded").asInt();

        Cli.Result rerun = Cli.run("batch", subs.toString(), "-o", out.toString(), "--jobs", "1", "--no-embeddings",
                "--no-progress");
        assertTrue(rerun.out().startsWith("Graded " + (200 - done) + " candidates"), rerun.out());
        assertTrue(Cli.run("batch", "--help").out().contains("Start over: regrade every candidate"));
    }

    /** Starts a real batch process on {@code subs}, waits for two finished candidates, and sends SIGTERM. */
    private Process startAndSignal(Path subs, Path out, String... extra) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString(), "-cp", System.getProperty("java.class.path"),
                GraderCli.class.getName(), "batch", subs.toString(), "-o", out.toString(), "--jobs", "1",
                "--no-embeddings", "--no-progress"));
        command.addAll(List.of(extra));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("XDG_CONFIG_HOME", dir.resolve("config").toString());
        pb.directory(dir.toFile());
        pb.redirectOutput(dir.resolve("stdout.txt").toFile());
        pb.redirectError(dir.resolve("stderr.txt").toFile());
        Process process = pb.start();
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (resultFiles(out) < 2 && process.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertTrue(process.isAlive(), "the batch must still be running when the signal comes");
            process.destroy();
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the process must end after the signal");
        } finally {
            process.destroyForcibly();
        }
        return process;
    }

    private static long resultFiles(Path out) throws IOException {
        Path candidates = out.resolve("candidates");
        if (!Files.isDirectory(candidates)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(candidates)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".json")).count();
        }
    }
}
