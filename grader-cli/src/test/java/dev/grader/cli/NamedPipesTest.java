package dev.grader.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A named pipe is read like standard input: to its end, however long its writer takes, with a line on standard
 * error while grader waits; batch, which reads folders, skips special files and says so.
 */
class NamedPipesTest {

    @TempDir
    Path dir;

    static final Duration HANG = Duration.ofSeconds(60);

    static Path mkfifo(Path path) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("mkfifo", path.toString()).start();
        Assumptions.assumeTrue(p.waitFor() == 0, "needs mkfifo");
        return path;
    }

    /** Opens the pipe for writing after a delay (opening blocks until the reader opens it), writes and closes. */
    static Thread writeLater(Path pipe, String text, long delayMillis) {
        Thread writer = new Thread(() -> {
            try {
                Thread.sleep(delayMillis);
                try (OutputStream out = Files.newOutputStream(pipe)) {
                    out.write(text.getBytes(StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        writer.setDaemon(true);
        writer.start();
        return writer;
    }

    @Test
    void gradeReadsAnAnswerFromANamedPipeAndSaysItIsWaitingForItsWriter() throws Exception {
        Path pipe = mkfifo(dir.resolve("answer.fifo"));
        writeLater(pipe, "Shutdown waits for in-flight requests; Close drops them.", 2_500);

        Cli.Result r = assertTimeoutPreemptively(HANG, () -> Cli.run("grade", "-q", "Q4", "-f", pipe.toString(),
                "--no-embeddings", "--format", "json"));

        assertEquals(0, r.exitCode(), r.err());
        assertEquals("grader: " + pipe + ": a named pipe, read like standard input: waiting for its writer to finish "
                + "(Ctrl-C to stop)\n", r.err());
        assertTrue(r.out().contains("\"quote\": \"Shutdown waits for in-flight requests\""), r.out());
        assertTrue(r.out().contains("\"chars\": 56"), "the whole answer was read");
    }

    @Test
    void aQuickWriterIsNotAnnounced() throws Exception {
        Path pipe = mkfifo(dir.resolve("answer.fifo"));
        writeLater(pipe, "Shutdown is graceful.", 0);

        Cli.Result r = assertTimeoutPreemptively(HANG, () -> Cli.run("grade", "-q", "Q4", "-f", pipe.toString(),
                "--no-embeddings", "--format", "json"));

        assertEquals(0, r.exitCode(), r.err());
        assertEquals("", r.err());
    }

    @Test
    void compileAndLintReadNamedPipes() throws Exception {
        Path bank = mkfifo(dir.resolve("bank.jsonl"));
        writeLater(bank, Cli.resource("bank.jsonl"), 0);
        Path rubric = dir.resolve("bank.json");
        Cli.Result compiled = assertTimeoutPreemptively(HANG, () -> Cli.run("compile", bank.toString(), "-o",
                rubric.toString()));
        assertEquals(0, compiled.exitCode(), compiled.err());

        Path pipe = mkfifo(dir.resolve("rubric.fifo"));
        writeLater(pipe, Files.readString(rubric), 0);
        Cli.Result linted = assertTimeoutPreemptively(HANG, () -> Cli.run("lint", pipe.toString()));
        assertEquals(0, linted.exitCode(), linted.out() + linted.err());
    }

    @Test
    void batchSkipsANamedPipeInAFolderAndSaysSo() throws Exception {
        Path subs = Files.createDirectories(dir.resolve("subs"));
        Cli.write(subs.resolve("alice.md"), "## Q4\nShutdown waits for in-flight requests.\n");
        Path pipe = mkfifo(subs.resolve("pipe.md"));

        Cli.Result r = assertTimeoutPreemptively(HANG, () -> Cli.run("batch", subs.toString(), "-o",
                dir.resolve("out").toString(), "--no-embeddings", "--no-progress"));

        assertEquals(0, r.exitCode(), r.err());
        assertEquals("grader: " + pipe + ": skipped: a named pipe, not a regular file\n", r.err());
        assertTrue(r.out().startsWith("Graded 1 candidate"), r.out());
    }
}
