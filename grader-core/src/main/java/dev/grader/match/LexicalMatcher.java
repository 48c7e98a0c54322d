package dev.grader.match;

import dev.grader.text.Token;
import java.util.List;
import java.util.Map;

/**
 * Matches a rubric text against one answer window by weighted content words: exact stems, typo-tolerant
 * spellings, compounds written apart or together ({@code keep alive}, {@code keepalive}, {@code keep-alive};
 * {@code read header timeout}, {@code ReadHeaderTimeout}), and notes negation and opposite words for polarity.
 */
final class LexicalMatcher {

    private static final double FUZZY = 0.85;
    private static final double JOINED = 0.9;
    private static final double OTHER_IDENTIFIER = 0.4;

    private LexicalMatcher() {
    }

    static LexicalMatch match(PreparedText text, AnswerModel answer, Window window) {
        // the same text is read against the same stretch many times per answer (points, misconceptions, truths)
        return answer.lexicalMatch(text, window.from(), window.to(), () -> compute(text, answer, window));
    }

    private static LexicalMatch compute(PreparedText text, AnswerModel answer, Window window) {
        double total = text.totalWeight();
        if (total <= 0 || window.to() <= window.from()) {
            return LexicalMatch.NONE;
        }
        double got = 0;
        double antonymWeight = 0;
        int matched = 0;
        int specific = 0;
        List<Token> tokens = answer.tokens();
        for (Map.Entry<String, Double> e : text.weights().entrySet()) {
            String stem = e.getKey();
            double w = e.getValue();
            int at = firstIn(answer.exact(stem), window);
            double credit = 1.0;
            if (at >= 0 && text.component(stem) != null) {
                String theirs = answer.identifier(at);
                if (theirs != null && !theirs.equals(text.component(stem))) {
                    credit = OTHER_IDENTIFIER; // http.Serve shares a word with http.ListenAndServe, not its meaning
                }
            }
            if (at < 0) {
                at = firstIn(answer.fuzzy(stem, text.surface(stem)), window);
                credit = FUZZY;
            }
            if (at < 0) {
                at = joined(text, stem, answer, window);
                credit = JOINED;
            }
            if (at >= 0) {
                got += w * credit;
                matched++;
                if (text.specific(stem)) {
                    specific++;
                }
            } else if (hasOpposite(text, stem, answer, window)) {
                if (text.negatedStems().contains(stem)) {
                    got += w; // "unsafe" says what "not safe" says
                    matched++;
                } else {
                    antonymWeight += w;
                }
            }
        }
        antonymWeight += unrestricted(text, answer, window);
        double exchangedWeight = exchanged(text, answer, window);
        double score = got / total;
        if (matched == 1 && text.contentCount() >= 3) {
            score *= 0.5; // one shared word states no relation
        }
        int polarity = polarity(text, answer, window);
        return new LexicalMatch(Math.min(1, score), matched, polarity != NO_CONFLICT, antonymWeight / total,
                exchangedWeight / total, specific,
                polarity == AFFIRMS_DENIED);
    }

    /**
     * The weighted share of {@code stems} (words of {@code text}) that the window states, as the matcher finds
     * words: exactly, misspelled, or as a compound written apart or together. 0 for no stems.
     */
    static double share(PreparedText text, java.util.Collection<String> stems, AnswerModel answer, Window window) {
        double total = 0;
        double got = 0;
        for (String stem : stems) {
            double w = text.weights().getOrDefault(stem, 0.0);
            total += w;
            if (firstIn(answer.exact(stem), window) >= 0
                    || firstIn(answer.fuzzy(stem, text.surface(stem)), window) >= 0
                    || joined(text, stem, answer, window) >= 0) {
                got += w;
            }
        }
        return total <= 0 ? 0 : got / total;
    }

    private static int firstIn(List<Integer> positions, Window window) {
        for (int p : positions) {
            if (p >= window.from() && p < window.to()) {
                return p;
            }
        }
        return -1;
    }

    /**
     * A compound of the text written differently in the answer: the text's joined form equals a token or two
     * or three adjacent tokens joined ("keepalive" = "keep" + "alive").
     */
    private static int joined(PreparedText text, String stem, AnswerModel answer, Window window) {
        String join = text.join(stem);
        if (join != null) {
            int at = firstIn(answer.joined(join), window);
            if (at >= 0) {
                return at;
            }
        }
        String single = text.surface(stem);
        return single == null ? -1 : firstIn(answer.joined(single), window);
    }

    /**
     * An opposite word in the window, itself not negated ("don't close" is not the opposite of "open"), and of the
     * same kind: "disconnects" is the opposite of "connected" but not of "its connection", which a client can close.
     */
    static boolean hasOpposite(PreparedText text, String stem, AnswerModel answer, Window window) {
        String surface = text.surface(stem);
        for (String other : text.opposites(stem)) {
            for (int p : answer.exact(other)) {
                if (p >= window.from() && p < window.to() && !answer.negated(p)
                        && Antonyms.sameKind(surface, answer.tokens().get(p).lower())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Words that open up what "only" restricts: "from <b>any</b> goroutine" against "only from its own goroutine". */
    private static final java.util.Set<String> UNRESTRICTED = java.util.Set.of("any", "every", "all", "multiple",
            "several", "many");
    /** Words that name the rest, which "only" leaves out: "<b>all other</b> goroutines must hand their data back". */
    private static final java.util.Set<String> THE_REST = java.util.Set.of("other", "another", "else");
    /** Words after the thing that restrict it again: "any goroutine <b>other than</b> the handler's". */
    private static final java.util.Set<String> EXCEPTING = java.util.Set.of("other", "except", "but", "besides",
            "apart", "outside");

    /**
     * The weight of a word the text restricts with "only" that the window opens to any of its kind: "may call
     * w.Write from <b>any goroutine</b>" states the opposite of "call w.Write only from the handler's own
     * goroutine". Not when denied ("never from any other goroutine") or restricted again ("any goroutine other
     * than the handler's"). 0 when the window keeps the restriction.
     */
    private static double unrestricted(PreparedText text, AnswerModel answer, Window window) {
        if (text.restrictedStems().isEmpty()) {
            return 0;
        }
        List<Token> tokens = answer.tokens();
        double most = 0;
        for (String stem : text.restrictedStems()) {
            for (int p : answer.exact(stem)) {
                if (p < window.from() || p >= window.to() || answer.negated(p) || excepted(tokens, p, window)) {
                    continue;
                }
                boolean rest = false;
                for (int q = Math.max(window.from(), p - 2); q < p; q++) {
                    rest |= THE_REST.contains(tokens.get(q).lower());
                }
                for (int q = Math.max(window.from(), p - 2); q < p && !rest; q++) {
                    String word = tokens.get(q).lower();
                    if (UNRESTRICTED.contains(word) && !answer.negated(q)) {
                        most = Math.max(most, text.weights().getOrDefault(stem, 0.0));
                    }
                }
            }
        }
        return most;
    }

    /**
     * The weight of the text's words the window swaps with their opposites, also words of the text: "closes
     * <b>active</b> connections" where the text "closes <b>idle</b> connections ... until no active connections
     * remain". 0 when the window says each where the text does.
     */
    private static double exchanged(PreparedText text, AnswerModel answer, Window window) {
        double weight = 0;
        List<Token> tokens = answer.tokens();
        for (PreparedText.Exchange e : text.exchanges()) {
            for (int p : answer.exact(e.opposite())) {
                if (p >= window.from() && p < window.to()
                        && answer.negated(p) == text.negatedStems().contains(e.stem())
                        && e.anchor().equals(PreparedText.anchorBefore(answer.text(), tokens, p))
                        && !saidAfter(answer, e.stem(), e.anchor(), window)) {
                    weight += text.weights().getOrDefault(e.stem(), 0.0);
                    break;
                }
            }
        }
        return weight;
    }

    /** Whether the window also says the word after its anchor, as the text does. */
    private static boolean saidAfter(AnswerModel answer, String stem, String anchor, Window window) {
        for (int p : answer.exact(stem)) {
            if (p >= window.from() && p < window.to() && anchor.equals(PreparedText.anchorBefore(answer.text(), answer.tokens(), p))) {
                return true;
            }
        }
        return false;
    }

    private static boolean excepted(List<Token> tokens, int noun, Window window) {
        for (int q = noun + 1; q < Math.min(window.to(), noun + 3); q++) {
            if (EXCEPTING.contains(tokens.get(q).lower())) {
                return true;
            }
        }
        return false;
    }

    /** What the window's polarity says of the text's: nothing, a negated affirmation, an affirmed denial. */
    private static final int NO_CONFLICT = 0;
    private static final int NEGATES_AFFIRMED = 1;
    private static final int AFFIRMS_DENIED = 2;

    /**
     * Polarity is judged on negation heads: the window negates a word the text affirms ("does not
     * <b>spawn</b>" against "spawns a goroutine"), or affirms a word the text negates ("a <b>separate</b>
     * goroutine" against "no separate goroutine").
     */
    private static int polarity(PreparedText text, AnswerModel answer, Window window) {
        List<Token> tokens = answer.tokens();
        java.util.Set<String> negatedInWindow = new java.util.HashSet<>();
        boolean windowImplicit = answer.deniesImplicitly(window.from(), window.to());
        if (deniesTheSame(text, answer, window)) {
            // "a handler doesn't need defer r.Body.Close()" and "You do NOT need to close it" deny one thing, though
            // their negations govern different words (the body, closing)
            return NO_CONFLICT;
        }
        boolean conflict = false;
        for (int i = window.from(); i < window.to(); i++) {
            if (answer.negationHead(i)) {
                String stem = tokens.get(i).stem();
                negatedInWindow.add(stem);
                // a verbless text ("By reference.") is read with its question, whose verb it answers:
                // "not passed by reference" denies it
                boolean asserted = (text.weights().containsKey(stem) || text.impliedPredicate().contains(stem))
                        && !text.supposedStems().contains(stem);
                // a text that denies implicitly ("stops accepting") is contradicted only by negating that very
                // word ("does not stop accepting"), not by a negation of what it denies ("no new connections")
                boolean deniedDenial = answer.deniesImplicitly(i);
                conflict |= (!text.deniesImplicitly() || deniedDenial) && asserted
                        && !text.negatedStems().contains(stem) && objectShared(text, tokens, i, window);
            }
        }
        if (conflict) {
            return NEGATES_AFFIRMED;
        }
        if (windowImplicit || negatedInWindow.stream().anyMatch(text.negatedStems()::contains)) {
            return NO_CONFLICT; // the window denies too ("not needed" against "you do NOT need to close it")
        }
        for (String head : text.negatedHeads()) {
            if (negatedInWindow.contains(head)) {
                continue;
            }
            for (int p : answer.exact(head)) {
                if (p >= window.from() && p < window.to() && !answer.negated(p) && !conditional(tokens, window, p)) {
                    return AFFIRMS_DENIED;
                }
            }
        }
        return NO_CONFLICT;
    }

    /** Whether the word a negation of the text governs ("NOT need to <b>close</b>") is denied in the window too. */
    private static boolean deniesTheSame(PreparedText text, AnswerModel answer, Window window) {
        List<Token> tokens = answer.tokens();
        for (int i = window.from(); i < window.to(); i++) {
            if (answer.negated(i) && tokens.get(i).content() && text.negatedHeads().contains(tokens.get(i).stem())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether what the negated word is about is the text's too: "does not spawn <b>a goroutine per
     * connection</b>" denies "spawns a goroutine per connection", "the writer never waits <b>on user code</b>"
     * does not deny "the framer waits for window credit". A negated word that ends its clause counts.
     */
    private static boolean objectShared(PreparedText text, List<Token> tokens, int head, Window window) {
        if (text.vaguelyObjected().contains(tokens.get(head).stem())) {
            return true; // "wouldn't fix the real issue" denies "fixes the code"
        }
        int seen = 0;
        for (int k = head + 1; k < window.to() && seen < 4; k++) {
            Token t = tokens.get(k);
            if (!t.content() || emphasis(tokens, k)) {
                continue;
            }
            seen++;
            if (text.weights().containsKey(t.stem())) {
                return true;
            }
        }
        return seen == 0;
    }

    /** Words that stress a negation and name no object: "not graceful <b>at all</b>", "not safe <b>whatsoever</b>". */
    private static final java.util.Set<String> EMPHASIS = java.util.Set.of("whatsoever", "either", "anymore");

    private static boolean emphasis(List<Token> tokens, int k) {
        String word = tokens.get(k).lower();
        return EMPHASIS.contains(word) || word.equals("all") && k > 0 && tokens.get(k - 1).lower().equals("at");
    }

    /** Whether a condition word ("until", "if") shortly precedes the token: it is not affirmed, only posed. */
    private static boolean conditional(List<Token> tokens, Window window, int p) {
        for (int k = Math.max(window.from(), p - 10); k < p; k++) {
            if (dev.grader.text.Negation.isCondition(tokens.get(k).lower())) {
                return true;
            }
        }
        return false;
    }
}
