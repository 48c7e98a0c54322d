package dev.grader.match;

import dev.grader.text.Negation;
import dev.grader.text.Token;
import dev.grader.text.Tokenizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A rubric text (key point, alias, misconception, correction) ready for matching: its content words with
 * weights, whether it states a negation, its grammatical subject among the question's entities, and the
 * joined forms of its compounds ({@code keep-alive} as {@code keepalive}).
 */
public final class PreparedText {

    private final String text;
    private final Map<String, Double> weights;
    private final Map<String, String> surfaceByStem;
    private final Map<String, String> joinByStem;
    private final double totalWeight;
    private final boolean negative;
    private final java.util.Set<String> negatedHeads;
    private final java.util.Set<String> negatedStems;
    private final java.util.Set<String> supposedStems;
    private final java.util.Set<String> restrictedStems;
    private final java.util.List<Exchange> exchanges;
    private final java.util.Set<String> vaguelyObjected;
    private final boolean deniesImplicitly;
    private final String subject;
    private final int contentCount;
    private final Set<String> specific = new HashSet<>();
    private final Set<String> codeWords = new HashSet<>();
    private final Map<String, String> componentByStem = new java.util.HashMap<>();
    private final Set<String> impliedPredicate;
    /** Opposites by stem, filled as answers are read: texts are shared by the threads grading answers. */
    private final Map<String, java.util.List<String>> opposites = new java.util.concurrent.ConcurrentHashMap<>();

    /** Content words of a terse answer at most ("By reference.", "http.ListenAndServe", "push"). */
    static final int TERSE_WORDS = 3;

    PreparedText(String text, QuestionContext context) {
        this(text, context, true);
    }

    /**
     * @param discountPrompt whether words of the prompt weigh less (true for key points: restating the question
     *                       earns little; false for misconceptions, whose point is what they say about those words)
     */
    PreparedText(String text, QuestionContext context, boolean discountPrompt) {
        this(text, context, discountPrompt, false);
    }

    /** One side of a key point that compares two entities, whose subject may be named in lower case. */
    static PreparedText side(String text, QuestionContext context) {
        return new PreparedText(text, context, true, true);
    }

    private PreparedText(String text, QuestionContext context, boolean discountPrompt, boolean side) {
        this.text = text;
        List<Token> tokens = Tokenizer.tokenize(text);
        boolean[] negated = Negation.scope(tokens, 0, tokens.size());
        boolean[] heads = Negation.heads(tokens, 0, tokens.size());
        java.util.Set<String> headStems = new HashSet<>();
        java.util.Set<String> affirmed = new HashSet<>();
        for (int i = 0; i < tokens.size(); i++) {
            if (heads[i]) {
                headStems.add(tokens.get(i).stem());
            } else if (!negated[i]) {
                affirmed.add(tokens.get(i).stem());
            }
        }
        // "caps concurrent handlers (NOT concurrent connections)": a word both affirmed and denied decides nothing
        headStems.removeAll(affirmed);
        this.negatedHeads = java.util.Set.copyOf(headStems);
        Map<String, Double> w = new LinkedHashMap<>();
        Map<String, String> surface = new LinkedHashMap<>();
        Map<String, String> joins = new LinkedHashMap<>();
        double negatedWeight = 0;
        double total = 0;
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (!t.content() || !seen.add(t.stem())) {
                continue;
            }
            double weight = context.weight(t, discountPrompt);
            w.put(t.stem(), weight);
            surface.put(t.stem(), t.lower());
            if (t.group() >= 0) {
                joins.put(t.stem(), joinGroup(tokens, t.group()));
                if (t.code()) {
                    codeWords.add(t.stem());
                    componentByStem.put(t.stem(), Identifiers.component(text, tokens, i));
                }
            }
            total += weight;
            if (!context.inPrompt(t.stem()) && !dev.grader.text.GenericWords.isGeneric(t.stem())) {
                specific.add(t.stem());
            }
            if (negated[i]) {
                negatedWeight += weight;
            }
        }
        this.weights = Collections.unmodifiableMap(w);
        this.surfaceByStem = Collections.unmodifiableMap(surface);
        this.joinByStem = Collections.unmodifiableMap(joins);
        this.totalWeight = total;
        this.negative = total > 0 && negatedWeight / total > 0.4;
        String subjectKey = side ? context.entities().sideSubjectOf(text, tokens)
                : context.entities().subjectOf(text, tokens);
        this.subject = Entities.PRONOUN.equals(subjectKey) ? null : subjectKey;
        boolean implicit = false;
        java.util.Set<String> scoped = new HashSet<>();
        for (int i = 0; i < tokens.size(); i++) {
            implicit |= Negation.isImplicit(tokens.get(i).lower());
            if (negated[i]) {
                scoped.add(tokens.get(i).stem());
            }
        }
        this.deniesImplicitly = implicit;
        this.negatedStems = java.util.Set.copyOf(scoped);
        this.supposedStems = supposed(text, tokens);
        this.restrictedStems = restricted(tokens, w.keySet());
        this.exchanges = exchanges(text, tokens, w.keySet());
        this.vaguelyObjected = vaguelyObjected(tokens);
        this.contentCount = w.size();
        // only a terse answer leans on its question's verb; a longer verbless point ("many connections = many
        // goroutines") states its own claim, and denying a word of the question does not deny it
        this.impliedPredicate = discountPrompt && w.size() <= TERSE_WORDS && !dev.grader.text.TermList.hasVerb(tokens)
                ? context.promptStems() : Set.of();
    }

    /** Words that open a condition the text supposes: "<b>If</b> you spawn a goroutine that writes to w, ...". */
    private static final Set<String> SUPPOSITIONS = Set.of("if", "unless", "when", "whenever", "once");

    /**
     * The words only an opening condition of the text uses ("If you spawn a goroutine ..., you have a race"): the
     * text supposes them, it does not claim them, so an answer denying them ("rather than from a goroutine you
     * spawned") does not contradict it.
     */
    private static Set<String> supposed(String text, List<Token> tokens) {
        if (tokens.isEmpty() || !SUPPOSITIONS.contains(tokens.get(0).lower())) {
            return Set.of();
        }
        List<dev.grader.text.Span> clauses = dev.grader.text.Segmenter.clauses(text,
                new dev.grader.text.Span(0, text.length()));
        if (clauses.size() < 2) {
            return Set.of();
        }
        int end = clauses.get(0).end();
        Set<String> inCondition = new HashSet<>();
        Set<String> elsewhere = new HashSet<>();
        for (Token t : tokens) {
            (t.start() < end ? inCondition : elsewhere).add(t.stem());
        }
        inCondition.removeAll(elsewhere);
        return Set.copyOf(inCondition);
    }

    /** How far past "only" the phrase it restricts may reach ("only from the handler's own goroutine"). */
    private static final int RESTRICTION_REACH = 6;

    /**
     * The content words of the phrase "only" restricts: "call w.Write only from the handler's <b>own goroutine</b>",
     * "only one <b>goroutine writes</b>". "Only if" and "only when" restrict a condition, not a thing.
     */
    private static Set<String> restricted(List<Token> tokens, Set<String> content) {
        Set<String> out = new HashSet<>();
        for (int i = 0; i < tokens.size(); i++) {
            if (!tokens.get(i).lower().equals("only") || i + 1 < tokens.size()
                    && SUPPOSITIONS.contains(tokens.get(i + 1).lower())) {
                continue;
            }
            for (int j = i + 1; j < Math.min(tokens.size(), i + 1 + RESTRICTION_REACH); j++) {
                if (content.contains(tokens.get(j).stem())) {
                    out.add(tokens.get(j).stem());
                }
            }
        }
        return Set.copyOf(out);
    }

    /**
     * A word of the text whose opposite the text also uses, with the word just before it: "closes <b>idle</b>
     * connections ... until no <b>active</b> ones remain" has (idle, active, closes) and (active, idle, polls).
     */
    record Exchange(String stem, String opposite, String anchor) {
    }

    /** How far before a word its anchor may stand. */
    private static final int ANCHOR_REACH = 3;

    private static List<Exchange> exchanges(String text, List<Token> tokens, Set<String> content) {
        List<Exchange> out = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            String stem = tokens.get(i).stem();
            if (!content.contains(stem)) {
                continue;
            }
            for (String other : content) {
                if (Antonyms.opposite(stem, other)) {
                    String anchor = anchorBefore(text, tokens, i);
                    if (anchor != null) {
                        out.add(new Exchange(stem, other, anchor));
                    }
                }
            }
        }
        return List.copyOf(out);
    }

    /**
     * The content word shortly before a position in the same phrase, or null: items of a list
     * ("new/active/idle", "new, idle, active") are no anchors of one another.
     */
    static String anchorBefore(String text, List<Token> tokens, int at) {
        for (int k = at - 1; k >= Math.max(0, at - ANCHOR_REACH); k--) {
            if (LIST_MARKS.matcher(text.substring(tokens.get(k).end(), tokens.get(k + 1).start())).find()) {
                return null;
            }
            if (tokens.get(k).content()) {
                return tokens.get(k).stem();
            }
        }
        return null;
    }

    private static final java.util.regex.Pattern LIST_MARKS = java.util.regex.Pattern.compile("[,/;:()]");

    /** Words of the text said next to their opposite also in the text, for telling when an answer swaps them. */
    java.util.List<Exchange> exchanges() {
        return exchanges;
    }

    /** Objects that name no particular thing: "fixes <b>the code</b>" is denied by "won't fix the real issue". */
    private static final Set<String> VAGUE_OBJECTS = Set.of("code", "problem", "problems", "issue", "issues", "bug",
            "bugs", "thing", "things");

    /** Words of the text whose object is vague ("fixes the code"): a negation of the word denies it, whatever object. */
    private static Set<String> vaguelyObjected(List<Token> tokens) {
        Set<String> out = new HashSet<>();
        for (int i = 0; i < tokens.size(); i++) {
            if (!tokens.get(i).content()) {
                continue;
            }
            for (int k = i + 1; k < Math.min(tokens.size(), i + 3); k++) {
                if (tokens.get(k).content()) {
                    if (VAGUE_OBJECTS.contains(tokens.get(k).lower())) {
                        out.add(tokens.get(i).stem());
                    }
                    break;
                }
            }
        }
        return Set.copyOf(out);
    }

    /** Stems whose object in the text names no particular thing ("fix" of "fixes the code"). */
    java.util.Set<String> vaguelyObjected() {
        return vaguelyObjected;
    }

    /** Stems of the phrase the text restricts with "only"; empty when it restricts nothing. */
    java.util.Set<String> restrictedStems() {
        return restrictedStems;
    }

    /** Stems only the text's opening condition uses. */
    java.util.Set<String> supposedStems() {
        return supposedStems;
    }

    private static String joinGroup(List<Token> tokens, int group) {
        StringBuilder b = new StringBuilder();
        for (Token t : tokens) {
            if (t.group() == group) {
                b.append(t.lower());
            }
        }
        return b.toString();
    }

    public String text() {
        return text;
    }

    Map<String, Double> weights() {
        return weights;
    }

    /** Opposites of one of its stems that it does not itself contain ("unsafe" for "safe"), computed once. */
    java.util.List<String> opposites(String stem) {
        return opposites.computeIfAbsent(stem, k -> Antonyms.oppositesOf(k).stream()
                .filter(other -> !weights().containsKey(other)).toList());
    }

    String surface(String stem) {
        return surfaceByStem.get(stem);
    }

    /** The joined compound a stem belongs to ("readheadertimeout"), or null. */
    String join(String stem) {
        return joinByStem.get(stem);
    }

    double totalWeight() {
        return totalWeight;
    }

    boolean negative() {
        return negative;
    }

    /** Stems inside a negation's scope in this text. */
    java.util.Set<String> negatedStems() {
        return negatedStems;
    }

    /** Whether the text denies with a word such as "stops" or "rarely" rather than a negation cue. */
    boolean deniesImplicitly() {
        return deniesImplicitly;
    }

    /** Stems this text negates ("no <b>separate</b> goroutine"). */
    java.util.Set<String> negatedHeads() {
        return negatedHeads;
    }

    /** The entity this text is about, as an entity key, or null. */
    String subject() {
        return subject;
    }

    /** Whether a stem is a word of a code identifier of this text ({@code serve} of {@code ListenAndServe}). */
    boolean codeWord(String stem) {
        return codeWords.contains(stem);
    }

    /** The dotted component of the code identifier a stem is a word of ({@code listenandserve}), or null. */
    String component(String stem) {
        return componentByStem.get(stem);
    }

    /**
     * The question's words, for a text without a verb: a terse answer ("By reference.") asserts the question's
     * predicate ("How are arrays passed to functions?"). Empty for texts that state their own claim.
     */
    Set<String> impliedPredicate() {
        return impliedPredicate;
    }

    /** Whether a stem says what this text is about beyond the question's own and everyday words. */
    boolean specific(String stem) {
        return specific.contains(stem);
    }

    int contentCount() {
        return contentCount;
    }

    /** Stems in descending weight, for reasons shown to reviewers. */
    List<String> stemsByWeight() {
        List<String> stems = new ArrayList<>(weights.keySet());
        stems.sort((a, b) -> Double.compare(weights.get(b), weights.get(a)));
        return stems;
    }
}
