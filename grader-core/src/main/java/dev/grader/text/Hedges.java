package dev.grader.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Words with which an answer declines to commit ("maybe", "I think", "or maybe not"). Matching reads what a
 * sentence says, not how sure its writer is, so an answer that names the right things under "maybe ... or maybe
 * not" earns the credit of one that states them; a person should judge what it commits to.
 *
 * <p>Read word by word in one pass (no regular expression: {@code \b} rescans combining marks, which made
 * adversarial answers quadratic).
 */
public final class Hedges {

    /** One-word hedges. */
    private static final Set<String> WORDS = Set.of("maybe", "perhaps", "possibly", "might", "probably");

    /** Hedges of several words, each as its words. */
    private static final List<List<String>> PHRASES = List.of(
            List.of("i'm", "not", "sure"), List.of("not", "sure"), List.of("not", "certain"), List.of("i", "think"),
            List.of("i", "guess"), List.of("i", "suppose"), List.of("i", "believe"), List.of("if", "i", "remember"),
            List.of("as", "far", "as", "i", "remember"), List.of("i'd", "have", "to", "check"),
            List.of("i", "would", "have", "to", "check"));

    /** What may stand between "or" and its "not" in a retraction: "or maybe not". */
    private static final Set<String> SOFTENERS = Set.of("maybe", "perhaps", "possibly");

    /** Hedges an answer needs, without a retraction, before its grade is called into question. */
    public static final int MANY = 3;

    private Hedges() {
    }

    /** The hedges of a text, lower-case: its retractions ("or maybe not") first, then the others in order. */
    public static List<String> of(String text) {
        List<String> words = words(text);
        List<String> retractions = new ArrayList<>();
        List<String> hedges = new ArrayList<>();
        int i = 0;
        while (i < words.size()) {
            int retraction = retraction(words, i);
            if (retraction > 0) {
                retractions.add(String.join(" ", words.subList(i, i + retraction)));
                i += retraction; // its "maybe" is not another hedge
                continue;
            }
            int phrase = phrase(words, i);
            if (phrase > 0) {
                hedges.add(String.join(" ", words.subList(i, i + phrase)));
                i += phrase;
                continue;
            }
            if (WORDS.contains(words.get(i))) {
                hedges.add(words.get(i));
            }
            i++;
        }
        retractions.addAll(hedges);
        return retractions;
    }

    /** Whether a text takes back what it has just said ("maybe it closes, or maybe not"). */
    public static boolean retracts(String text) {
        return of(text).stream().anyMatch(h -> h.startsWith("or "));
    }

    /** Whether a text hedges enough that what it commits to is in doubt: a retraction, or {@link #MANY} hedges. */
    public static boolean uncommitted(String text) {
        return uncommitted(of(text));
    }

    /** {@link #uncommitted(String)} of a text whose hedges ({@link #of(String)}) are known. */
    public static boolean uncommitted(List<String> hedges) {
        return hedges.size() >= MANY || !hedges.isEmpty() && hedges.get(0).startsWith("or ");
    }

    /**
     * The length of a retraction starting at word i, or 0: "or (maybe) not", "or the other way round" (not
     * "whether or not").
     */
    private static int retraction(List<String> words, int i) {
        if (!words.get(i).equals("or") || i > 0 && words.get(i - 1).equals("whether")) {
            return 0;
        }
        int k = i + 1;
        if (k < words.size() && SOFTENERS.contains(words.get(k))) {
            k++;
        }
        if (k < words.size() && words.get(k).equals("not")) {
            return k + 1 - i;
        }
        if (k + 3 < words.size() && words.get(k).equals("the") && words.get(k + 1).equals("other")
                && words.get(k + 2).equals("way") && (words.get(k + 3).equals("round")
                || words.get(k + 3).equals("around"))) {
            return k + 4 - i;
        }
        return 0;
    }

    private static int phrase(List<String> words, int i) {
        for (List<String> p : PHRASES) {
            if (i + p.size() <= words.size() && words.subList(i, i + p.size()).equals(p)) {
                return p.size();
            }
        }
        return 0;
    }

    /** The words of a text, lower-case: runs of letters, digits and apostrophes (’ read as '). */
    private static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLetterOrDigit(c) || c == '\'' || c == '\u2019') {
                word.append(c == '\u2019' ? '\'' : Character.toLowerCase(c));
            } else if (Character.getType(c) == Character.NON_SPACING_MARK && word.length() > 0) {
                continue; // a combining mark belongs to its letter
            } else if (word.length() > 0) {
                out.add(word.toString());
                word.setLength(0);
            }
        }
        if (word.length() > 0) {
            out.add(word.toString());
        }
        return out;
    }
}
