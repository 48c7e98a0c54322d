package dev.grader.llm;

import static dev.grader.llm.Fixtures.QUESTION;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.grader.Assessment;
import dev.grader.judge.ConsensusJudge;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The LLM judge against a server that misbehaves below the HTTP library: it stalls mid-body, closes mid-reply,
 * sends more than any reply needs, or sends JSON that is not a chat completion. Every case falls back to the
 * offline judge within the timeout, with a reason in words (never a Java class name).
 */
class HostileServerTest {

    static final String ANSWER = "Serve loops on Accept. Each connection gets its own goroutine.";

    /** Generous: the judge's timeout is 1 s; this only catches a hang, it does not measure speed. */
    static final Duration HANG = Duration.ofSeconds(30);

    @Test
    @DisplayName("a server that sends headers and then one byte a second is cut off at the timeout, body included")
    void stallMidBodyTimesOut() {
        try (RawHttpServer server = new RawHttpServer(out -> {
            RawHttpServer.headers(out, 100_000);
            out.write('{');
            for (int i = 0; i < 600; i++) {
                Thread.sleep(1000);
                out.write(' ');
                out.flush();
            }
        })) {
            Assessment a = assertTimeoutPreemptively(HANG, () -> judge(server, Duration.ofSeconds(1))
                    .assess(QUESTION, ANSWER));
            assertEquals("the model server sent no complete reply within 1 s", a.trace().fallback());
            assertEquals(1, server.requests(), "a timeout is not retried");
            assertTimeoutPreemptively(HANG, () -> {
                while (server.closedByClient() == 0) {
                    Thread.sleep(100); // the stalled exchange is cancelled, not left open: the server's write fails
                }
            });
            assertTrue(a.points().stream().allMatch(p -> p.judge().equals("offline")));
        }
    }

    @Test
    @DisplayName("consensus: the timeout holds per sample, and every stalled sample falls back")
    void stallBoundsEachConsensusSample() {
        try (RawHttpServer server = new RawHttpServer(out -> {
            RawHttpServer.headers(out, 100_000);
            for (int i = 0; i < 600; i++) {
                out.write(' ');
                out.flush();
                Thread.sleep(1000);
            }
        })) {
            LlmUsage usage = new LlmUsage();
            List<LlmJudge> samples = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                samples.add(judgeBuilder(server, Duration.ofSeconds(1)).temperature(0.7).sample(i).usage(usage)
                        .build());
            }
            Assessment a = assertTimeoutPreemptively(HANG, () -> ConsensusJudge.of(samples).assess(QUESTION, ANSWER));
            assertEquals("the model server sent no complete reply within 1 s", a.trace().fallback());
            assertEquals(3, usage.fallbacks());
            assertEquals(3, server.requests());
        }
    }

    @ParameterizedTest(name = "Content-Length announced: {0}")
    @org.junit.jupiter.params.provider.ValueSource(booleans = {true, false})
    @DisplayName("a server that streams far more than any reply needs is cut off at the size limit")
    void oversizedReply(boolean announced) {
        try (RawHttpServer server = new RawHttpServer(out -> {
            long size = 64L << 20;
            RawHttpServer.headers(out, announced ? size : -1);
            byte[] spaces = new byte[64 * 1024];
            java.util.Arrays.fill(spaces, (byte) ' ');
            for (long sent = 0; sent < size; sent += spaces.length) {
                out.write(spaces);
            }
        })) {
            Assessment a = assertTimeoutPreemptively(HANG, () -> judge(server, Duration.ofSeconds(20))
                    .assess(QUESTION, ANSWER));
            assertEquals("the model server's reply was larger than 8 MB", a.trace().fallback());
        }
    }

    static Stream<Arguments> badReplies() {
        String completion = "{\"id\":\"c\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"m\","
                + "\"choices\":[{\"index\":0,\"finish_reason\":\"stop\",\"message\":{\"role\":\"assistant\","
                + "\"content\":\"{}\"}}],\"usage\":{\"prompt_tokens\":%s,\"completion_tokens\":1}}";
        String notJson = "the model's reply was not the JSON format asked for";
        return Stream.of(
                Arguments.of("closed mid-reply", (RawHttpServer.Behaviour) out -> {
                    RawHttpServer.headers(out, 1000);
                    out.write("{\"id\":".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                }, "the connection closed mid-reply"),
                Arguments.of("closed before answering", (RawHttpServer.Behaviour) out -> {
                }, "the model server closed the connection without replying"),
                Arguments.of("not JSON", (RawHttpServer.Behaviour) out -> RawHttpServer.reply(out, "hello"),
                        notJson),
                Arguments.of("an empty object", (RawHttpServer.Behaviour) out -> RawHttpServer.reply(out, "{}"),
                        notJson),
                Arguments.of("no choices", (RawHttpServer.Behaviour) out ->
                        RawHttpServer.reply(out, "{\"choices\": []}"), notJson),
                Arguments.of("an empty body", (RawHttpServer.Behaviour) out -> RawHttpServer.reply(out, ""),
                        notJson),
                Arguments.of("JSON of another shape", (RawHttpServer.Behaviour) out ->
                        RawHttpServer.reply(out, "{\"choices\": \"none\"}"), notJson),
                Arguments.of("a number too large for its field", (RawHttpServer.Behaviour) out ->
                        RawHttpServer.reply(out, String.format(completion, "1e30")), notJson),
                Arguments.of("a number longer than JSON parsers allow", (RawHttpServer.Behaviour) out ->
                        RawHttpServer.reply(out, String.format(completion, "1".repeat(5000))), notJson));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badReplies")
    @DisplayName("a broken reply falls back with a reason in words")
    void brokenReplies(String name, RawHttpServer.Behaviour behaviour, String reason) {
        try (RawHttpServer server = new RawHttpServer(behaviour)) {
            Assessment a = assertTimeoutPreemptively(HANG, () -> judge(server, Duration.ofSeconds(5))
                    .assess(QUESTION, ANSWER));
            assertEquals(reason, a.trace().fallback());
            assertFalse(a.trace().fallback().matches(".*[A-Z][a-z]+(Exception|Error).*"), a.trace().fallback());
        }
    }

    @Test
    @DisplayName("a cache that cannot be written is noted in words, and the verdicts stand")
    void unwritableCacheNotedInWords(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path file = java.nio.file.Files.writeString(dir.resolve("a-file"), "not a folder");
        String reply = Fixtures.reply(Fixtures.point("Q1-k-goroutine", "covered", "its own goroutine"));
        try (StubModelServer server = new StubModelServer(StubModelServer.Wire.OPENAI,
                r -> OpenAiWireTest.stubReply(r, reply))) {
            Assessment a = Fixtures.judge(server, Provider.OPENAI, file.resolve("cache")).build()
                    .assess(QUESTION, ANSWER);
            assertEquals(null, a.trace().fallback());
            String note = a.trace().notes().stream().filter(n -> n.startsWith("reply not cached")).findFirst()
                    .orElseThrow();
            assertEquals("reply not cached: cannot write " + file.resolve("cache") + " (Not a directory)", note);
        }
    }

    private static LlmJudge judge(RawHttpServer server, Duration timeout) {
        return judgeBuilder(server, timeout).build();
    }

    private static LlmJudge.Builder judgeBuilder(RawHttpServer server, Duration timeout) {
        return LlmJudge.builder()
                .provider(Provider.OPENAI)
                .baseUrl(server.baseUrl())
                .modelName("test-model")
                .apiKey(Fixtures.SECRET)
                .timeout(timeout)
                .maxRetries(0)
                .noCache()
                .fallback(Fixtures.LEXICAL);
    }
}
