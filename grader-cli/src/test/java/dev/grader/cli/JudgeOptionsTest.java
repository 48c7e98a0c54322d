package dev.grader.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.grader.InvalidInputException;
import dev.grader.internal.Json;
import dev.grader.llm.LlmJudge;
import dev.grader.llm.Provider;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;

/** Flags, environment and grader.yaml into a judge; the judge options on eval and compile against a local server. */
class JudgeOptionsTest {

    @TempDir
    Path dir;

    /** A command that only carries the mixin, to parse flags as every grading command does. */
    static final class Holder {
        @Mixin
        JudgeOptions judge;
    }

    private JudgeOptions parse(String... args) {
        Holder h = new Holder();
        new CommandLine(h).parseArgs(args);
        return h.judge;
    }

    private JudgeEnvironment env(Map<String, String> vars) {
        Map<String, String> all = new HashMap<>(vars);
        all.put("XDG_CONFIG_HOME", dir.resolve("config").toString());
        all.put("XDG_CACHE_HOME", dir.resolve("cache").toString());
        return new JudgeEnvironment(all, dir.resolve("work"));
    }

    private JudgeSetup create(Map<String, String> vars, String... args) {
        return JudgeFactory.create(parse(args), env(vars));
    }

    @Test
    @DisplayName("nothing configured: the offline judge, no summary line")
    void offlineByDefault() {
        JudgeSetup s = create(Map.of(), "--no-embeddings");
        assertEquals("offline", s.judge().info().name());
        assertEquals("off", s.judge().info().settings().get("embeddings"));
        assertFalse(s.usesModel());
        assertTrue(s.summaryLine().isEmpty());
    }

    @Test
    @DisplayName("a policy that needs a model, without one, is an input error")
    void policyNeedsModel() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> create(Map.of(), "--policy",
                "escalate"));
        assertEquals("--policy: policy escalate needs a model: add --judge openai|ollama|anthropic (or set "
                + "GRADER_JUDGE)", e.getMessage());
        assertEquals("--policy: unknown policy 'vote'; valid: offline, llm, blend, escalate, consensus",
                assertThrows(InvalidInputException.class, () -> create(Map.of(), "--policy", "vote")).getMessage());
    }

    @Test
    @DisplayName("--judge offline overrides the policy a config file set for its model")
    void offlineOnTheCommandLineOverridesTheConfiguredPolicy() throws Exception {
        Files.createDirectories(dir.resolve("work"));
        Files.writeString(dir.resolve("work/grader.yaml"), "judge: openai\npolicy: escalate\n");
        assertEquals("offline", create(Map.of(), "--no-embeddings", "--judge", "offline").judge().info().name());
        assertEquals("offline", create(Map.of("GRADER_JUDGE", "offline"), "--no-embeddings").judge().info().name());
        Files.writeString(dir.resolve("work/grader.yaml"), "judge: offline\npolicy: escalate\n");
        assertThrows(InvalidInputException.class, () -> create(Map.of(), "--no-embeddings"),
                "a config that asks for both is still a mistake");
    }

    @Test
    @DisplayName("openai without a key or a base URL says which variable to set")
    void missingKey() {
        assertEquals("--judge openai: OPENAI_API_KEY is not set (or pass --base-url of an OpenAI-compatible server "
                        + "that needs no key)",
                assertThrows(InvalidInputException.class, () -> create(Map.of("GRADER_JUDGE", "openai")))
                        .getMessage());
    }

    @Test
    @DisplayName("flags win over the environment, the environment over grader.yaml, the working dir over the user's")
    void precedence() throws Exception {
        Files.createDirectories(dir.resolve("work"));
        Files.createDirectories(dir.resolve("config/grader"));
        Files.writeString(dir.resolve("config/grader/grader.yaml"), "judge: anthropic\nmodel: user-model\n"
                + "policy: escalate\nbaseUrl: http://127.0.0.1:9/v1/\n");
        Files.writeString(dir.resolve("work/grader.yaml"), "judge: ollama\nmodel: local-model\n");

        JudgeSetup fromFiles = create(Map.of(), "--no-embeddings");
        assertEquals("escalate", fromFiles.judge().info().name(), "policy from the user's file");
        LlmJudge m = fromFiles.model().orElseThrow();
        assertEquals(Provider.OLLAMA, m.provider(), "the working dir's file wins");
        assertEquals("local-model", m.modelName());

        LlmJudge env = create(Map.of("GRADER_MODEL", "env-model"), "--no-embeddings").model().orElseThrow();
        assertEquals("env-model", env.modelName());

        LlmJudge flags = create(Map.of("GRADER_MODEL", "env-model", "GRADER_JUDGE", "anthropic"), "--no-embeddings",
                "--judge", "ollama", "--model", "flag-model").model().orElseThrow();
        assertEquals(Provider.OLLAMA, flags.provider());
        assertEquals("flag-model", flags.modelName());
        assertEquals("127.0.0.1:9", flags.info().settings().get("endpoint"), "base URL from the user's file");
    }

    @Test
    @DisplayName("OLLAMA_HOST sets the Ollama server the way Ollama reads it")
    void ollamaHost() {
        LlmJudge m = create(Map.of("OLLAMA_HOST", "gpu-box"), "--no-embeddings", "--judge", "ollama").model()
                .orElseThrow();
        assertEquals("gpu-box:11434", m.info().settings().get("endpoint"));
        assertEquals("http://10.0.0.2:8000", JudgeFactory.ollamaHost("http://10.0.0.2:8000"));
    }

    @Test
    @DisplayName("consensus: samples of one model at a temperature, or several models")
    void consensus() {
        JudgeSetup s = create(Map.of(), "--no-embeddings", "--judge", "ollama", "--policy", "consensus",
                "--samples", "3");
        assertEquals("consensus", s.judge().info().name());
        assertEquals(3, s.judge().info().settings().get("samples"));
        JudgeSetup models = create(Map.of(), "--no-embeddings", "--judge", "ollama", "--policy", "consensus",
                "--model", "a,b");
        assertEquals(2, models.judge().info().settings().get("samples"));
        assertEquals("--model: several models need --policy consensus", assertThrows(InvalidInputException.class,
                () -> create(Map.of(), "--judge", "ollama", "--model", "a,b")).getMessage());
    }

    @Test
    @DisplayName("grader.yaml errors name the file and the key")
    void yamlErrors() throws Exception {
        Files.createDirectories(dir.resolve("work"));
        Path yaml = dir.resolve("work/grader.yaml");
        Files.writeString(yaml, "judge: openai\nmodle: gpt-4o\n");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> create(Map.of()));
        assertTrue(e.getMessage().startsWith(yaml + ": modle: unknown setting; valid: baseUrl, blend, cache,"),
                e.getMessage());
        Files.writeString(yaml, "prices:\n  my-model: {input: cheap}\n");
        assertEquals(yaml + ": prices.my-model: expected {input: USD per million tokens, output: USD per million "
                + "tokens}", assertThrows(InvalidInputException.class, () -> create(Map.of())).getMessage());
        Files.delete(yaml);
        assertEquals("--price gpt=1: expected MODEL=IN,OUT in USD per million tokens, such as gpt-4o-mini=0.15,0.60",
                assertThrows(InvalidInputException.class, () -> create(Map.of(), "--judge", "ollama", "--price",
                        "gpt=1")).getMessage());
    }

    @Test
    @DisplayName("eval with a model: one request per answer, a cost line on stderr, the cache makes a rerun free")
    void evalWithModelAndCache() throws Exception {
        AtomicInteger requests = new AtomicInteger();
        try (MockWebServer server = openAiStub(requests)) {
            Path bank = Cli.write(dir.resolve("bank.jsonl"), """
                    {"id": "Q1", "question": "How does net/http serve connections?", "modelAnswer": "The server runs an accept loop. Every accepted connection is served by its own goroutine."}
                    """);
            Path gold = Cli.write(dir.resolve("answers.jsonl"), """
                    {"id": "g1", "question": "Q1", "answer": "Each connection gets its own goroutine.", "score": 5, "scale": 5}
                    {"id": "g2", "question": "Q1", "answer": "A pool of threads.", "score": 0, "scale": 5}
                    """);
            String[] args = {"eval", "--bank", bank.toString(), "--gold", gold.toString(), "--no-progress",
                "--no-embeddings", "--judge", "openai", "--model", "gpt-4o-mini", "--base-url",
                "http://127.0.0.1:" + server.getPort() + "/v1", "--cache-dir", dir.resolve("llm").toString()};
            Cli.Result first = Cli.run(args);
            assertEquals(0, first.exitCode(), first.err());
            assertEquals(2, requests.get());
            assertTrue(first.err().contains("LLM: 2 answer(s), 2 request(s), 0 from cache, 200 input + 40 output "
                    + "tokens, ~$0.0001, 0 fallback(s) to the offline judge [openai gpt-4o-mini]"), first.err());

            Cli.Result second = Cli.run(args);
            assertEquals(2, requests.get(), "served from the cache");
            assertTrue(second.err().contains("2 answer(s), 0 request(s), 2 from cache"), second.err());
            assertEquals(first.out(), second.out());
        }
    }

    @Test
    @DisplayName("compile --suggest adds suggestions that lint lists; without a model it is an input error")
    void compileSuggest() throws Exception {
        Path bank = Cli.write(dir.resolve("bank.jsonl"), """
                {"id": "Q1", "question": "How does net/http serve connections?", "modelAnswer": "The server runs an accept loop. Every accepted connection is served by its own goroutine."}
                """);
        Cli.Result none = Cli.run("compile", bank.toString(), "--suggest");
        assertEquals(2, none.exitCode());
        assertEquals("grader: --suggest: needs a model: add --judge openai|ollama|anthropic (or set GRADER_JUDGE)\n",
                none.err());

        AtomicInteger requests = new AtomicInteger();
        try (MockWebServer server = openAiStub(requests)) {
            Path out = dir.resolve("bank.json");
            Cli.Result r = Cli.run("compile", bank.toString(), "-o", out.toString(), "--suggest", "--judge", "openai",
                    "--base-url", "http://127.0.0.1:" + server.getPort() + "/v1", "--no-cache");
            assertEquals(0, r.exitCode(), r.err());
            assertTrue(r.err().contains("Suggested 1 key point(s), 1 misconception(s), 0 follow-up(s), awaiting "
                    + "review"), r.err());
            Cli.Result lint = Cli.run("lint", out.toString());
            assertEquals(0, lint.exitCode(), lint.out() + lint.err());
            assertTrue(lint.out().contains("suggested key point awaiting review: \"Handlers run concurrently\""),
                    lint.out());
            assertTrue(lint.out().contains("2 suggestion(s) awaiting review"), lint.out());
        }
    }

    /** An OpenAI-format server: grading requests get every key point missed, suggestion requests two proposals. */
    static MockWebServer openAiStub(AtomicInteger requests) throws Exception {
        MockWebServer server = new MockWebServer();
        Pattern point = Pattern.compile("^- (\\S+) \\(weight", Pattern.MULTILINE);
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                requests.incrementAndGet();
                String body = request.getBody().utf8();
                String content;
                if (body.contains("\"suggestions\"")) {
                    content = "{\"keyPoints\":[{\"text\":\"Handlers run concurrently\",\"weight\":2}],\"aliases\":[],"
                            + "\"misconceptions\":[{\"text\":\"A fixed pool serves requests\",\"correction\":\"No "
                            + "pool.\"}],\"followUps\":[]}";
                } else {
                    StringBuilder points = new StringBuilder();
                    Matcher m = point.matcher(body.replace("\\n", "\n"));
                    while (m.find()) {
                        points.append(points.length() > 0 ? "," : "").append("{\"id\":\"").append(m.group(1))
                                .append("\",\"status\":\"missed\",\"quote\":\"\",\"reason\":\"\",\"followUp\":\"\"}");
                    }
                    content = "{\"points\":[" + points + "],\"misconceptions\":[],\"feedback\":\"\"}";
                }
                String reply = "{\"id\":\"c\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"m\","
                        + "\"choices\":[{\"index\":0,\"finish_reason\":\"stop\",\"message\":{\"role\":\"assistant\","
                        + "\"content\":" + Json.compact(content) + "}}],\"usage\":{\"prompt_tokens\":100,"
                        + "\"completion_tokens\":20,\"total_tokens\":120}}";
                return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(reply)
                        .build();
            }
        });
        server.start(InetAddress.getLoopbackAddress(), 0);
        return server;
    }
}
