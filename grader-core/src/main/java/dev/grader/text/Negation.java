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

    /**
     * Words that deny without a negation cue ("<b>stops</b> accepting", "<b>rarely</b> bother",
     * "switches <b>off</b>"): a text that uses one is not contradicted by an explicit negation nearby.
     */
    private static final Set<String> IMPLICIT = Set.of(
            "stop", "stops", "stopped", "stopping", "prevent", "prevents", "prevented", "refuse", "refuses", "forbid",
            "forbids", "forbidden", "cease", "ceases", "avoid", "avoids", "disable", "disables", "disabled", "reject",
            "rejects", "lack", "lacks", "fail", "fails", "remove", "removes", "removed", "delete", "deletes", "deleted",
            "exclude", "excludes", "excluded", "rarely", "seldom", "hardly", "barely", "off", "instead",
            "neither", "ignore", "ignores", "unable", "impossible", "longer", "missing", "absent", "forgot", "forget",
            "forgets", "omit", "omits", "skip", "skips", "lost");

    /** Words that make a negation a condition, not a denial ("not written <b>until</b> there is room"). */
    private static final Set<String> NEGATION_CONDITIONS = Set.of("until", "unless", "till");

    /** Words that make what follows a condition, not a claim ("waits <b>until</b> it has returned"). */
    private static final Set<String> CONDITIONS = Set.of("until", "unless", "till", "if", "once", "whether", "when",
            "whenever", "after");

    /** Verbs that carry no claim of their own: a negation denies what follows them ("does not mean X"). */
    private static final Set<String> LIGHT_VERBS = Set.of(
            "mean", "means", "meant", "have", "has", "had", "do", "does", "did", "make", "makes", "made", "get",
            "gets", "got", "need", "needs", "needed", "seem", "seems", "help", "helps", "happen", "happens", "go",
            "goes", "went", "really", "actually", "necessarily", "always", "just", "even");

    /** Words after which a negation states a consequence, not a denial ("close it, <b>or</b> it never returns"). */
    private static final Set<String> CONSEQUENCES = Set.of("or", "otherwise", "else");

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

    /** Whether the word is a verb that carries no claim of its own ("need", "have", "mean"). */
    public static boolean isLightVerb(String lower) {
        return LIGHT_VERBS.contains(lower);
    }

    static boolean breaksScope(String lower) {
        return SCOPE_BREAKERS.contains(lower);
    }

    /** Whether the word denies implicitly ("stops", "rarely", "off"). */
    public static boolean isImplicit(String lower) {
        return IMPLICIT.contains(lower);
    }

    /** Whether the word opens a condition ("until", "unless", "if"). */
    public static boolean isCondition(String lower) {
        return CONDITIONS.contains(lower);
    }

    /**
     * For each token of one clause, whether it is the head of a negation: the first content word a cue
     * governs ("does not <b>spawn</b> a goroutine", "no <b>separate</b> goroutine"). Polarity is judged on
     * heads: "Shutdown doesn't kill handlers, it waits" does not deny that Shutdown waits.
     */
    public static boolean[] heads(List<Token> tokens, int from, int to) {
        boolean[] head = new boolean[tokens.size()];
        for (int i = from; i < to; i++) {
            if (!tokens.get(i).negation() || conditionFollows(tokens, i + 1, to) || consequence(tokens, from, i)
                    || inTrailingCondition(tokens, from, i)) {
                continue; // "not written until there is room", "close it or it never returns", "polls until no
                          // connection is left": no denial
            }
            // the head is the first content word the cue governs, past light verbs: "does not <b>mean</b> many
            // goroutines" denies the goroutines, "does not have a <b>send</b> window" the send window
            int first = -1;
            for (int k = i + 1; k < to; k++) {
                Token t = tokens.get(k);
                if (t.negation() || breaksScope(t.lower())) {
                    break;
                }
                if (t.content() || (t.lower().length() > 1 && !t.stop())) {
                    if (first < 0) {
                        first = k;
                    }
                    if (!LIGHT_VERBS.contains(t.lower())) {
                        first = k;
                        break;
                    }
                }
            }
            if (first >= 0) {
                head[first] = true;
            }
        }
        return head;
    }

    /** Words that open a condition wherever they stand ("until", "unless"). */
    private static final Set<String> TRAILING_ONLY = Set.of("until", "unless", "till");

    /**
     * Whether the cue stands in a condition that follows its claim: "it polls <b>until no</b> connection is left",
     * "it returns <b>when no</b> handler is running". A condition that opens its clause ("When no handler runs it
     * returns") is not skipped: without a comma, where its claim starts is unknown.
     */
    private static boolean inTrailingCondition(List<Token> tokens, int from, int cue) {
        if (cue + 1 < tokens.size() && CONDITIONS.contains(tokens.get(cue + 1).lower())) {
            return false; // "cancelled when it returns not when the client leaves" denies the second condition
        }
        return endsInCondition(tokens, from, cue);
    }

    /**
     * Whether a clause ends in a condition that follows its claim ("it polls the map <b>until</b> no tracked
     * connection"): a clause joined to it by "and" ("and no listener remains") is part of that condition.
     */
    public static boolean endsInCondition(List<Token> tokens, int from, int to) {
        // a condition governs the words near it; the bound keeps a clause of a thousand "not"s linear
        for (int k = to - 1; k >= Math.max(from, to - CONDITION_REACH); k--) {
            String w = tokens.get(k).lower();
            if (breaksScope(w)) {
                return false;
            }
            if (CONDITIONS.contains(w)) {
                return TRAILING_ONLY.contains(w) || claimBefore(tokens, from, k);
            }
        }
        return false;
    }

    /** Whether a content word comes before the condition in its clause ("and if ..." opens with it). */
    private static boolean claimBefore(List<Token> tokens, int from, int condition) {
        if (condition - from > CONDITION_REACH) {
            return true; // a long run of words before it holds a claim
        }
        for (int k = from; k < condition; k++) {
            if (tokens.get(k).content()) {
                return true;
            }
        }
        return false;
    }

    /** How many words before a negation a condition governing it may open. */
    private static final int CONDITION_REACH = 12;

    private static boolean consequence(List<Token> tokens, int from, int cue) {
        for (int k = Math.max(from, cue - 4); k < cue; k++) {
            if (CONSEQUENCES.contains(tokens.get(k).lower())) {
                return true;
            }
        }
        return false;
    }

    private static boolean conditionFollows(List<Token> tokens, int from, int to) {
        for (int k = from; k < to && k < from + 8; k++) {
            String w = tokens.get(k).lower();
            if (breaksScope(w)) {
                return false;
            }
            if (NEGATION_CONDITIONS.contains(w)) {
                return true;
            }
        }
        return false;
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
                // "neither X nor Y": "nor" goes on denying; any other cue cancels the one before ("not without")
                active = active && t.lower().equals("nor") || !active;
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
