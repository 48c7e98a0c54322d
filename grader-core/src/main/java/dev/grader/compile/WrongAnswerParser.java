package dev.grader.compile;

import dev.grader.compile.RawQuestion.RawWrongAnswer;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses a "Common wrong answers" section: items such as {@code - "It uses a thread pool." (No — ...)},
 * inline or one per line, with straight or curly quotes; an unquoted item takes its final parenthesised
 * group as the correction. Other ways candidates say the same wrong claim follow the quote, each quoted after a
 * slash: {@code - "It uses a thread pool." / "A fixed set of worker goroutines takes the requests." (No — ...)}.
 */
final class WrongAnswerParser {

    private WrongAnswerParser() {
    }

    static List<RawWrongAnswer> parse(String section) {
        List<RawWrongAnswer> out = new ArrayList<>();
        for (String item : items(section)) {
            RawWrongAnswer parsed = parseItem(item);
            if (parsed != null && !parsed.text().isBlank()) {
                out.add(parsed);
            }
        }
        return out;
    }

    /** Splits at bullets ("- " at a line start or after a closing parenthesis) and at new quoted items. */
    static List<String> items(String section) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int depth = 0;
        boolean inQuote = false;
        String s = section.strip();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean atItemStart = depth == 0 && !inQuote && (c == '-' || c == '*' || c == '\u2022')
                    && i + 1 < s.length() && s.charAt(i + 1) == ' '
                    && (i == 0 || s.charAt(i - 1) == '\n' || previousNonSpaceCloses(s, i));
            boolean newQuote = depth == 0 && !inQuote && isOpenQuote(c) && previousNonSpaceCloses(s, i);
            if (atItemStart || newQuote) {
                add(current, out);
                if (atItemStart) {
                    i++;
                    continue;
                }
            }
            if (c == '"') {
                inQuote = !inQuote;
            } else if (c == '\u201c') {
                inQuote = true;
            } else if (c == '\u201d') {
                inQuote = false;
            } else if (!inQuote && c == '(') {
                depth++;
            } else if (!inQuote && c == ')' && depth > 0) {
                depth--;
            }
            current.append(c);
        }
        add(current, out);
        return out;
    }

    private static boolean previousNonSpaceCloses(String s, int i) {
        int k = i - 1;
        while (k >= 0 && (s.charAt(k) == ' ' || s.charAt(k) == '\t')) {
            k--;
        }
        if (k < 0) {
            return false;
        }
        char p = s.charAt(k);
        return p == ')' || p == '\n';
    }

    private static boolean isOpenQuote(char c) {
        return c == '"' || c == '\u201c';
    }

    private static void add(StringBuilder current, List<String> out) {
        String item = current.toString().strip();
        if (!item.isEmpty()) {
            out.add(item);
        }
        current.setLength(0);
    }

    static RawWrongAnswer parseItem(String item) {
        String s = item.strip();
        String text;
        String rest;
        List<String> aliases = new ArrayList<>();
        if (!s.isEmpty() && isOpenQuote(s.charAt(0))) {
            char close = s.charAt(0) == '"' ? '"' : '\u201d';
            int end = s.indexOf(close, 1);
            if (end < 0) {
                return new RawWrongAnswer(s.substring(1).strip(), "");
            }
            text = s.substring(1, end).strip();
            rest = s.substring(end + 1).strip();
            while (rest.startsWith("/")) {
                String next = rest.substring(1).strip();
                if (next.isEmpty() || !isOpenQuote(next.charAt(0))) {
                    break;
                }
                char aliasClose = next.charAt(0) == '"' ? '"' : '\u201d';
                int aliasEnd = next.indexOf(aliasClose, 1);
                if (aliasEnd < 0) {
                    // an unclosed quote runs to the correction, as the item's own does to its end
                    int open = finalParenthesis(next);
                    aliasEnd = open < 0 ? next.length() : open;
                    String alias = next.substring(1, aliasEnd).strip();
                    if (!alias.isEmpty()) {
                        aliases.add(alias);
                    }
                    rest = next.substring(aliasEnd).strip();
                    break;
                }
                String alias = next.substring(1, aliasEnd).strip();
                if (!alias.isEmpty()) {
                    aliases.add(alias);
                }
                rest = next.substring(aliasEnd + 1).strip();
            }
        } else {
            int open = finalParenthesis(s);
            text = open < 0 ? s : s.substring(0, open).strip();
            rest = open < 0 ? "" : s.substring(open).strip();
        }
        String correction = rest;
        if (correction.startsWith("(") && correction.endsWith(")")) {
            correction = correction.substring(1, correction.length() - 1).strip();
        } else if (correction.startsWith("\u2014") || correction.startsWith("-") || correction.startsWith(":")) {
            correction = correction.substring(1).strip();
        }
        return new RawWrongAnswer(text, correction, List.copyOf(aliases));
    }

    /** Index of the "(" that opens a parenthesised group closing the string, or -1. */
    private static int finalParenthesis(String s) {
        String t = s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
        if (!t.endsWith(")")) {
            return -1;
        }
        int depth = 0;
        for (int i = t.length() - 1; i >= 0; i--) {
            char c = t.charAt(i);
            if (c == ')') {
                depth++;
            } else if (c == '(') {
                depth--;
                if (depth == 0) {
                    return i > 0 ? i : -1;
                }
            }
        }
        return -1;
    }
}
