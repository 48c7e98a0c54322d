package dev.grader.text;

import java.util.List;
import java.util.Set;

/**
 * Negation cues and their scope: a cue negates the words after it up to the end of its clause, so
 * "Go does NOT start a goroutine per connection" negates the claim about goroutines per connection.
 */
public final class Negation {

    private static final Set<String> CUES = Set.of(
            "not", "no", "never", "nor", "neither", "none", "nothing", "nobody", "nowhere", "without", "cannot",
            "isn't", "aren't", "wasn't", "weren't", "hasn't", "haven't", "hadn't", "doesn't", "don't", "didn't",
            "won't", "wouldn't", "shan't", "shouldn't", "can't", "couldn't", "mustn't", "needn't", "ain't",
            "isnt", "arent", "doesnt", "dont", "didnt", "wont", "cant", "couldnt", "shouldnt", "wasnt", "hasnt");

    /** Words that end a negation's scope inside a sentence. */
    private static final Set<String> SCOPE_BREAKERS = Set.of(
            "but", "however", "instead", "rather", "whereas", "although", "though", "yet", "because", "since",
            "so", "therefore", "which", "while", "unlike");

    private Negation() {
    }

    /** Whether the lower-case word is a negation cue; contractions count ({@code doesn't}, {@code can't}). */
    public static boolean isCue(String lower) {
        return CUES.contains(lower) || (lower.endsWith("n't") && lower.length() > 3);
    }

    static boolean breaksScope(String lower) {
        return SCOPE_BREAKERS.contains(lower);
    }

    /**
     * For each token of one clause, whether a negation cue governs it. Double negation cancels out
     * ("not without" reads as positive).
     */
    public static boolean[] scope(List<Token> tokens, int from, int to) {
        boolean[] negated = new boolean[tokens.size()];
        boolean active = false;
        for (int i = from; i < to; i++) {
            Token t = tokens.get(i);
            if (t.negation()) {
                active = !active;
                continue;
            }
            if (breaksScope(t.lower())) {
                active = false;
            }
            negated[i] = active;
        }
        return negated;
    }
}
