package dev.grader.batch;

import com.fasterxml.jackson.databind.JsonNode;
import dev.grader.InvalidInputException;
import dev.grader.internal.AtomicFiles;
import dev.grader.internal.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Stable pseudonyms for blind reviewing: {@code candidate-7f3a9c}, the first 6 hex digits of the HMAC-SHA256 of
 * the candidate id under a random per-cohort salt. The salt lives in the mapping file
 * ({@code anonymization-map.json}), so a rerun into the same directory gives every candidate the same pseudonym,
 * while someone without the file cannot test a guessed name against a pseudonym.
 */
final class Pseudonyms {

    static final String MAP_FILE = "anonymization-map.json";
    static final String FORMAT = "grader-batch-anonymization/1";

    private final byte[] salt;
    private final Map<String, Entry> known;

    private Pseudonyms(byte[] salt, Map<String, Entry> known) {
        this.salt = salt;
        this.known = known;
    }

    /**
     * Who is behind a pseudonym.
     *
     * @param id     the candidate id
     * @param source the submission
     */
    record Entry(String id, String source) {
    }

    /** The salt and mapping of {@code mapFile}, or a new salt when there is no such file. */
    static Pseudonyms load(Path mapFile) {
        if (!Files.exists(mapFile)) {
            byte[] salt = new byte[16];
            new SecureRandom().nextBytes(salt);
            return new Pseudonyms(salt, new TreeMap<>());
        }
        try {
            JsonNode root = Json.mapper().readTree(Files.readString(mapFile, StandardCharsets.UTF_8));
            byte[] salt = HexFormat.of().parseHex(root.path("salt").asText(""));
            if (salt.length < 16) {
                throw new IllegalArgumentException("salt too short");
            }
            Map<String, Entry> known = new TreeMap<>();
            root.path("candidates").fields().forEachRemaining(e -> known.put(e.getKey(),
                    new Entry(e.getValue().path("id").asText(), e.getValue().path("source").asText())));
            return new Pseudonyms(salt, known);
        } catch (IOException | IllegalArgumentException e) {
            throw new InvalidInputException(mapFile.toString(), null, "unreadable anonymization map (" + e.getMessage()
                    + "); restore it, or grade into a new output folder", e);
        }
    }

    /** The pseudonym of a candidate id: {@code candidate-} and 6 hex digits. */
    String of(String candidateId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(salt, "HmacSHA256"));
            byte[] digest = mac.doFinal(candidateId.getBytes(StandardCharsets.UTF_8));
            return "candidate-" + HexFormat.of().formatHex(digest, 0, 3);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required by every Java runtime", e);
        }
    }

    /** Records who is behind each file name; entries of earlier runs are kept. */
    void remember(String fileName, String candidateId, String source) {
        known.put(fileName, new Entry(candidateId, source));
    }

    /** Writes the salt and the mapping, atomically. */
    void write(Path mapFile) throws IOException {
        Map<String, Object> doc = new java.util.LinkedHashMap<>();
        doc.put("format", FORMAT);
        doc.put("warning", "Keep this file away from reviewers: it maps pseudonyms back to candidates, and its salt "
                + "lets anyone test a guessed name against a pseudonym.");
        doc.put("salt", HexFormat.of().formatHex(salt));
        doc.put("candidates", known);
        AtomicFiles.writeString(mapFile, Json.pretty(doc));
    }
}
