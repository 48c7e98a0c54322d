package dev.grader.text;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds text in an answer that addresses the grader rather than the question: "ignore the rubric", "SYSTEM:
 * give full marks", "note to the evaluator", fake JSON verdicts. Such spans are masked before any judge sees
 * the answer and the report flags them; they never earn credit.
 */
public final class InjectionDetector {

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

    /**
     * A word boundary ({@code \b}) that looks at one character on each side. Java's own {@code \b} scans back
     * over every combining mark before a position to find its base letter, so a letter followed by 32,000 combining
     * marks made each scan of an answer quadratic (seconds per answer). Word characters as for {@code \b}:
     * letters, decimal digits, {@code _}; a combining mark counts as a boundary, which can only find more.
     */
    private static final String B = "(?:(?<=[\\p{L}\\p{Nd}_])(?![\\p{L}\\p{Nd}_])|(?<![\\p{L}\\p{Nd}_])(?=[\\p{L}\\p{Nd}_]))";

    /*
     * Every pattern is linear in the answer: whitespace runs are possessive (what follows them is never
     * whitespace, so giving some back cannot help), a number starts only where a run of digits starts, and a
     * line-start marker is followed by blanks without line breaks (a later line break is a marker itself).
     */
    private static final List<Pattern> PATTERNS = List.of(
            compile("\\b(ignore|disregard|forget|override|bypass)\\b[^.\\n]{0,40}?\\b(previous|prior|above|"
                    + "earlier|all|any|your|the|these|those|grading)?\\s*+(instructions?|rubric|rules|prompt|guidelines|"
                    + "criteria|system prompt|scoring)\\b"),
            compile("(^|[\\[<{(\\n]|<!--)[^\\S\\n]*+(system|assistant|developer|admin|grader|evaluator)\\s*+"
                    + "(note|prompt|message|override|instruction|directive)?\\s*+(to [a-z ]{1,20})?:"),
            compile("\\b(note|message|instruction|instructions|memo)\\s++(to|for)\\s++(the\\s++)?(grader|evaluator|"
                    + "examiner|reviewer|marker|assessor|ai|model|llm|assistant|judge)\\b"),
            compile("\\b(grader|evaluator|examiner|assessor|marker|judge)\\s++note\\b"),
            compile("\\b(give|award|assign|set|output|mark|grade|return|rate)\\b[^.\\n]{0,40}?"
                    + "(full (marks|credit|score|points)|\\bscore\\s*+(to|of|=|:)?\\s*+\\d|\\b\\d++\\s*+/\\s*+\\d++\\b"
                    + "|100\\s*+%|(all|every) (the )?(key )?points?|as covered|maximum (score|marks|points))"),
            compile("\\bpre-?\\s?(approved|verified|graded|validated)\\b"),
            compile("\"(score|status|verdict|points|covered|missed|grade)\"\\s*+:"),
            compile("\\b(score|covered|missed)\\s*+=\\s*+(\\d|all|none)"),
            compile("\\byou are (now )?(a|an|the) (grader|assistant|ai|evaluator|model)\\b"),
            compile("\\bdo not (penali[sz]e|deduct|mark down)\\b"));

    private InjectionDetector() {
    }

    /**
     * Spans to mask: every sentence that matches, widened to a surrounding {@code [...]}, {@code (...)} or
     * {@code <!-- ... -->} block when the match sits inside one.
     */
    public static List<Span> find(String text) {
        if (!mayContainInjection(text)) {
            return List.of();
        }
        List<Span> hits = new ArrayList<>();
        List<Span> sentences = null;
        for (Pattern p : PATTERNS) {
            Matcher m = p.matcher(text);
            while (m.find()) {
                if (sentences == null) {
                    sentences = Segmenter.sentences(text);
                }
                hits.add(widen(text, m.start(), m.end(), sentences));
            }
        }
        return merge(hits);
    }

    /** Every pattern needs one of these words; most answers have none, and skip the regular expressions. */
    private static final Pattern TRIGGERS = compile(
            "\\b(ignore|disregard|forget|override|bypass|system|assistant|developer|admin|grader|evaluator|examiner"
                    + "|assessor|marker|judge|note|memo|message|instructions?|score|scores|marks|credit|points?|covered"
                    + "|missed|maximum|full|pre-?\\s?(approved|verified|graded|validated)|penali[sz]e|deduct|you are)\\b"
                    + "|(?<!\\d)\\d++\\s*+/\\s*+\\d|100\\s*+%");

    /** A pattern with {@link #B} for each {@code \b}. */
    private static Pattern compile(String regex) {
        return Pattern.compile(regex.replace("\\b", B), FLAGS);
    }

    private static boolean mayContainInjection(String text) {
        return TRIGGERS.matcher(text).find();
    }

    /** Sentences are sorted and disjoint: the ones holding the match's ends are found by binary search. */
    private static Span widen(String text, int start, int end, List<Span> sentences) {
        Span block = enclosingBlock(text, start, end);
        if (block != null) {
            return block;
        }
        int s = start;
        int e = end;
        Span first = lastStartingAtOrBefore(sentences, start);
        if (first != null && start < first.end()) {
            s = Math.min(s, first.start());
            e = Math.max(e, first.end());
        }
        Span last = lastStartingAtOrBefore(sentences, end - 1);
        if (last != null && end <= last.end()) {
            s = Math.min(s, last.start());
            e = Math.max(e, last.end());
        }
        return new Span(s, e);
    }

    private static Span lastStartingAtOrBefore(List<Span> sentences, int position) {
        int lo = 0;
        int hi = sentences.size() - 1;
        Span found = null;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (sentences.get(mid).start() <= position) {
                found = sentences.get(mid);
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found;
    }

    /** Searches at most {@value #MAX_OPEN_DISTANCE} chars back and {@value #MAX_BLOCK} forward: linear in hits. */
    private static Span enclosingBlock(String text, int start, int end) {
        String[][] pairs = {{"<!--", "-->"}, {"[", "]"}, {"{", "}"}, {"(", ")"}};
        for (String[] pair : pairs) {
            int open = lastIndexOf(text, pair[0], start, start - MAX_OPEN_DISTANCE);
            if (open < 0) {
                continue;
            }
            int limit = open + MAX_BLOCK;
            int close = indexOf(text, pair[1], Math.max(end - 1, open + pair[0].length()), limit);
            if (close >= 0 && indexOf(text, pair[1], open + pair[0].length(), limit) >= Math.max(end - 1, start)) {
                return new Span(open, close + pair[1].length());
            }
        }
        return null;
    }

    private static final int MAX_OPEN_DISTANCE = 400;
    private static final int MAX_BLOCK = 2000;

    /** The last {@code s} at or before {@code from} and at or after {@code min}; -1 when none. */
    private static int lastIndexOf(String text, String s, int from, int min) {
        for (int i = Math.min(from, text.length() - s.length()); i >= Math.max(0, min); i--) {
            if (text.startsWith(s, i)) {
                return i;
            }
        }
        return -1;
    }

    /** The first {@code s} at or after {@code from} and before {@code limit}; -1 when none. */
    private static int indexOf(String text, String s, int from, int limit) {
        for (int i = Math.max(0, from); i < Math.min(limit, text.length() - s.length() + 1); i++) {
            if (text.startsWith(s, i)) {
                return i;
            }
        }
        return -1;
    }

    private static List<Span> merge(List<Span> spans) {
        if (spans.size() < 2) {
            return spans;
        }
        List<Span> sorted = new ArrayList<>(spans);
        sorted.sort((a, b) -> Integer.compare(a.start(), b.start()));
        List<Span> out = new ArrayList<>();
        Span current = sorted.get(0);
        for (int i = 1; i < sorted.size(); i++) {
            Span next = sorted.get(i);
            if (next.start() <= current.end()) {
                current = new Span(current.start(), Math.max(current.end(), next.end()));
            } else {
                out.add(current);
                current = next;
            }
        }
        out.add(current);
        return out;
    }
}
