package dev.grader.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * A model server on 127.0.0.1 that sends its headers and then one byte a second: {@code --timeout} bounds the
 * whole exchange in every grading command, and the stalled answer falls back like any failed call.
 */
class StalledModelServerTest {

    static final Duration HANG = Duration.ofSeconds(60);
    static final String REASON = "the model server sent no complete reply within 1 s";

    @TempDir
    Path dir;

    MockWebServer server;

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                        .body("{" + " ".repeat(10_000) + "}").throttleBody(1, 1, TimeUnit.SECONDS).build();
            }
        });
        server.start(InetAddress.getLoopbackAddress(), 0);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private List<String> judge() {
        return List.of("--no-embeddings", "--judge", "openai", "--model", "gpt-4o-mini", "--base-url",
                "http://127.0.0.1:" + server.getPort() + "/v1", "--no-cache", "--timeout", "1");
    }

    private String[] args(String... command) {
        List<String> all = new ArrayList<>(List.of(command));
        all.addAll(judge());
        return all.toArray(String[]::new);
    }

    @Test
    void grade() {
        Cli.Result r = assertTimeoutPreemptively(HANG, () -> Cli.run(args("grade", "-q", "Q4", "--format", "json",
                "Shutdown waits for in-flight requests.")));
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("\"fallback\": \"" + REASON + "\""), r.out());
    }

    @Test
    void batch() throws Exception {
        Path subs = Files.createDirectories(dir.resolve("subs"));
        Cli.write(subs.resolve("alice.md"), "## Q4\nShutdown waits for in-flight requests.\n");
        Cli.write(subs.resolve("bob.md"), "## Q1\nOne goroutine per connection.\n");
        Cli.Result r = assertTimeoutPreemptively(HANG, () -> Cli.run(args("batch", subs.toString(), "-o",
                dir.resolve("out").toString(), "--no-progress")));
        assertEquals(1, r.exitCode(), "graded, but provisionally: " + r.err());
        assertTrue(r.err().contains("fell back to the offline judge (" + REASON + ")"), r.err());
    }

    @Test
    void eval() {
        Path bank = Cli.copy("bank.jsonl", dir);
        String id = Cli.resource("bank.jsonl").lines().findFirst().orElseThrow().replaceAll(".*\"id\": *\"([^\"]+)\".*",
                "$1");
        Path gold = Cli.write(dir.resolve("answers.jsonl"), "{\"id\": \"g1\", \"question\": \"" + id + "\", "
                + "\"answer\": \"An answer.\", \"score\": 1, \"scale\": 5}\n");
        Cli.Result r = assertTimeoutPreemptively(HANG, () -> Cli.run(args("eval", "--bank", bank.toString(),
                "--gold", gold.toString(), "--no-progress")));
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.err().contains("1 fallback(s) to the offline judge"), r.err());
    }

    @Test
    void quiz() {
        CommandLine cmd = Cli.commandLine();
        ((QuizCommand) cmd.getSubcommands().get("quiz").getCommand()).stdin =
                StandardInput.of("Shutdown is graceful.\n\n\n", false);
        Cli.Result r = assertTimeoutPreemptively(HANG, () -> Cli.run(cmd, args("quiz", "-q", "Q4")));
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("Shutdown") && r.err().contains("fallback"), r.out() + r.err());
    }
}
