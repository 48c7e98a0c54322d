package dev.grader.text;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Whether a run of words states a relation between its terms or only lists them.
 *
 * <p>"graceful forceful listener idle connections in-flight handlers Close Shutdown" holds the words of a good
 * answer and says nothing: no verb links them, no preposition or article orders them. Statements, even terse
 * ones ("Accept loop spawns a goroutine per connection"), carry such words. Matching a key point's words
 * inside a list proves only that the writer knows the vocabulary.
 */
public final class TermList {

    /** Terms a run needs before it can be called a heap: four words are often a terse statement. */
    static final int MIN_TERMS = 5;
    /** A heap has fewer than one relating word per this many terms. */
    static final int TERMS_PER_RELATION = 5;

    /** Verbs whose third-person forms ("spawns", "waits") relate the terms around them. */
    private static final Set<String> VERB_BASES = Set.of(
            "accept", "allow", "apply", "avoid", "begin", "block", "break", "bring", "call", "cancel", "cap", "catch",
            "cause", "change", "check", "close", "come", "contain", "continue", "control", "cost", "create", "decide",
            "define", "depend", "detect", "die", "dispatch", "do", "drain", "drop", "end", "ensure", "exit", "expire",
            "fail", "fill", "finish", "fire", "flush", "follow", "force", "free", "give", "go", "grow", "handle",
            "happen", "hijack", "hold", "ignore", "include", "interrupt", "keep", "kill", "lead", "leak", "leave",
            "let", "limit", "listen", "live", "log", "look", "lose", "make", "mean", "mark", "matter", "move", "need",
            "notice", "notify", "open", "own", "panic", "parse", "pass", "poll", "prevent", "propagate", "protect",
            "provide", "put", "queue", "reach", "receive", "recover", "register", "release", "remain", "remove",
            "reset", "respond", "restart", "return", "reuse", "run", "say", "schedule", "see", "send", "serve",
            "share", "shut", "signal", "skip", "spawn", "spend", "start", "stay", "stop", "store", "support",
            "switch", "take", "tell", "terminate", "track", "transfer", "trigger", "try", "turn", "unblock", "update",
            "use", "wait", "wake", "want", "watch", "work", "wrap", "write", "yield");

    private static final Set<String> IRREGULAR = Set.of(
            "is", "are", "was", "were", "be", "been", "being", "am", "has", "have", "had", "does", "did", "done",
            "ran", "sent", "kept", "held", "got", "gave", "given", "took", "taken", "made", "went", "gone", "wrote",
            "written", "built", "left", "lost", "put", "shut", "let", "began", "begun", "brought", "caught", "came",
            "said", "saw", "seen", "spent", "told", "can", "could", "will", "would", "should", "must", "may", "might");

    private static final Set<String> VERB_FORMS = thirdPersonForms();

    private TermList() {
    }

    /**
     * Whether tokens {@code [from, to)} are a heap of terms: at least {@link #MIN_TERMS} content words (a code
     * identifier counts once) and fewer than one relating word (article, preposition, pronoun, conjunction,
     * negation, verb) per {@link #TERMS_PER_RELATION} of them.
     */
    public static boolean isHeap(List<Token> tokens, int from, int to) {
        int terms = 0;
        int relations = 0;
        int lastGroup = -1;
        for (int i = from; i < to; i++) {
            Token t = tokens.get(i);
            if (relates(t)) {
                relations++;
            } else if (t.content() && !Character.isDigit(t.lower().charAt(0))
                    && (t.group() < 0 || t.group() != lastGroup)) {
                terms++;
            }
            lastGroup = t.group();
        }
        return terms >= MIN_TERMS && relations * TERMS_PER_RELATION < terms;
    }

    /**
     * Whether a text names a thing rather than stating a claim ("Urgent pointer", "Flags/Control bits"): one to
     * four content words and no word relating them. Listing such a thing states it.
     */
    public static boolean isTerm(List<Token> tokens) {
        int terms = 0;
        for (Token t : tokens) {
            if (relates(t)) {
                return false;
            }
            terms += t.content() ? 1 : 0;
        }
        return terms >= 1 && terms <= 4;
    }

    /**
     * Whether clauses of a sentence are bare list items: "ReadHeaderTimeout, slowloris, headers, ReadTimeout,
     * body" — four or more items of at most four words with almost no function words.
     */
    public static boolean isBareList(List<Token> tokens, int clauses, int from, int to) {
        if (clauses < 4) {
            return false;
        }
        int function = 0;
        int all = to - from;
        for (int i = from; i < to; i++) {
            if (tokens.get(i).stop() || tokens.get(i).negation()) {
                function++;
            }
        }
        double perItem = (double) all / clauses;
        return perItem <= 4.0 && function <= Math.max(1, all / 8);
    }

    /** Whether the text has a verb form: an inflected verb, an auxiliary, or a word in -ing or -ed. */
    public static boolean hasVerb(List<Token> tokens) {
        for (Token t : tokens) {
            String w = t.lower();
            int n = w.length();
            if (IRREGULAR.contains(w) || VERB_FORMS.contains(w) || n >= 5 && (w.endsWith("ing") || w.endsWith("ed"))) {
                return true;
            }
        }
        return false;
    }

    /** A word that relates terms: a function word, a negation or a verb form. */
    static boolean relates(Token t) {
        if (t.stop() || t.negation() || t.code()) {
            return t.stop() || t.negation();
        }
        String w = t.lower();
        if (IRREGULAR.contains(w) || VERB_FORMS.contains(w)) {
            return true;
        }
        int n = w.length();
        return n >= 5 && w.endsWith("ing") || n >= 5 && w.endsWith("ed") || n >= 6 && w.endsWith("ly");
    }

    private static Set<String> thirdPersonForms() {
        Set<String> forms = new HashSet<>();
        for (String base : VERB_BASES) {
            if (base.endsWith("s") || base.endsWith("sh") || base.endsWith("ch") || base.endsWith("x")
                    || base.endsWith("o")) {
                forms.add(base + "es");
            } else if (base.endsWith("y") && !base.endsWith("ay") && !base.endsWith("ey")) {
                forms.add(base.substring(0, base.length() - 1) + "ies");
            } else {
                forms.add(base + "s");
            }
        }
        return Set.copyOf(forms);
    }
}
