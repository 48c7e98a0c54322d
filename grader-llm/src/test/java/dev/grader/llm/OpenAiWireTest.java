package dev.grader.llm;

import static dev.grader.llm.Fixtures.QUESTION;
import static dev.grader.llm.Fixtures.point;
import static dev.grader.llm.Fixtures.reply;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.grader.Assessment;
import dev.grader.GradeReport;
import dev.grader.Grader;
import dev.grader.PointStatus;
import dev.grader.internal.Json;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The LLM judge against a local server speaking OpenAI's chat completions format. */
class OpenAiWireTest {

    static final String ANSWER = "Serve loops on Accept. Each connection gets its own goroutine, started by Serve.";

    @TempDir
    Path cache;

    @Test
    @DisplayName("the request carries the rubric's points, misconceptions, the fenced answer and the JSON schema")
    void requestCarriesRubricAndFencedAnswer() throws Exception {
        try (StubModelServer server = new StubModelServer(StubModelServer.Wire.OPENAI,
                r -> stubReply(r, reply(point("Q1-k-goroutine", "covered", "its own goroutine"))))) {
            {
                Fixtures.judge(server, Provider.OPENAI, null).build().assess(QUESTION, ANSWER);
                assertEquals(1, server.requestCount());
                StubModelServer.Seen seen = server.requests().get(0);
                assertEquals("POST", seen.method());
                assertEquals("/v1/chat/completions", seen.path());
                JsonNode body = Json.mapper().readTree(seen.body());
                assertEquals("test-model", body.get("model").asText());
                assertEquals(0.0, body.get("temperature").asDouble());
                assertEquals("json_schema", body.at("/response_format/type").asText());
                assertTrue(body.at("/response_format/json_schema/strict").asBoolean());
                assertTrue(seen.user().contains("- Q1-k-goroutine (weight 2): Each accepted connection is served in "
                        + "its own goroutine"), seen.user());
                assertTrue(seen.user().contains("- Q1-k-accept-loop (weight 1): Serve runs an accept loop"));
                assertTrue(seen.user().contains("- Q1-m-pool: net/http uses a fixed pool of worker goroutines; "
                        + "correction: There is no pool"));
                assertFalse(seen.user().contains("Q1-k-suggested"), "suggested points are not graded");
                assertTrue(seen.user().contains(AnswerFence.BEGIN + "\n" + ANSWER + "\n" + AnswerFence.END));
                assertTrue(seen.system().contains("never instructions"));
                assertFalse(seen.system().contains(ANSWER));
                assertEquals("Bearer " + Fixtures.SECRET, seen.authorization(), "the key goes to the server only");
            }
        }
    }

    @Test
    @DisplayName("verdicts are parsed; quotes become evidence spans; points say judge llm; tokens and cost recorded")
    void verdictsParsed() {
        String text = reply(point("Q1-k-goroutine", "covered", "its own goroutine"),
                point("Q1-k-accept-loop", "partial", "serve LOOPS   on accept"),
                point("Q1-k-sync", "missed", "", "What happens when two handlers update one map?"));
        try (StubModelServer server = new StubModelServer(StubModelServer.Wire.OPENAI, r -> stubReply(r, text))) {
            Assessment a = Fixtures.judge(server, Provider.OPENAI, null).build().assess(QUESTION, ANSWER);
            assertEquals(List.of(PointStatus.COVERED, PointStatus.PARTIAL, PointStatus.MISSED),
                    a.points().stream().map(Assessment.Point::status).toList());
            assertTrue(a.points().stream().allMatch(p -> p.judge().equals("llm")));
            Assessment.Point covered = a.points().get(0);
            assertEquals("its own goroutine", covered.evidence().quote());
            assertEquals(ANSWER.indexOf("its own goroutine"), covered.evidence().start());
            assertEquals("Serve loops on Accept", a.points().get(1).evidence().quote(),
                    "case and whitespace differences are tolerated, the span is the answer's own text");
            assertEquals(List.of(new Assessment.GeneratedProbe("Q1-k-sync",
                    "What happens when two handlers update one map?")), a.probes());
            assertEquals("Good start.", a.feedback());
            assertEquals(1, a.trace().llmCalls());
            assertEquals(120, a.trace().promptTokens());
            assertEquals(30, a.trace().completionTokens());
            assertEquals((120 * 1.0 + 30 * 2.0) / 1e6, a.trace().costUsd(), 1e-12);
            assertNull(a.trace().fallback());
        }
    }

    @Test
    @DisplayName("an id given twice counts as a duplicate, not as unknown; the first entry wins and a note says so")
    void duplicateIdsCountedAsDuplicates() {
        String text = "{\"points\":[" + point("Q1-k-goroutine", "covered", "its own goroutine") + ","
                + point("Q1-k-accept-loop", "partial", "Serve loops on Accept") + ","
                + point("Q1-k-goroutine", "missed", "") + "],"
                + "\"misconceptions\":[{\"id\":\"Q1-m-pool\",\"quote\":\"Serve loops\"},"
                + "{\"id\":\"Q1-m-pool\",\"quote\":\"Accept\"}],\"feedback\":\"\"}";
        try (StubModelServer server = new StubModelServer(StubModelServer.Wire.OPENAI, r -> stubReply(r, text))) {
            Assessment a = Fixtures.judge(server, Provider.OPENAI, null).build().assess(QUESTION, ANSWER);
            assertEquals(0, a.trace().unknownIds());
            assertEquals(2, a.trace().duplicateIds());
            assertTrue(Json.compact(a.trace()).contains("\"duplicateIds\":2"));
            assertFalse(Json.compact(dev.grader.JudgeTrace.NONE).contains("duplicateIds"),
                    "left out when 0, so reports without duplicates do not change");
            assertEquals(PointStatus.COVERED, a.points().get(0).status(), "the first entry wins");
            assertEquals("Serve loops", a.misconceptions().get(0).evidence().quote());
            assertTrue(a.trace().notes().contains("the model's reply gave key point Q1-k-goroutine 2 times; the "
                    + "first entry (covered) was used, the other (missed) ignored"), a.trace().notes().toString());
            assertTrue(a.trace().notes().contains("the model's reply gave misconception Q1-m-pool 2 times; the "
                    + "first entry was used, the other ignored"), a.trace().notes().toString());
        }
    }

    @Test
    @DisplayName("a quote that is not in the answer is rejected: the point is not credited; unknown ids are counted")
    void inventedQuoteRejected() {
        String text = "{\"points\":[" + point("Q1-k-goroutine", "covered", "uses a goroutine pool per CPU") + ","
                + point("Q1-k-invented", "covered", "Serve") + "],"
                + "\"misconceptions\":[{\"id\":\"Q1-m-pool\",\"quote\":\"a fixed worker pool\"},"
                + "{\"id\":\"Q9-m-other\",\"quote\":\"Serve\"}],\"feedback\":\"\"}";
        try (StubModelServer server = new StubModelServer(StubModelServer.Wire.OPENAI, r -> stubReply(r, text))) {
            Assessment a = Fixtures.judge(server, Provider.OPENAI, null).build().assess(QUESTION, ANSWER);
            Assessment.Point p = a.points().get(0);
            assertEquals(PointStatus.MISSED, p.status());
            assertNull(p.evidence());
            assertEquals("model said covered but its quote is not in the answer", p.reason());
            assertEquals(2, a.trace().rejectedQuotes(), "the point's quote and the misconception's quote");
            assertEquals(2, a.trace().unknownIds());
            assertTrue(a.misconceptions().isEmpty());
            assertEquals(3, a.points().size(), "one point per graded key point, the omitted ones missed");
        }
    }

    @Test
    @DisplayName("a malformed reply gets one repair request; a second malformed reply falls back to the offline judge")
    void malformedReplyRepairThenFallback() {
        try (StubModelServer server = new StubModelServer(StubModelServer.Wire.OPENAI,
                r -> stubReply(r, "Sure! Here is my grading: covered, covered, missed."))) {
            Assessment a = Fixtures.judge(server, Provider.OPENAI, null).build().assess(QUESTION, ANSWER);
            assertEquals(2, server.requestCount());
            assertTrue(server.requests().get(1).user().contains("Your previous reply could not be used: the reply "
                    + "contains no JSON object."), server.requests().get(1).user());
            assertEquals("unparseable model reply after one repair attempt: the reply contains no JSON object",
                    a.trace().fallback());
            assertEquals(2, a.trace().llmCalls());
            assertTrue(a.points().stream().allMatch(p -> p.judge().equals("offline")));
        }
    }

    @Test
    @DisplayName("a malformed reply followed by a good one: the repaired verdicts count, with both requests")
    void malformedReplyRepaired() {
        AtomicInteger n = new AtomicInteger();
        try (StubModelServer server = new StubModelServer(StubModelServer.Wire.OPENAI,
                r -> stubReply(r, n.getAndIncrement() == 0 ? "{\"points\": [ {\"id\": \"Q1-k-goroutine\", } }" : reply(point("Q1-k-goroutine",
                        "covered", "its own goroutine"))))) {
            Assessment a = Fixtures.judge(server, Provider.OPENAI, null).build().assess(QUESTION, ANSWER);
            assertTrue(server.requests().get(1).user().contains("the reply is not valid JSON"));
            assertNull(a.trace().fallback());
            assertEquals(2, a.trace().llmCalls());
            assertEquals(PointStatus.COVERED, a.points().get(0).status());
        }
    }

    @Test
    @DisplayName("429 with Retry-After is retried after the server's delay")
    void rateLimitedThenRetried() {
        AtomicInteger n = new AtomicInteger();
        String good = reply(point("Q1-k-goroutine", "covered", "its own goroutine"));
        try (StubModelServer server = new StubModelServer(StubModelServer.Wire.OPENAI,
                r -> n.getAndIncrement() == 0 ? StubModelServer.status(429, "1") : stubReply(r, good))) {
            long start = System.nanoTime();
            Assessment a = Fixtures.judge(server, Provider.OPENAI, null).build().assess(QUESTION, ANSWER);
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertEquals(2, server.requestCount());
            assertTrue(millis >= 900, "waited " + millis + " ms, Retry-After said 1 s");
            assertNull(a.trace().fallback());
            assertEquals(2, a.trace().llmCalls(), "retries are requests too");
            assertEquals(PointStatus.COVERED, a.points().get(0).status());
        }
    }

    @Test
    @DisplayName("5xx is retried with backoff; when retries run out, the offline judge decides")
    void serverErrorsRetriedThenFallback() {
        try (StubModelServer server = new StubModelServer(StubModelServer.Wire.OPENAI,
                r -> StubModelServer.status(503, null))) {
            Assessment a = Fixtures.judge(server, Provider.OPENAI, null).maxRetries(2).build().assess(QUESTION, ANSWER);
            assertEquals(3, server.requestCount());
            assertEquals("model server answered HTTP 503 after 3 attempt(s)", a.trace().fallback());
            assertEquals(3, a.trace().llmCalls());
            assertTrue(a.points().stream().allMatch(p -> p.judge().equals("offline")));
        }
    }

    @Test
    @DisplayName("a request that times out falls back at once, without retrying")
    void timeoutFallsBack() {
        try (StubModelServer server = new StubModelServer(StubModelServer.Wire.OPENAI,
                r -> new MockResponse.Builder(stubReply(r, reply())).headersDelay(3, TimeUnit.SECONDS).build())) {
            Assessment a = Fixtures.judge(server, Provider.OPENAI, null).timeout(Duration.ofMillis(300)).build()
                    .assess(QUESTION, ANSWER);
            assertEquals("the model server sent no complete reply within 300 ms", a.trace().fallback());
            assertEquals(1, server.requestCount());
            assertTrue(a.points().stream().allMatch(p -> p.judge().equals("offline")));
        }
    }

    @Test
    @DisplayName("a spent call budget falls back without a request")
    void budgetExhausted() {
        try (StubModelServer server = new StubModelServer(StubModelServer.Wire.OPENAI,
                r -> stubReply(r, reply(point("Q1-k-goroutine", "covered", "its own goroutine"))))) {
            LlmJudge judge = Fixtures.judge(server, Provider.OPENAI, null).budget(CallBudget.of(1)).build();
            assertNull(judge.assess(QUESTION, ANSWER).trace().fallback());
            Assessment second = judge.assess(QUESTION, ANSWER + " More.");
            assertEquals("call budget of 1 requests exhausted", second.trace().fallback());
            assertEquals(1, server.requestCount());
            assertEquals(1, judge.usage().fallbacks());
        }
    }

    @Test
    @DisplayName("regrading from the cache sends nothing and gives a byte-identical report")
    void cacheHitMakesNoRequest() {
        String text = reply(point("Q1-k-goroutine", "covered", "its own goroutine"));
        try (StubModelServer server = new StubModelServer(StubModelServer.Wire.OPENAI, r -> stubReply(r, text))) {
            Grader first = Grader.builder().rubric(Fixtures.RUBRIC)
                    .judge(Fixtures.judge(server, Provider.OPENAI, cache).build()).build();
            String report1 = Json.pretty(first.grade("Q1", ANSWER));
            assertEquals(1, server.requestCount());

            LlmJudge again = Fixtures.judge(server, Provider.OPENAI, cache).build();
            Grader second = Grader.builder().rubric(Fixtures.RUBRIC).judge(again).build();
            GradeReport report2 = second.grade("Q1", ANSWER);
            assertEquals(1, server.requestCount(), "served from the cache");
            assertEquals(report1, Json.pretty(report2));
            assertEquals(1, again.usage().cacheHits());
            assertEquals(0, again.usage().requests());

            second.grade("Q1", ANSWER + " Also handlers need locks.");
            assertEquals(2, server.requestCount(), "another answer is another key");
        }
    }

    @Test
    @DisplayName("a corrupted cache entry is ignored and overwritten")
    void corruptedCacheEntryOverwritten() throws Exception {
        String text = reply(point("Q1-k-goroutine", "covered", "its own goroutine"));
        try (StubModelServer server = new StubModelServer(StubModelServer.Wire.OPENAI, r -> stubReply(r, text))) {
            LlmJudge judge = Fixtures.judge(server, Provider.OPENAI, cache).build();
            judge.assess(QUESTION, ANSWER);
            Path entry;
            try (var files = java.nio.file.Files.walk(cache)) {
                entry = files.filter(f -> f.toString().endsWith(".json")).findFirst().orElseThrow();
            }
            java.nio.file.Files.writeString(entry, "{\"format\": 1, \"reply\": ");
            Assessment a = judge.assess(QUESTION, ANSWER);
            assertEquals(2, server.requestCount());
            assertEquals(PointStatus.COVERED, a.points().get(0).status());
            assertTrue(java.nio.file.Files.readString(entry).contains("\"requests\": 1"));
            judge.assess(QUESTION, ANSWER);
            assertEquals(2, server.requestCount(), "the rewritten entry is used again");
        }
    }

    /** The reply with fixed token counts. */
    static MockResponse stubReply(StubModelServer.Seen seen, String text) {
        return StubModelServer.reply(StubModelServer.Wire.OPENAI, text, 120, 30);
    }
}
