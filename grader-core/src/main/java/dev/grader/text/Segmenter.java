package dev.grader.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Splits text into sentences and clauses, with offsets into the original text.
 *
 * <p>Sentences end at {@code . ! ?} followed by a space (not after abbreviations such as {@code e.g.}, nor
 * inside code such as {@code (*Server).Serve}), at line breaks that start a new item (bullets, numbers, a
 * capital letter, a blank line), and at inline enumerations ({@code (a) ... (b) ...}). Clauses further split
 * a sentence at {@code , ; :}, dashes and contrastive conjunctions.
 */
public final class Segmenter {

    private static final Set<String> ABBREVIATIONS = Set.of(
            "e.g", "i.e", "etc", "vs", "cf", "approx", "resp", "incl", "esp", "ca", "fig", "mr", "dr", "st");

    private static final Set<String> CLAUSE_CONJUNCTIONS = Set.of(
            "but", "whereas", "while", "although", "though", "however", "instead", "unlike", "except", "yet",
            "because", "since", "so", "then", "otherwise", "which");

    private Segmenter() {
    }

    /** Sentence spans, trimmed of surrounding whitespace and bullet markers; never empty spans. */
    public static List<Span> sentences(String text) {
        List<Span> out = new ArrayList<>();
        int n = text.length();
        int start = 0;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            int fenceEnd = fencedBlockEnd(text, i);
            if (fenceEnd > i) {
                // a fenced code block is a segment of its own: prose around it is quoted without it
                add(text, start, i, out);
                add(text, i, fenceEnd, out);
                start = fenceEnd;
                i = fenceEnd - 1;
            } else if (c == '\n') {
                if (newlineEndsSentence(text, i)) {
                    add(text, start, i, out);
                    start = i + 1;
                }
            } else if ((c == '.' || c == '!' || c == '?') && endsSentence(text, i)) {
                add(text, start, i + 1, out);
                start = i + 1;
            } else if (c == '(' && isInlineEnumerator(text, i) && i > start && hasContentBetween(text, start, i)) {
                add(text, start, i, out);
                start = i;
            }
        }
        add(text, start, n, out);
        return out;
    }

    /** Clause spans inside one sentence span; a fenced code block is one clause. */
    public static List<Span> clauses(String text, Span sentence) {
        List<Span> out = new ArrayList<>();
        if (fencedBlockEnd(text, sentence.start()) > sentence.start()) {
            out.add(sentence);
            return out;
        }
        int start = sentence.start();
        int end = sentence.end();
        int depth = 0;
        for (int i = sentence.start(); i < end; i++) {
            char c = text.charAt(i);
            if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if ((c == ')' || c == ']' || c == '}') && depth > 0) {
                depth--;
            } else if (depth == 0 && (c == ',' || c == ';' || c == ':') && i + 1 < end
                    && Character.isWhitespace(text.charAt(i + 1))) {
                add(text, start, i, out);
                start = i + 1;
            } else if (depth == 0 && (c == '\u2014' || c == '\u2013' || c == '-') && i > 0 && i + 1 < end
                    && Character.isWhitespace(text.charAt(i - 1)) && Character.isWhitespace(text.charAt(i + 1))) {
                add(text, start, i, out);
                start = i + 1;
            } else if (depth == 0 && Character.isLetter(c) && (i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1)))) {
                int w = i;
                while (w < end && Character.isLetter(text.charAt(w))) {
                    w++;
                }
                String word = text.substring(i, w).toLowerCase(java.util.Locale.ROOT);
                if (i > start && (CLAUSE_CONJUNCTIONS.contains(word) || word.equals("and") && opensClause(text, start, i, w))
                        && hasContentBetween(text, start, i)) {
                    add(text, start, i, out);
                    start = i;
                }
                i = w - 1;
            }
        }
        add(text, start, end, out);
        if (out.isEmpty()) {
            out.add(sentence);
        }
        return out;
    }

    /** Verbs that show a name after "and" is the subject of a clause of its own. */
    private static final Set<String> FINITE_VERBS = Set.of("is", "are", "was", "were", "does", "do", "has", "have",
            "can", "cannot", "will", "would", "should", "must", "may", "might", "just", "only", "also", "then",
            "never", "always", "still");

    /**
     * Whether "and" at {@code after} joins a clause with a subject of its own, a name and its verb: "Close is
     * graceful <b>and Shutdown is</b> forceful", "Shutdown waits <b>and Close drops</b> them". "Shutdown and Close
     * are different" and "closes the listener and idle connections" join words, not clauses.
     */
    private static boolean opensClause(String text, int clauseStart, int and, int after) {
        java.util.regex.Matcher m = NAME_AND_VERB.matcher(text);
        m.region(after, text.length());
        if (!m.lookingAt() || !finite(m.group(2))) {
            return false;
        }
        List<Token> before = Tokenizer.tokenize(text.substring(clauseStart, and));
        return TermList.hasVerb(before) || before.stream().skip(1).anyMatch(t -> finite(t.lower()));
    }

    private static boolean finite(String word) {
        String verb = word.toLowerCase(java.util.Locale.ROOT);
        return FINITE_VERBS.contains(verb) || verb.endsWith("n't")
                || verb.length() > 3 && verb.endsWith("s") && !verb.endsWith("ss");
    }

    /** " Name verb": a capitalised or dotted name ("Shutdown", "srv.Close()", "HTTP/2") and the word after it. */
    private static final java.util.regex.Pattern NAME_AND_VERB = java.util.regex.Pattern.compile(
            "\\s+((?:[A-Z][\\w/.]*|[a-z]\\w*\\.[A-Za-z][\\w.]*)(?:\\(\\))?)\\s+([A-Za-z']+)");

    /** The fenced code blocks ({@code ```} or {@code ~~~} lines), each from its opening line to its closing one. */
    public static List<Span> fencedBlocks(String text) {
        List<Span> out = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            int end = fencedBlockEnd(text, i);
            if (end > i) {
                out.add(new Span(i, end));
                i = end;
            }
            int next = text.indexOf('\n', i);
            if (next < 0) {
                break;
            }
            i = next + 1;
        }
        return out;
    }

    /**
     * The end of the fenced code block ({@code ```} or {@code ~~~} lines) opening at {@code i}, just after its
     * closing fence or at the end of the text when it is never closed; {@code i} when no block opens there.
     */
    private static int fencedBlockEnd(String text, int i) {
        if (i > 0 && text.charAt(i - 1) != '\n') {
            return i;
        }
        int open = i;
        while (open < text.length() && (text.charAt(open) == ' ' || text.charAt(open) == '\t')) {
            open++;
        }
        if (!(text.startsWith("```", open) || text.startsWith("~~~", open))) {
            return i;
        }
        String fence = text.substring(open, open + 3);
        int lineEnd = text.indexOf('\n', i);
        while (lineEnd >= 0) {
            int next = lineEnd + 1;
            int k = next;
            while (k < text.length() && (text.charAt(k) == ' ' || text.charAt(k) == '\t')) {
                k++;
            }
            int end = text.indexOf('\n', next);
            if (text.startsWith(fence, k)) {
                return end < 0 ? text.length() : end;
            }
            lineEnd = end;
        }
        return text.length();
    }

    private static boolean endsSentence(String text, int i) {
        int n = text.length();
        if (i + 1 < n && !Character.isWhitespace(text.charAt(i + 1))) {
            // "r.Context()", "1.21", "e.g." mid-token; a closing quote or paren may follow the period
            char next = text.charAt(i + 1);
            if (next != '"' && next != '\'' && next != ')' && next != '\u201d') {
                return false;
            }
        }
        if (text.charAt(i) != '.') {
            return true;
        }
        int w = i;
        while (w > 0 && (Character.isLetter(text.charAt(w - 1)) || text.charAt(w - 1) == '.')) {
            w--;
        }
        String word = text.substring(w, i).toLowerCase(java.util.Locale.ROOT);
        if (ABBREVIATIONS.contains(word)) {
            return false;
        }
        // enumeration markers "1." at the start of an item are not sentence ends
        int d = i;
        while (d > 0 && Character.isDigit(text.charAt(d - 1))) {
            d--;
        }
        if (d < i && (d == 0 || Character.isWhitespace(text.charAt(d - 1)))) {
            int p = d - 1;
            while (p >= 0 && text.charAt(p) == ' ') {
                p--;
            }
            return !(p < 0 || text.charAt(p) == '\n' || text.charAt(p) == ':' || text.charAt(p) == '.');
        }
        return true;
    }

    private static boolean newlineEndsSentence(String text, int i) {
        int k = i + 1;
        while (k < text.length() && (text.charAt(k) == ' ' || text.charAt(k) == '\t' || text.charAt(k) == '\r')) {
            k++;
        }
        if (k >= text.length() || text.charAt(k) == '\n') {
            return true;
        }
        char next = text.charAt(k);
        // a wrapped line continues the sentence when it starts in lower case and the previous line has no stop
        int p = i - 1;
        while (p >= 0 && (text.charAt(p) == ' ' || text.charAt(p) == '\r' || text.charAt(p) == '\t')) {
            p--;
        }
        boolean previousOpen = p >= 0 && Character.isLetterOrDigit(text.charAt(p));
        return !(Character.isLowerCase(next) && previousOpen);
    }

    /** {@code (a)}, {@code (b)}, {@code (ii)} preceded by a space: an inline enumeration item. */
    private static boolean isInlineEnumerator(String text, int i) {
        if (i > 0 && !Character.isWhitespace(text.charAt(i - 1))) {
            return false;
        }
        int k = i + 1;
        while (k < text.length() && k < i + 5 && Character.isLetterOrDigit(text.charAt(k))) {
            k++;
        }
        if (k >= text.length() || text.charAt(k) != ')' || k == i + 1) {
            return false;
        }
        return text.substring(i + 1, k).matches("[a-h]|[ivx]{1,4}|\\d{1,2}");
    }

    private static boolean hasContentBetween(String text, int from, int to) {
        for (int k = from; k < to; k++) {
            if (Character.isLetterOrDigit(text.charAt(k))) {
                return true;
            }
        }
        return false;
    }

    /** Adds the trimmed span if it holds any letter or digit; strips bullets and enumeration markers. */
    static void add(String text, int start, int end, List<Span> out) {
        int s = start;
        int e = end;
        while (s < e && (Character.isWhitespace(text.charAt(s)) || isBulletChar(text.charAt(s)))) {
            s++;
        }
        s = skipMarker(text, s, e);
        while (e > s && Character.isWhitespace(text.charAt(e - 1))) {
            e--;
        }
        if (s < e && hasContentBetween(text, s, e)) {
            out.add(new Span(s, e));
        }
    }

    private static boolean isBulletChar(char c) {
        return c == '-' || c == '*' || c == '\u2022' || c == '\u25cf' || c == '\u25cb' || c == '>' || c == '+';
    }

    /** Skips "1.", "2)", "(a)", "(ii)" at the start of a span. */
    private static int skipMarker(String text, int s, int e) {
        int k = s;
        boolean paren = k < e && text.charAt(k) == '(';
        if (paren) {
            k++;
        }
        int labelStart = k;
        while (k < e && k < labelStart + 4 && Character.isLetterOrDigit(text.charAt(k))) {
            k++;
        }
        if (k == labelStart || k >= e) {
            return s;
        }
        String label = text.substring(labelStart, k);
        boolean numeric = label.chars().allMatch(Character::isDigit);
        boolean roman = label.matches("[ivx]{1,4}|[a-h]");
        char close = text.charAt(k);
        boolean marker = (paren && close == ')' && (numeric || roman))
                || (!paren && numeric && (close == '.' || close == ')'))
                || (!paren && roman && close == ')');
        if (!marker || k + 1 >= e || !Character.isWhitespace(text.charAt(k + 1))) {
            return s;
        }
        k++;
        while (k < e && Character.isWhitespace(text.charAt(k))) {
            k++;
        }
        return k;
    }
}
