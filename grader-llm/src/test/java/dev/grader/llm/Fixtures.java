package dev.grader.llm;

import dev.grader.judge.OfflineJudge;
import dev.grader.rubric.KeyPoint;
import dev.grader.rubric.Misconception;
import dev.grader.rubric.Question;
import dev.grader.rubric.Rubric;
import dev.grader.rubric.RubricSource;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** A small question about net/http's concurrency, an API key to hunt for, and judges wired to a stub. */
final class Fixtures {

    /** A key no output may contain. */
    static final String SECRET = "sk-test-SECRET-4f9a8b7c6d5e";

    static final Question QUESTION = new Question("Q1", null,
            "How does net/http's Server handle concurrent connections?",
            "Serve runs an accept loop and starts a goroutine per accepted connection; handlers therefore run "
                    + "concurrently and must synchronize access to shared state.",
            List.of(), null,
            List.of(new KeyPoint("Q1-k-goroutine", "Each accepted connection is served in its own goroutine", 2,
                            List.of("goroutine", "connection"), List.of()),
                    new KeyPoint("Q1-k-accept-loop", "Serve runs an accept loop on the listener", 1,
                            List.of("accept", "loop"), List.of()),
                    new KeyPoint("Q1-k-sync", "Handlers run concurrently, so shared state needs synchronization", 1,
                            List.of("synchronization"), List.of()),
                    new KeyPoint("Q1-k-suggested", "A suggestion nobody reviewed", 1, List.of(), List.of(),
                            "suggested")),
            List.of(new Misconception("Q1-m-pool", "net/http uses a fixed pool of worker goroutines",
                    "There is no pool: one goroutine per connection.", List.of("pool"))),
            List.of(), List.of(), List.of());

    static final Rubric RUBRIC = new Rubric(Rubric.FORMAT_VERSION, "test", "Test", null,
            new RubricSource("test.txt", "0".repeat(64), "text"), List.of(QUESTION));

    static final OfflineJudge LEXICAL = OfflineJudge.builder().embeddings(false).build();

    private Fixtures() {
    }

    /** A judge for the stub: fast retries, a test cache, the lexical offline judge as fallback. */
    static LlmJudge.Builder judge(StubModelServer server, Provider provider, Path cacheDir) {
        LlmJudge.Builder b = LlmJudge.builder()
                .provider(provider)
                .baseUrl(server.baseUrl())
                .modelName("test-model")
                .timeout(Duration.ofSeconds(10))
                .retryBackoff(Duration.ofMillis(10))
                .fallback(LEXICAL)
                .prices(PriceTable.defaults().with("test-model", new Price(1.0, 2.0)));
        if (provider != Provider.OLLAMA) {
            b.apiKey(SECRET);
        }
        return cacheDir == null ? b.noCache() : b.cacheDir(cacheDir);
    }

    /** A reply in the documented format. */
    static String reply(String... pointsThenFeedback) {
        return "{\"points\":[" + String.join(",", pointsThenFeedback) + "],\"misconceptions\":[],"
                + "\"feedback\":\"Good start.\"}";
    }

    static String point(String id, String status, String quote) {
        return point(id, status, quote, "");
    }

    static String point(String id, String status, String quote, String followUp) {
        return "{\"id\":\"" + id + "\",\"status\":\"" + status + "\",\"quote\":\"" + quote
                + "\",\"reason\":\"because\",\"followUp\":\"" + followUp + "\"}";
    }
}
