package dev.grader.batch;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How much a line of a submission reads like a question's prompt: the Dice coefficient of their content words
 * (lower-cased, split on anything but letters and digits, a few function words dropped). Both empty gives 0:
 * an empty line names no question.
 */
final class PromptSimilarity {

    private static final Pattern SPLIT = Pattern.compile("[^\\p{L}\\p{N}]+");

    /** Words that every question shares; keeping them would make any short question look like any other. */
    private static final Set<String> FUNCTION_WORDS = Set.of("a", "an", "the", "is", "are", "was", "of", "to", "in",
            "on", "for", "and", "or", "what", "s", "does", "do", "how", "why", "when", "which", "it", "its", "this",
            "that", "be", "with", "you", "your", "i", "we", "can", "did", "would", "should");

    private PromptSimilarity() {
    }

    /** The content words of {@code text}, as compared. */
    static Set<String> words(String text) {
        Set<String> words = new HashSet<>();
        for (String w : SPLIT.split(text.toLowerCase(Locale.ROOT))) {
            if (!w.isEmpty() && !FUNCTION_WORDS.contains(w)) {
                words.add(w);
            }
        }
        return words;
    }

    /** Dice coefficient of two word sets, 0..1. */
    static double dice(Set<String> a, Set<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        int shared = 0;
        for (String w : a) {
            if (b.contains(w)) {
                shared++;
            }
        }
        return 2.0 * shared / (a.size() + b.size());
    }
}
