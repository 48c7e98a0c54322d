package dev.grader.match;

import dev.grader.text.AnswerShape;
import dev.grader.text.CodeLines;
import dev.grader.text.Negation;
import dev.grader.text.Segmenter;
import dev.grader.text.Span;
import dev.grader.text.Token;
import dev.grader.text.Tokenizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * An answer analysed once for every claim it is matched against: tokens, negation scope, sentence and clause
 * windows with their subjects, and memoised typo-tolerant lookups.
 */
public final class AnswerModel {

    private static final int MAX_WINDOWS = 400;
    private static final JaroWinklerSimilarity JARO_WINKLER = new JaroWinklerSimilarity();
    private static final LevenshteinDistance LEVENSHTEIN = new LevenshteinDistance(2);

    private final String text;
    private final List<Token> tokens;
    private final boolean[] negated;
    private final boolean[] heads;
    private final boolean[] antecedent;
    private final boolean[] fenced;
    /** How many of the first i tokens deny implicitly ("stops", "never"): a window's count without a scan. */
    private final int[] implicitBefore;
    private final List<Window> windows;
    private final Map<String, List<Integer>> positionsByStem = new HashMap<>();
    private final Map<String, List<Integer>> fuzzyCache = new ConcurrentHashMap<>();
    private Map<String, List<Integer>> joinedPositions;
    private final Map<MatchKey, LexicalMatch> lexicalMatches = new ConcurrentHashMap<>();

    /** A rubric text (by identity) against a stretch of tokens. */
    private record MatchKey(PreparedText text, int from, int to) {
    }

    AnswerModel(String text, Entities entities) {
        this.text = text;
        this.tokens = Tokenizer.tokenize(text);
        this.negated = new boolean[tokens.size()];
        this.heads = new boolean[tokens.size()];
        this.antecedent = new boolean[tokens.size()];
        this.fenced = new boolean[tokens.size()];
        markFencedCode();
        this.implicitBefore = new int[tokens.size() + 1];
        for (int i = 0; i < tokens.size(); i++) {
            implicitBefore[i + 1] = implicitBefore[i] + (Negation.isImplicit(tokens.get(i).lower()) ? 1 : 0);
        }
        for (int i = 0; i < tokens.size(); i++) {
            positionsByStem.computeIfAbsent(tokens.get(i).stem(), k -> new ArrayList<>()).add(i);
        }
        this.windows = buildWindows(entities);
    }

    private List<Window> buildWindows(Entities entities) {
        List<Window> out = new ArrayList<>();
        List<Span> sentences = Segmenter.sentences(text);
        // "graceful. forceful. idle." is a list of terms written as sentences: its words state no relation either
        boolean fragments = AnswerShape.fragments(text);
        String previousSubject = null;
        for (int si = 0; si < sentences.size() && out.size() < MAX_WINDOWS; si++) {
            Span s = sentences.get(si);
            List<Span> clauses = Segmenter.clauses(text, s);
            int sFrom = tokenAt(s.start());
            int sTo = tokenAt(s.end());
            boolean inCondition = false;
            for (Span c : clauses) {
                int from = tokenAt(c.start());
                int to = tokenAt(c.end());
                // "until no tracked connection | and no listener remains": the second clause is the condition's too
                boolean continuesCondition = inCondition && from < to && COORDINATORS.contains(tokens.get(from).lower());
                inCondition = continuesCondition || Negation.endsInCondition(tokens, from, to);
                boolean supposing = clauses.size() > 1 && opensCondition(from, to, c == clauses.get(clauses.size() - 1));
                if (supposing) {
                    for (int i = from; i < to; i++) {
                        antecedent[i] = true;
                    }
                }
                boolean[] scope = Negation.scope(tokens, from, to);
                boolean[] head = Negation.heads(tokens, from, to);
                for (int i = from; i < to; i++) {
                    negated[i] |= scope[i];
                    // "if the handler doesn't close the body, ...": a supposed negation denies nothing
                    heads[i] |= head[i] && !supposing && !continuesCondition;
                }
            }
            boolean list = AnswerShape.statesNoRelation(text, s, tokens, sFrom, sTo, fragments);
            String sentenceSubject = resolve(entities.subjectOf(text, tokens, sFrom, sTo), previousSubject);
            if (!list && sTo > sFrom) {
                out.add(new Window(s.start(), s.end(), sFrom, sTo, false, false, sentenceSubject, si, false));
            }
            if (clauses.size() > 1 || list) {
                String running = sentenceSubject;
                for (Span c : clauses) {
                    int from = tokenAt(c.start());
                    int to = tokenAt(c.end());
                    if (to <= from) {
                        continue;
                    }
                    String subject = resolve(entities.subjectOf(text, tokens, from, to), running);
                    running = subject == null ? running : subject;
                    out.add(new Window(c.start(), c.end(), from, to, true, list, subject, si, false));
                }
            }
            previousSubject = sentenceSubject == null ? previousSubject : sentenceSubject;
        }
        // a claim may run over two sentences ("least probable: B." "Then C, then A.")
        List<Window> sentenceWindows = out.stream().filter(w -> !w.clause()).toList();
        for (int i = 0; i + 1 < sentenceWindows.size() && out.size() < MAX_WINDOWS; i++) {
            Window a = sentenceWindows.get(i);
            Window b = sentenceWindows.get(i + 1);
            // in a comparison, "Shutdown is forceful. Close is graceful." are claims about two things, not one
            boolean oneThing = !entities.comparative() || b.subject() == null || b.subject().equals(a.subject());
            if (b.sentence() == a.sentence() + 1 && oneThing
                    && !allCode(a) && !allCode(b)) {
                out.add(new Window(a.start(), b.end(), a.from(), b.to(), false, false, a.subject(), a.sentence(),
                        true));
            }
        }
        return out;
    }

    private boolean allCode(Window w) {
        for (int i = w.from(); i < w.to(); i++) {
            if (!fenced[i]) {
                return false;
            }
        }
        return true;
    }

    /** Marks the tokens of fenced code blocks ({@link Segmenter#fencedBlocks}): code shows, it does not claim. */
    private void markFencedCode() {
        for (Span block : Segmenter.fencedBlocks(text)) {
            markCode(block.start(), block.end());
        }
        markPastedCode();
    }

    /**
     * Marks code pasted without fences, line by line ({@link CodeLines}); a line between two code lines is code
     * too ("return", "writeJSON(w, res)" inside a select), and so is a line inside braces a code line opened
     * ("closing bool" in a struct), unless it ends a sentence.
     */
    private void markPastedCode() {
        List<int[]> lines = new ArrayList<>();
        for (int at = 0; at <= text.length(); ) {
            int lineEnd = text.indexOf('\n', at);
            lineEnd = lineEnd < 0 ? text.length() : lineEnd;
            lines.add(new int[] {at, lineEnd});
            at = lineEnd + 1;
        }
        boolean[] code = new boolean[lines.size()];
        for (int i = 0; i < lines.size(); i++) {
            code[i] = CodeLines.looksLikeCode(text.substring(lines.get(i)[0], lines.get(i)[1]));
        }
        int depth = 0; // braces opened by code lines and not yet closed: "type hub struct {" ... "}"
        for (int i = 0; i < lines.size(); i++) {
            String line = text.substring(lines.get(i)[0], lines.get(i)[1]).strip();
            boolean between = i > 0 && i + 1 < lines.size() && code[i - 1] && code[i + 1] && !line.isEmpty()
                    && !line.endsWith(".");
            boolean inBlock = depth > 0 && !line.isEmpty() && !line.endsWith(".");
            if (code[i] || between || inBlock) {
                markCode(lines.get(i)[0], lines.get(i)[1]);
                depth = Math.max(0, depth + braces(line));
            } else if (!line.isEmpty()) {
                depth = 0; // prose ends the code
            }
        }
    }

    /** Braces a line opens minus those it closes, outside its comment. */
    private static int braces(String line) {
        int net = 0;
        for (char c : line.substring(0, CodeLines.commentStart(line)).toCharArray()) {
            net += c == '{' ? 1 : c == '}' ? -1 : 0;
        }
        return net;
    }

    /**
     * Marks the code in [start, end), its comments too: a comment annotates the code next to it ("// ReadTimeout
     * left at 0"), it is no claim of its own (measured: reading comments as claims raised false alarms on the
     * development set).
     */
    private void markCode(int start, int end) {
        for (int i = tokenAt(start); i < tokens.size() && tokens.get(i).start() < end; i++) {
            fenced[i] = true;
        }
    }

    /** Words that join a clause to the one before as more of the same. */
    private static final java.util.Set<String> COORDINATORS = java.util.Set.of("and", "or", "nor");

    /** Words that open a clause supposing rather than claiming: "If they were set once at accept time, ...". */
    private static final java.util.Set<String> SUPPOSITIONS = java.util.Set.of("if", "unless", "suppose",
            "supposing", "assuming", "whether", "imagine");

    /**
     * Whether a clause of several is a condition: it opens with "if" ("even if"), or, when a clause follows to
     * carry its claim, with a word leading into one ("because if the handler doesn't close it, ..."). A last
     * clause "and if that is 0 there is no timeout" makes its own claim.
     */
    private boolean opensCondition(int from, int to, boolean last) {
        int i = from;
        while (i < to && i < from + 2 && !SUPPOSITIONS.contains(tokens.get(i).lower())
                && (tokens.get(i).lower().equals("even") || !last && !tokens.get(i).content())) {
            i++;
        }
        return i < to && SUPPOSITIONS.contains(tokens.get(i).lower());
    }

    private static String resolve(String subject, String previous) {
        if (Entities.PRONOUN.equals(subject)) {
            return previous;
        }
        return subject;
    }

    private int tokenAt(int offset) {
        int lo = 0;
        int hi = tokens.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (tokens.get(mid).start() < offset) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    public String text() {
        return text;
    }

    List<Token> tokens() {
        return tokens;
    }

    List<Window> windows() {
        return windows;
    }

    boolean negated(int tokenIndex) {
        return negated[tokenIndex];
    }

    /**
     * Whether the token is in a clause of its own that supposes rather than claims ("<b>if they were set once</b>,
     * the deadline would pass"); a sentence that is one clause is not marked, its condition and claim unseparated.
     */
    boolean supposed(int tokenIndex) {
        return antecedent[tokenIndex];
    }

    /** Whether the token is inside fenced code. */
    boolean inCode(int tokenIndex) {
        return fenced[tokenIndex];
    }

    /** Whether the token is the first content word a negation governs. */
    boolean negationHead(int tokenIndex) {
        return heads[tokenIndex];
    }

    boolean isEmpty() {
        return tokens.isEmpty();
    }

    List<Integer> exact(String stem) {
        return positionsByStem.getOrDefault(stem, List.of());
    }

    /** Whether token i denies implicitly ("stops accepting", "never returns"). */
    boolean deniesImplicitly(int tokenIndex) {
        return implicitBefore[tokenIndex + 1] > implicitBefore[tokenIndex];
    }

    /** Whether a token of {@code from..to} denies implicitly. */
    boolean deniesImplicitly(int from, int to) {
        return implicitBefore[to] > implicitBefore[from];
    }

    /** The lexical match of a text against tokens {@code from..to}, computed once per answer. */
    LexicalMatch lexicalMatch(PreparedText text, int from, int to, java.util.function.Supplier<LexicalMatch> compute) {
        MatchKey key = new MatchKey(text, from, to);
        LexicalMatch known = lexicalMatches.get(key);
        if (known == null) {
            known = compute.get();
            lexicalMatches.put(key, known);
        }
        return known;
    }

    /** The dotted component of the code identifier a token is part of, or null for prose ({@link Identifiers}). */
    String identifier(int tokenIndex) {
        return Identifiers.component(text, tokens, tokenIndex);
    }

    /**
     * Positions where two or three adjacent words, or one word, spell this joined form ("keep" + "alive" for
     * "keepalive"); built once per answer.
     */
    List<Integer> joined(String form) {
        Map<String, List<Integer>> map = joinedPositions;
        if (map == null) {
            map = new HashMap<>();
            for (int i = 0; i < tokens.size(); i++) {
                String one = tokens.get(i).lower();
                map.computeIfAbsent(one, k -> new ArrayList<>()).add(i);
                if (i + 1 < tokens.size()) {
                    String two = one + tokens.get(i + 1).lower();
                    map.computeIfAbsent(two, k -> new ArrayList<>()).add(i);
                    if (i + 2 < tokens.size()) {
                        map.computeIfAbsent(two + tokens.get(i + 2).lower(), k -> new ArrayList<>()).add(i);
                    }
                }
            }
            joinedPositions = map;
        }
        return map.getOrDefault(form, List.of());
    }

    /**
     * Tokens that are a likely misspelling of the word: same first letter, Jaro-Winkler at least 0.92 or
     * Levenshtein distance 1 (2 for long words). Only words of five or more letters are tolerated.
     */
    List<Integer> fuzzy(String stem, String lower) {
        if (lower == null || lower.length() < 5 || !Character.isLetter(lower.charAt(0))) {
            return List.of();
        }
        return fuzzyCache.computeIfAbsent(lower, l -> {
            List<Integer> hits = new ArrayList<>();
            for (int i = 0; i < tokens.size(); i++) {
                Token t = tokens.get(i);
                String other = t.lower();
                if (other.length() < 4 || Math.abs(other.length() - l.length()) > 2 || other.charAt(0) != l.charAt(0)
                        || t.stem().equals(stem)) {
                    continue;
                }
                int limit = l.length() >= 9 ? 2 : 1;
                Integer d = LEVENSHTEIN.apply(l, other);
                if ((d >= 0 && d <= limit) || JARO_WINKLER.apply(l, other) >= 0.94) {
                    hits.add(i);
                }
            }
            return hits;
        });
    }
}
