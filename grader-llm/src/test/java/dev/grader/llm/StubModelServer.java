package dev.grader.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.grader.internal.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * A real HTTP server on 127.0.0.1 that speaks a provider's wire format: it records every request and answers
 * through a function of the request, so tests can script replies, errors and delays.
 */
final class StubModelServer implements AutoCloseable {

    /** The wire formats of the providers. */
    enum Wire { OPENAI, OLLAMA, ANTHROPIC }

    /** A request as the server saw it, with the system prompt and user message pulled out of the body. */
    record Seen(String method, String path, String authorization, String apiKeyHeader, String body, String system,
                String user) {
    }

    private final MockWebServer server = new MockWebServer();
    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private final Wire wire;

    StubModelServer(Wire wire, Function<Seen, MockResponse> responder) {
        this.wire = wire;
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String body = request.getBody() == null ? "" : request.getBody().utf8();
                Seen s = parse(request, body);
                seen.add(s);
                return responder.apply(s);
            }
        });
        try {
            server.start(InetAddress.getLoopbackAddress(), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The base URL a judge of this wire format is configured with. */
    String baseUrl() {
        String root = "http://127.0.0.1:" + server.getPort();
        return switch (wire) {
            case OPENAI -> root + "/v1";
            case OLLAMA -> root;
            case ANTHROPIC -> root + "/v1/";
        };
    }

    List<Seen> requests() {
        return List.copyOf(seen);
    }

    int requestCount() {
        return seen.size();
    }

    /** A successful reply in a wire format. */
    static MockResponse reply(Wire wire, String text, int promptTokens, int completionTokens) {
        ObjectNode root = Json.mapper().createObjectNode();
        switch (wire) {
            case OPENAI -> {
                root.put("id", "chatcmpl-1").put("object", "chat.completion").put("created", 1).put("model", "m");
                ObjectNode choice = root.putArray("choices").addObject();
                choice.put("index", 0).put("finish_reason", "stop");
                choice.putObject("message").put("role", "assistant").put("content", text);
                root.putObject("usage").put("prompt_tokens", promptTokens).put("completion_tokens", completionTokens)
                        .put("total_tokens", promptTokens + completionTokens);
            }
            case OLLAMA -> {
                root.put("model", "m").put("created_at", "2025-01-01T00:00:00Z").put("done", true)
                        .put("done_reason", "stop").put("prompt_eval_count", promptTokens)
                        .put("eval_count", completionTokens);
                root.putObject("message").put("role", "assistant").put("content", text);
            }
            case ANTHROPIC -> {
                root.put("id", "msg_1").put("type", "message").put("role", "assistant").put("model", "m")
                        .put("stop_reason", "end_turn");
                root.putArray("content").addObject().put("type", "text").put("text", text);
                root.putObject("usage").put("input_tokens", promptTokens).put("output_tokens", completionTokens);
            }
        }
        return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                .body(Json.compact(root)).build();
    }

    static MockResponse status(int code, String retryAfter) {
        MockResponse.Builder b = new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json")
                .body("{\"error\":{\"message\":\"status " + code + "\"}}");
        if (retryAfter != null) {
            b.addHeader("Retry-After", retryAfter);
        }
        return b.build();
    }

    private Seen parse(RecordedRequest request, String body) {
        String system = "";
        String user = "";
        try {
            JsonNode root = Json.mapper().readTree(body.isEmpty() ? "{}" : body);
            if (root.has("system")) {
                system = text(root.get("system"));
            }
            JsonNode messages = root.path("messages");
            if (messages instanceof ArrayNode array) {
                StringBuilder u = new StringBuilder();
                for (JsonNode m : array) {
                    String role = m.path("role").asText();
                    if (role.equals("system")) {
                        system = text(m.get("content"));
                    } else if (role.equals("user")) {
                        u.append(text(m.get("content")));
                    }
                }
                user = u.toString();
            }
        } catch (IOException e) {
            user = "";
        }
        return new Seen(request.getMethod(), request.getUrl().encodedPath(), request.getHeaders().get("Authorization"),
                request.getHeaders().get("x-api-key"), body, system, user);
    }

    /** A message content: a string, or Anthropic's list of text blocks. */
    private static String text(JsonNode content) {
        if (content == null || content.isNull()) {
            return "";
        }
        if (content.isArray()) {
            StringBuilder b = new StringBuilder();
            content.forEach(block -> b.append(block.path("text").asText()));
            return b.toString();
        }
        return content.asText();
    }

    @Override
    public void close() {
        server.close();
    }
}
