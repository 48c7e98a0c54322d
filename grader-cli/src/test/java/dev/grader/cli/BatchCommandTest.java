package dev.grader.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder pb = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                GraderCli.class.getName(), "batch", subs.toString(), "-o", out.toString(), "--jobs", "1",
                "--no-embeddings", "--no-progress");
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
        String stdout = Files.readString(dir.resolve("stdout.txt"));
        assertEquals(143, process.exitValue(), stdout + Files.readString(dir.resolve("stderr.txt")));
        assertTrue(stdout.contains("Interrupted: "), stdout);
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
