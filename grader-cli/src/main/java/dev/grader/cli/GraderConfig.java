package dev.grader.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.grader.InvalidInputException;
import dev.grader.llm.Price;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The judge settings of one {@code grader.yaml}. Every key is optional; unknown keys are errors (a typo would
 * otherwise silently fall back to a default). API keys are deliberately not read from it: they belong in the
 * environment, not in a file that ends up in a repository.
 *
 * <pre>
 * judge: openai            # offline | openai | ollama | anthropic
 * model: gpt-4o-mini
 * baseUrl: http://localhost:8080/v1
 * policy: escalate         # offline | llm | blend | escalate | consensus
 * samples: 3
 * temperature: 0
 * cacheDir: ~/.cache/grader/llm
 * cache: true
 * maxCalls: 500
 * concurrency: 4
 * timeout: 60              # seconds per request
 * embeddings: true         # the offline judge's sentence embeddings
 * jsonSchema: true         # false: plain JSON mode for servers without json_schema
 * escalate: {confidence: 0.5, margin: 0.1}
 * blend: {llmWeight: 0.5}
 * prices:
 *   gpt-4o-mini: {input: 0.15, output: 0.60}   # USD per million tokens
 * </pre>
 */
record GraderConfig(
        String source,
        String judge,
        String model,
        String baseUrl,
        String policy,
        Integer samples,
        Double temperature,
        Path cacheDir,
        Boolean cache,
        Integer maxCalls,
        Integer concurrency,
        Integer timeoutSeconds,
        Boolean embeddings,
        Boolean jsonSchema,
        Double escalateConfidence,
        Double escalateMargin,
        Double blendLlmWeight,
        Map<String, Price> prices) {

    static final String FILE_NAME = "grader.yaml";

    private static final Set<String> KEYS = Set.of("judge", "model", "baseUrl", "policy", "samples", "temperature",
            "cacheDir", "cache", "maxCalls", "concurrency", "timeout", "embeddings", "jsonSchema", "escalate", "blend",
            "prices");

    static final GraderConfig EMPTY = new GraderConfig("(none)", null, null, null, null, null, null, null, null,
            null, null, null, null, null, null, null, null, Map.of());

    /** The file's settings, or {@link #EMPTY} when it does not exist. */
    static GraderConfig read(Path file) {
        if (!Files.isRegularFile(file)) {
            return EMPTY;
        }
        String source = file.toString();
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
        } catch (IOException e) {
            throw new InvalidInputException(source, null, "not valid YAML: " + firstLine(e.getMessage()), e);
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            return new GraderConfig(source, null, null, null, null, null, null, null, null, null, null, null, null,
                    null, null, null, null, Map.of());
        }
        if (!root.isObject()) {
            throw new InvalidInputException(source, null, "expected a mapping of settings such as 'judge: openai'");
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!KEYS.contains(key)) {
                throw new InvalidInputException(source, key, "unknown setting; valid: " + String.join(", ",
                        new java.util.TreeSet<>(KEYS)));
            }
        }
        Reader r = new Reader(source, root);
        String cacheDir = r.text("cacheDir");
        return new GraderConfig(source, r.text("judge"), r.text("model"), r.text("baseUrl"), r.text("policy"),
                r.integer("samples"), r.number("temperature"), cacheDir == null ? null : expandHome(cacheDir),
                r.bool("cache"), r.integer("maxCalls"), r.integer("concurrency"), r.integer("timeout"),
                r.bool("embeddings"), r.bool("jsonSchema"), r.child("escalate").number("confidence"),
                r.child("escalate").number("margin"), r.child("blend").number("llmWeight"), prices(source, root));
    }

    private static Map<String, Price> prices(String source, JsonNode root) {
        JsonNode node = root.get("prices");
        Map<String, Price> out = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return out;
        }
        if (!node.isObject()) {
            throw new InvalidInputException(source, "prices", "expected a mapping 'MODEL: {input: USD, output: USD}'");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode in = e.getValue().get("input");
            JsonNode outTokens = e.getValue().get("output");
            if (in == null || !in.isNumber() || outTokens == null || !outTokens.isNumber()) {
                throw new InvalidInputException(source, "prices." + e.getKey(),
                        "expected {input: USD per million tokens, output: USD per million tokens}");
            }
            try {
                out.put(e.getKey(), new Price(in.asDouble(), outTokens.asDouble()));
            } catch (IllegalArgumentException bad) {
                throw new InvalidInputException(source, "prices." + e.getKey(), bad.getMessage());
            }
        }
        return out;
    }

    private static Path expandHome(String path) {
        if (path.equals("~") || path.startsWith("~/")) {
            return Path.of(System.getProperty("user.home") + path.substring(1));
        }
        return Path.of(path);
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse("");
    }

    /** Typed access to the settings of one mapping, with errors that name the key. */
    private record Reader(String source, JsonNode node, String prefix) {

        Reader(String source, JsonNode node) {
            this(source, node, "");
        }

        Reader child(String key) {
            JsonNode c = node.get(key);
            if (c != null && !c.isNull() && !c.isObject()) {
                throw new InvalidInputException(source, prefix + key, "expected a mapping");
            }
            return new Reader(source, c == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : c,
                    prefix + key + ".");
        }

        String text(String key) {
            JsonNode v = node.get(key);
            if (v == null || v.isNull()) {
                return null;
            }
            if (!v.isValueNode() || v.asText().isBlank()) {
                throw new InvalidInputException(source, prefix + key, "expected a non-empty text");
            }
            return v.asText().strip();
        }

        Integer integer(String key) {
            JsonNode v = node.get(key);
            if (v == null || v.isNull()) {
                return null;
            }
            if (!v.isIntegralNumber()) {
                throw new InvalidInputException(source, prefix + key, "expected a whole number, found '"
                        + v.asText() + "'");
            }
            return v.asInt();
        }

        Double number(String key) {
            JsonNode v = node.get(key);
            if (v == null || v.isNull()) {
                return null;
            }
            if (!v.isNumber()) {
                throw new InvalidInputException(source, prefix + key, "expected a number, found '" + v.asText() + "'");
            }
            return v.asDouble();
        }

        Boolean bool(String key) {
            JsonNode v = node.get(key);
            if (v == null || v.isNull()) {
                return null;
            }
            if (!v.isBoolean()) {
                throw new InvalidInputException(source, prefix + key, "expected true or false, found '"
                        + v.asText() + "'");
            }
            return v.asBoolean();
        }
    }
}
