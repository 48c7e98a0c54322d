package dev.grader.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.grader.internal.Json;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A grade the offline judge gave because the model could not be used (here: the call budget ran out) is
 * provisional: the batch exits 1 and says how many, and a rerun grades exactly those candidates again, against a
 * real OpenAI-format server on 127.0.0.1.
 */
class ProvisionalGradesTest {

    @TempDir
    Path dir;

    @Test
    void fallbackGradesAreProvisionalAndARerunRegradesExactlyThem() throws Exception {
        Path subs = dir.resolve("subs");
        for (int i = 1; i <= 20; i++) {
            Cli.write(java.nio.file.Files.createDirectories(subs).resolve(String.format(Locale.ROOT, "c%02d.md", i)),
                    "## Q1\nCandidate " + i + ": every accepted connection gets its own goroutine.\n");
        }
        Path out = dir.resolve("out");
        AtomicInteger requests = new AtomicInteger();
        try (MockWebServer server = JudgeOptionsTest.openAiStub(requests)) {
            List<String> args = new ArrayList<>(List.of("batch", subs.toString(), "-o", out.toString(),
                    "--no-progress", "--no-embeddings", "--judge", "openai", "--model", "gpt-4o-mini",
                    "--base-url", "http://127.0.0.1:" + server.getPort() + "/v1",
                    "--cache-dir", dir.resolve("llm").toString()));

            Cli.Result first = Cli.run(with(args, "--max-calls", "5"));
            assertEquals(1, first.exitCode(), first.err());
            assertEquals(5, requests.get());
            assertTrue(first.err().contains("grader: 15 answers of 15 candidates fell back to the offline judge (call "
                    + "budget of 5 requests exhausted): their grades are provisional; run the same command again to "
                    + "grade exactly them once the model can be reached or the budget allows."), first.err());
            JsonNode summary = Json.mapper().readTree(out.resolve("summary.json").toFile());
            assertEquals(15, summary.at("/counts/provisional").asInt());
            assertEquals(15, summary.at("/usage/fallbacks").asInt());

            Cli.Result second = Cli.run(with(args, "--max-calls", "100"));
            assertEquals(0, second.exitCode(), second.err());
            assertEquals(20, requests.get(), "exactly the 15 provisional candidates were sent again");
            assertTrue(second.out().contains("Graded 15 candidates (15 answers)"), second.out());
            assertTrue(second.out().contains("15 of them were graded again because their grades were provisional"),
                    second.out());
            assertTrue(second.out().contains("Skipped 5 candidates whose submission, rubric and judge settings are "
                    + "unchanged"), second.out());
            summary = Json.mapper().readTree(out.resolve("summary.json").toFile());
            assertEquals(0, summary.at("/counts/provisional").asInt());

            Cli.Result third = Cli.run(with(args, "--max-calls", "100"));
            assertEquals(0, third.exitCode(), third.err());
            assertEquals(20, requests.get(), "nothing provisional is left: nothing is sent");
        }
    }

    private static String[] with(List<String> args, String... more) {
        List<String> all = new ArrayList<>(args);
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }
}
