package dev.grader.text;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.tartarus.snowball.ext.englishStemmer;

/**
 * Snowball English (Porter2) stemming (the Snowball project's own Java stemmer), memoised. Thread-safe.
 */
public final class Stemmer {

    private static final int MAX_CACHED = 200_000;
    private static final int MAX_WORD = 40;
    private static final Map<String, String> CACHE = new ConcurrentHashMap<>();
    private static final ThreadLocal<englishStemmer> STEMMER = ThreadLocal.withInitial(englishStemmer::new);

    private Stemmer() {
    }

    /** The stem of a lower-case word; long or non-alphabetic words are returned as they are. */
    public static String stem(String lower) {
        if (lower.length() < 3 || lower.length() > MAX_WORD || !isAlphabetic(lower)) {
            return lower;
        }
        String cached = CACHE.get(lower);
        if (cached != null) {
            return cached;
        }
        englishStemmer stemmer = STEMMER.get();
        stemmer.setCurrent(lower);
        stemmer.stem();
        String stem = stemmer.getCurrent();
        if (CACHE.size() < MAX_CACHED) {
            CACHE.put(lower, stem);
        }
        return stem;
    }

    private static boolean isAlphabetic(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (!Character.isLetter(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
