package dev.grader.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits text into {@link Token}s with offsets. Thread-safe and allocation-light: it runs on every answer.
 *
 * <p>A chunk (a run of non-space chars, trimmed of surrounding punctuation) that looks like code
 * ({@code r.Context()}, {@code (*Server).Serve}, {@code ReadHeaderTimeout}, {@code RST_STREAM},
 * {@code net/http}) is split into its words, which share a group index; {@code keep-alive} is split the same
 * way. Contractions ending in {@code n't} become the single word {@code not}.
 */
public final class Tokenizer {

    private Tokenizer() {
    }

    public static List<Token> tokenize(String text) {
        List<Token> out = new ArrayList<>(Math.max(8, text.length() / 5));
        int n = text.length();
        int i = 0;
        int group = 0;
        while (i < n) {
            while (i < n && !isWordChar(text.charAt(i))) {
                i++;
            }
            if (i >= n) {
                break;
            }
            // A chunk: word chars joined by connector punctuation that code and compounds use.
            int start = i;
            int end = i;
            int j = i;
            while (j < n) {
                char c = text.charAt(j);
                if (isWordChar(c)) {
                    j++;
                    end = j;
                } else if (c == '(' && j + 1 < n && isWordChar(text.charAt(j + 1))) {
                    break; // call arguments are identifiers of their own: Shutdown(ctx)
                } else if (isConnector(c) && wordFollows(text, j + 1)) {
                    j++;
                } else if (c == '(' && j + 1 < n && text.charAt(j + 1) == ')') {
                    j += 2; // call parens: r.Context()
                } else {
                    break;
                }
            }
            i = Math.max(j, end);
            if (end <= start) {
                continue;
            }
            String chunk = text.substring(start, end);
            int before = out.size();
            emitChunk(chunk, start, group, out);
            if (out.size() - before > 1) {
                group++;
            } else if (out.size() - before == 1) {
                Token t = out.get(before);
                out.set(before, new Token(t.start(), t.end(), t.lower(), t.stem(), t.code(), -1, t.stop(), t.negation()));
                group++;
            }
        }
        markAlternatives(out);
        return out;
    }

    /**
     * "one loop writes the frames <b>instead of</b> a mutex per write", "polls <b>rather than</b> using a
     * WaitGroup": what follows is named to be denied, so the {@code of} or {@code than} is a negation cue.
     */
    private static void markAlternatives(List<Token> out) {
        for (int k = 1; k < out.size(); k++) {
            Token t = out.get(k);
            String before = out.get(k - 1).lower();
            if (!t.code() && (t.lower().equals("of") && before.equals("instead")
                    || t.lower().equals("than") && before.equals("rather"))) {
                out.set(k, new Token(t.start(), t.end(), t.lower(), "not", false, t.group(), false, true));
            }
        }
    }

    private static void emitChunk(String chunk, int offset, int group, List<Token> out) {
        String lowerChunk = chunk.toLowerCase(Locale.ROOT);
        if (Negation.isCue(lowerChunk.replace('\u2019', '\''))) {
            out.add(new Token(offset, offset + chunk.length(), lowerChunk.contains("'") || lowerChunk.contains("\u2019")
                    ? "not" : lowerChunk, "not", false, -1, false, true));
            return;
        }
        // Possessive: server's -> server
        if (lowerChunk.endsWith("'s") || lowerChunk.endsWith("\u2019s")) {
            chunk = chunk.substring(0, chunk.length() - 2);
            lowerChunk = lowerChunk.substring(0, lowerChunk.length() - 2);
            if (chunk.isEmpty()) {
                return;
            }
        }
        String canonicalChunk = Thesaurus.canonical(lowerChunk);
        boolean remapped = !canonicalChunk.equals(lowerChunk);
        if (remapped) {
            // every part of the expansion points at the whole abbreviation
            int partsBefore = out.size();
            splitParts(canonicalChunk, offset, false, group, out);
            for (int p = partsBefore; p < out.size(); p++) {
                Token t = out.get(p);
                out.set(p, new Token(offset, offset + chunk.length(), t.lower(), t.stem(), false, group, t.stop(),
                        t.negation()));
            }
            return;
        }
        splitParts(chunk, offset, looksLikeCode(chunk), group, out);
    }

    private static void splitParts(String chunk, int offset, boolean code, int group, List<Token> out) {
        int k = 0;
        int len = chunk.length();
        while (k < len) {
            char c = chunk.charAt(k);
            if (!Character.isLetterOrDigit(c)) {
                k++;
                continue;
            }
            int s = k;
            if (Character.isDigit(c)) {
                // numbers keep their inner dots: 1.21, 1.1
                while (k < len && (Character.isDigit(chunk.charAt(k))
                        || (chunk.charAt(k) == '.' && k + 1 < len && Character.isDigit(chunk.charAt(k + 1))))) {
                    k++;
                }
            } else {
                k++;
                while (k < len && Character.isLetter(chunk.charAt(k)) && !camelBoundary(chunk, k)) {
                    k++;
                }
            }
            String part = chunk.substring(s, k).toLowerCase(Locale.ROOT);
            addWord(out, offset + s, offset + k, Thesaurus.canonical(part), code, group);
        }
    }

    private static void addWord(List<Token> out, int start, int end, String lower, boolean code, int group) {
        boolean negation = Negation.isCue(lower);
        boolean stop = !negation && StopWords.isStopWord(lower);
        String stem = negation ? "not" : Stemmer.stem(lower);
        out.add(new Token(start, end, lower, stem, code, group, stop, negation));
    }

    /** A camelCase or acronym boundary before index k: aB, or ABc (the B starts a new word). */
    private static boolean camelBoundary(String s, int k) {
        char prev = s.charAt(k - 1);
        char cur = s.charAt(k);
        if (Character.isLowerCase(prev) && Character.isUpperCase(cur)) {
            return true;
        }
        return Character.isUpperCase(prev) && Character.isUpperCase(cur)
                && k + 1 < s.length() && Character.isLowerCase(s.charAt(k + 1));
    }

    static boolean looksLikeCode(String chunk) {
        boolean lower = false;
        for (int k = 0; k < chunk.length(); k++) {
            char c = chunk.charAt(k);
            if (c == '.' || c == '(' || c == '*' || c == '_' || c == '/' || c == '[' || c == '&') {
                if (c == '.' && k > 0 && k + 1 < chunk.length()
                        && Character.isDigit(chunk.charAt(k - 1)) && Character.isDigit(chunk.charAt(k + 1))) {
                    continue; // a version number, not code
                }
                return true;
            }
            if (Character.isLowerCase(c)) {
                lower = true;
            } else if (Character.isUpperCase(c) && lower) {
                return true; // camelCase
            }
        }
        return false;
    }

    /** Whether a word char follows within a few connector chars: {@code (*Server).Serve}, {@code keep-alive}. */
    private static boolean wordFollows(String text, int from) {
        for (int k = from; k < text.length() && k < from + 3; k++) {
            char c = text.charAt(k);
            if (isWordChar(c)) {
                return true;
            }
            if (!isConnector(c)) {
                return false;
            }
        }
        return false;
    }

    static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    private static boolean isConnector(char c) {
        return c == '.' || c == '-' || c == '/' || c == '\'' || c == '\u2019' || c == '*' || c == '(' || c == ')'
                || c == '&' || c == '[' || c == ']' || c == ':';
    }

}
