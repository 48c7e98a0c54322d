package dev.grader.llm;

import static dev.grader.llm.Fixtures.QUESTION;
import static dev.grader.llm.Fixtures.point;
import static dev.grader.llm.Fixtures.reply;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.grader.Assessment;
import dev.grader.PointStatus;
import dev.grader.internal.Json;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The same judge over Ollama's native API and Anthropic's messages API. */
class OtherWiresTest {

    static final String ANSWER = "Each connection gets its own goroutine. Handlers must lock shared maps.";

    @Test
    @DisplayName("Ollama: /api/chat with the schema as format, verdicts and token counts read from the native reply")
    void ollamaNativeFormat() throws Exception {
        String text = reply(point("Q1-k-goroutine", "covered", "its own goroutine"),
                point("Q1-k-sync", "partial", "Handlers must lock shared maps"));
        try (StubModelServer server = new StubModelServer(StubModelServer.Wire.OLLAMA,
                r -> StubModelServer.reply(StubModelServer.Wire.OLLAMA, text, 90, 15))) {
            Assessment a = Fixtures.judge(server, Provider.OLLAMA, null).build().assess(QUESTION, ANSWER);
            StubModelServer.Seen seen = server.requests().get(0);
            assertEquals("/api/chat", seen.path());
            JsonNode body = Json.mapper().readTree(seen.body());
            assertEquals("test-model", body.get("model").asText());
            assertEquals("object", body.at("/format/type").asText(), "the reply schema goes in 'format'");
            assertTrue(body.at("/format/properties/points").isObject());
            assertEquals(0.0, body.at("/options/temperature").asDouble());
            assertTrue(seen.user().contains(AnswerFence.fence(ANSWER)));
            assertTrue(seen.user().contains("Q1-k-accept-loop"));
            assertEquals(java.util.List.of(PointStatus.COVERED, PointStatus.MISSED, PointStatus.PARTIAL), statuses(a));
            assertEquals(90, a.trace().promptTokens());
            assertEquals(15, a.trace().completionTokens());
            assertEquals(java.util.List.of("the model's reply left out 1 key point(s); counted as missed"),
                    a.trace().notes(), "and no price note: local models are free");
        }
    }

    @Test
    @DisplayName("Anthropic: /v1/messages with x-api-key, system prompt apart, verdicts read from the text block")
    void anthropicMessages() {
        String text = "```json\n" + reply(point("Q1-k-goroutine", "covered", "its own goroutine")) + "\n```";
        try (StubModelServer server = new StubModelServer(StubModelServer.Wire.ANTHROPIC,
                r -> StubModelServer.reply(StubModelServer.Wire.ANTHROPIC, text, 70, 10))) {
            Assessment a = Fixtures.judge(server, Provider.ANTHROPIC, null).build().assess(QUESTION, ANSWER);
            StubModelServer.Seen seen = server.requests().get(0);
            assertEquals("/v1/messages", seen.path());
            assertEquals(Fixtures.SECRET, seen.apiKeyHeader());
            assertTrue(seen.system().contains(AnswerFence.BEGIN), "the rules travel as the system prompt");
            assertTrue(seen.user().contains(AnswerFence.fence(ANSWER)));
            assertNull(a.trace().fallback());
            assertEquals(PointStatus.COVERED, a.points().get(0).status());
            assertEquals(70, a.trace().promptTokens());
        }
    }

    private static java.util.List<PointStatus> statuses(Assessment a) {
        return a.points().stream().map(Assessment.Point::status).toList();
    }
}
