package dev.grader.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.grader.examples.ExampleWeights;
import dev.grader.examples.ExampleWeightsStore;
import dev.grader.internal.AtomicFiles;
import dev.grader.internal.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Fitted example weights kept in {@code ${XDG_CACHE_HOME:-~/.cache}/grader/examples}, one small JSON file per key,
 * and in memory for the life of the process: fitting grades every example once, which {@code grader grade}
 * should not pay on every run. An unreadable or corrupted entry is a miss; a failed write is ignored.
 */
final class ExampleWeightsCache implements ExampleWeightsStore {

    private static final Map<String, ExampleWeights> MEMORY = new ConcurrentHashMap<>();

    private final Path dir;

    ExampleWeightsCache(Path dir) {
        this.dir = dir;
    }

    /** The cache beside the model-reply cache: {@code .../grader/examples}. */
    static ExampleWeightsCache in(JudgeEnvironment env) {
        return new ExampleWeightsCache(env.defaultCacheDir().resolveSibling("examples"));
    }

    @Override
    public Optional<ExampleWeights> load(String key) {
        ExampleWeights known = MEMORY.get(key);
        if (known != null) {
            return Optional.of(known);
        }
        Path file = dir.resolve(key + ".json");
        try {
            ExampleWeights w = Json.mapper().readValue(Files.readString(file), ExampleWeights.class);
            MEMORY.put(key, w);
            return Optional.of(w);
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // missing, unreadable or corrupted: fit again
        }
    }

    @Override
    public void save(String key, ExampleWeights weights) {
        MEMORY.put(key, weights);
        try {
            Files.createDirectories(dir);
            AtomicFiles.writeString(dir.resolve(key + ".json"), Json.mapper().writeValueAsString(weights) + "\n");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("ExampleWeights serialise", e);
        } catch (IOException | RuntimeException e) {
            // a cache that cannot be written costs time, never a grade
        }
    }
}
