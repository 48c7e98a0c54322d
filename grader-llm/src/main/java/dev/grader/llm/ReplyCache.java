package dev.grader.llm;

import com.fasterxml.jackson.databind.JsonNode;
import dev.grader.internal.AtomicFiles;
import dev.grader.internal.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Model replies on disk, one small JSON file per key ({@code <dir>/ab/abcdef....json}): the raw reply, the
 * requests it took and the tokens it used. Written atomically; an unreadable or corrupted entry counts as a
 * miss and is overwritten by the next reply. Holds no key and no prompt (the prompt is rebuilt from the rubric).
 */
final class ReplyCache {

    /** Format of the entry files; entries of another format are misses. */
    static final int FORMAT = 1;

    private final Path dir;

    ReplyCache(Path dir) {
        this.dir = dir;
    }

    /** A cached reply. */
    record Entry(String reply, int requests, long promptTokens, long completionTokens) {
    }

    Optional<Entry> get(String key) {
        Path file = file(key);
        try {
            JsonNode node = Json.mapper().readTree(Files.readString(file));
            if (node == null || node.path("format").asInt() != FORMAT || !node.path("reply").isTextual()
                    || !node.path("requests").canConvertToInt() || node.path("requests").asInt() < 1) {
                return Optional.empty();
            }
            return Optional.of(new Entry(node.get("reply").asText(), node.get("requests").asInt(),
                    node.path("promptTokens").asLong(), node.path("completionTokens").asLong()));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            // Corrupted (half-written by an old crash, edited, another format): a miss, overwritten on put.
            return Optional.empty();
        }
    }

    /**
     * @throws IOException when the entry cannot be written (the caller reports it once and goes on)
     */
    void put(String key, Entry entry) throws IOException {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("format", FORMAT);
        json.put("reply", entry.reply());
        json.put("requests", entry.requests());
        json.put("promptTokens", entry.promptTokens());
        json.put("completionTokens", entry.completionTokens());
        AtomicFiles.writeString(file(key), Json.pretty(json));
    }

    Path file(String key) {
        return dir.resolve(key.substring(0, 2)).resolve(key + ".json");
    }

    Path dir() {
        return dir;
    }
}
