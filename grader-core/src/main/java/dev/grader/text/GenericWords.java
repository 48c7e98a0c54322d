package dev.grader.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/**
 * Everyday English words ("each", "new", "time", "runs") that say little about a subject on their own: they
 * rank below domain words when choosing key-point terms and weigh less when matching answers.
 */
public final class GenericWords {

    private static final Set<String> STEMS = load();

    private GenericWords() {
    }

    /** Whether the stem belongs to an everyday word. */
    public static boolean isGeneric(String stem) {
        return STEMS.contains(stem);
    }

    private static Set<String> load() {
        Set<String> stems = new HashSet<>();
        try (InputStream in = GenericWords.class.getResourceAsStream("/dev/grader/text/generic-words.txt")) {
            if (in == null) {
                throw new IllegalStateException("generic-words.txt missing from the class path");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.startsWith("#")) {
                    continue;
                }
                for (String word : line.trim().split("\\s+")) {
                    if (!word.isEmpty()) {
                        stems.add(Stemmer.stem(word));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(stems);
    }
}
