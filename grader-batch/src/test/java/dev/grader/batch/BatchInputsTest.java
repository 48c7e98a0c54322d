package dev.grader.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.grader.InvalidInputException;
import dev.grader.internal.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a batch reads: regular files only, each once; what it leaves out is said, never silently dropped. */
class BatchInputsTest {

    @TempDir
    Path dir;

    static final Duration HANG = Duration.ofSeconds(60);

    private BatchResult run(Path out, Path... inputs) {
        return assertTimeoutPreemptively(HANG, () -> BatchGrading.builder(BatchFixtures.lexicalGrader())
                .outputDir(out).threads(2).build().run(List.of(inputs)));
    }

    private Path subs() {
        Path subs = dir.resolve("subs");
        BatchFixtures.write(subs.resolve("alice.md"), "## Q4\nShutdown waits for in-flight requests.\n");
        BatchFixtures.write(subs.resolve("bob.md"), "## Q4\nClose drops connections.\n");
        return subs;
    }

    static Path mkfifo(Path path) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("mkfifo", path.toString()).start();
        Assumptions.assumeTrue(p.waitFor() == 0, "needs mkfifo");
        return path;
    }

    @Test
    void aNamedPipeOrABrokenLinkInAFolderIsSkippedAndSaidWithoutWaitingForAWriter() throws Exception {
        Path subs = subs();
        mkfifo(subs.resolve("pipe.md"));
        Files.createSymbolicLink(subs.resolve("gone.md"), subs.resolve("nowhere.md"));
        Path out = dir.resolve("out");

        BatchResult r = run(out, subs);

        assertEquals(2, r.graded());
        assertEquals(List.of(subs.resolve("gone.md") + ": skipped: a link to nothing: its target is missing",
                subs.resolve("pipe.md") + ": skipped: a named pipe, not a regular file"),
                r.skipped().stream().map(SkippedInput::message).toList());
        assertEquals(List.of(), r.problems(), "nothing that should be graded is missing");
        JsonNode summary = Json.mapper().readTree(out.resolve("summary.json").toFile());
        assertEquals(2, summary.at("/counts/skipped").asInt());
        assertEquals(subs.resolve("pipe.md").toString(), summary.at("/skipped/1/source").asText());
        assertEquals("a named pipe, not a regular file", summary.at("/skipped/1/reason").asText());
    }

    @Test
    void aNamedPipeGivenAsAnInputIsAProblemAndTheRestIsGraded() throws Exception {
        Path subs = subs();
        Path pipe = mkfifo(dir.resolve("answers.jsonl"));

        BatchResult r = run(dir.resolve("out"), subs, pipe);

        assertEquals(2, r.graded());
        assertEquals(List.of(pipe + ": a named pipe, not a regular file: batch reads regular files only; save it to "
                + "a file first"), r.problems().stream().map(BatchProblem::message).toList());
    }

    @Test
    void aFolderOfOnlySpecialFilesSaysWhatItLeftOut() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        mkfifo(empty.resolve("pipe.md"));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> run(dir.resolve("out"), empty));
        assertEquals(empty + ": no submission files in this folder (expected one .md, .txt or .docx file per "
                + "candidate); left out: " + empty.resolve("pipe.md") + ": skipped: a named pipe, not a regular file",
                e.getMessage());
    }

    @Test
    void aSubmissionPassedSeveralTimesIsGradedOnceAndTheRepeatsAreSaid() throws Exception {
        Path subs = subs();
        Path out = dir.resolve("out");
        Path link = Files.createSymbolicLink(dir.resolve("alias.md"), subs.resolve("alice.md"));

        BatchResult r = run(out, subs, subs, subs.resolve("alice.md"), link);

        assertEquals(2, r.candidates());
        assertEquals(2, r.graded());
        assertEquals(List.of(subs + ": skipped: the same folder as " + subs + ", given twice; read once",
                subs.resolve("alice.md") + ": skipped: given twice; graded once",
                link + ": skipped: the same file as " + subs.resolve("alice.md") + "; graded once"),
                r.skipped().stream().map(SkippedInput::message).toList());
        List<String> files = new ArrayList<>();
        Json.mapper().readTree(out.resolve("summary.json").toFile()).get("candidates")
                .forEach(c -> files.add(c.get("file").asText()));
        assertEquals(List.of("candidates/alice", "candidates/bob"), files.stream().sorted().toList());
    }

    @Test
    void distinctFilesWithTheSameNameStillBecomeTwoCandidates() {
        Path subs = subs();
        Path other = dir.resolve("other");
        BatchFixtures.write(other.resolve("bob.md"), "## Q4\nAnother bob: Shutdown is graceful.\n");

        BatchResult r = run(dir.resolve("out"), subs, other);

        assertEquals(3, r.graded());
        assertTrue(r.skipped().isEmpty(), r.skipped().toString());
        assertTrue(Files.exists(dir.resolve("out/candidates/bob-2.json")));
    }

    @Test
    void aHiddenFileAndARepeatedInputAreBothListedWithTheirReasons() throws Exception {
        Path subs = subs();
        Path hidden = BatchFixtures.write(subs.resolve(".carol.md"), "## Q4\nA draft.\n");
        Path out = dir.resolve("out");

        BatchResult r = run(out, subs, subs.resolve("alice.md"));

        assertEquals(2, r.graded());
        assertEquals(List.of(hidden + ": skipped: hidden file (its name starts with a dot); rename it to grade it",
                subs.resolve("alice.md") + ": skipped: given twice; graded once"),
                r.skipped().stream().map(SkippedInput::message).toList());
        assertEquals(List.of(SkippedInput.Kind.HIDDEN, SkippedInput.Kind.REPEAT),
                r.skipped().stream().map(SkippedInput::kind).toList());
        JsonNode summary = Json.mapper().readTree(out.resolve("summary.json").toFile());
        assertEquals(2, summary.at("/counts/skipped").asInt());
        assertEquals(hidden.toString(), summary.at("/skipped/0/source").asText());
        assertEquals("hidden file (its name starts with a dot); rename it to grade it",
                summary.at("/skipped/0/reason").asText());
        assertEquals(subs.resolve("alice.md").toString(), summary.at("/skipped/1/source").asText());
        assertEquals("given twice; graded once", summary.at("/skipped/1/reason").asText());
    }

    @Test
    void underAnonymizationSkippedInputsKeepTheirReasonsButNoPath() throws Exception {
        Path subs = subs();
        BatchFixtures.write(subs.resolve(".carol.md"), "## Q4\nA draft.\n");
        Path link = Files.createSymbolicLink(dir.resolve("alias.md"), subs.resolve("alice.md"));
        Path out = dir.resolve("out");

        BatchResult r = assertTimeoutPreemptively(HANG, () -> BatchGrading.builder(BatchFixtures.lexicalGrader())
                .outputDir(out).anonymize(true).build().run(List.of(subs, link)));

        assertEquals(2, r.skipped().size(), r.skipped().toString());
        String summary = Files.readString(out.resolve("summary.json"));
        JsonNode doc = Json.mapper().readTree(summary);
        assertEquals(2, doc.at("/counts/skipped").asInt());
        assertEquals("hidden file (its name starts with a dot); rename it to grade it",
                doc.at("/skipped/0/reason").asText());
        assertEquals("given twice; read once", doc.at("/skipped/1/reason").asText(), "not 'the same file as ...'");
        assertTrue(doc.at("/skipped/0/source").isMissingNode());
        for (String name : List.of("alice", "carol", "alias")) {
            assertTrue(!summary.contains(name), name + " in " + summary);
        }
    }

    @Test
    void aHiddenFileNamedOnTheCommandLineIsGradedAndNotListedAsSkipped() throws Exception {
        Path subs = subs();
        Path hidden = BatchFixtures.write(subs.resolve(".carol.md"), "## Q4\nShutdown is graceful.\n");

        BatchResult afterFolder = run(dir.resolve("out1"), subs, hidden);
        assertEquals(3, afterFolder.graded());
        assertEquals(List.of(), afterFolder.skipped(), "named, so graded: not skipped");

        BatchResult beforeFolder = run(dir.resolve("out2"), hidden, subs);
        assertEquals(3, beforeFolder.graded());
        assertEquals(List.of(hidden + ": skipped: given twice; graded once"),
                beforeFolder.skipped().stream().map(SkippedInput::message).toList());
    }
}
