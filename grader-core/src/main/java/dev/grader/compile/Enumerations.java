package dev.grader.compile;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds list structure inside one paragraph: inline numbered items ({@code 1. ... 2. ...}), lettered items
 * ({@code (a) ... (b) ...}) and inline bullets ({@code - ... - ...}), each with the lead-in before the first
 * item.
 */
final class Enumerations {

    private static final Pattern NUMBER = Pattern.compile("(?<![\\w.])(\\d{1,2})[.)]\\s+(?=\\S)");
    private static final Pattern LETTER = Pattern.compile("(?<!\\w)\\(([a-h]|i{1,3}|iv|v|vi{1,3})\\)\\s+");

    private Enumerations() {
    }

    /** A paragraph split into its lead-in and list items; {@code items} is empty when there is no list. */
    record Split(String lead, List<String> items, String kind) {
    }

    static Split split(String paragraph) {
        Split numbered = numbered(paragraph);
        if (numbered != null) {
            return numbered;
        }
        Split lettered = lettered(paragraph);
        if (lettered != null) {
            return lettered;
        }
        Split bullets = bullets(paragraph);
        if (bullets != null) {
            return bullets;
        }
        return new Split(paragraph, List.of(), "none");
    }

    /** Items numbered 1, 2, 3... in order; a number out of sequence is part of the text. */
    private static Split numbered(String p) {
        Matcher m = NUMBER.matcher(p);
        List<int[]> marks = new ArrayList<>();
        int expected = 1;
        while (m.find()) {
            int n = Integer.parseInt(m.group(1));
            if (n == expected && depthAt(p, m.start()) == 0) {
                marks.add(new int[] {m.start(), m.end()});
                expected++;
            }
        }
        if (marks.size() < 2) {
            return null;
        }
        return cut(p, marks, "numbered");
    }

    private static Split lettered(String p) {
        Matcher m = LETTER.matcher(p);
        List<int[]> marks = new ArrayList<>();
        while (m.find()) {
            marks.add(new int[] {m.start(), m.end()});
        }
        if (marks.size() < 2) {
            return null;
        }
        return cut(p, marks, "lettered");
    }

    /** "- a - b" when the paragraph starts with a bullet or a colon introduces them. */
    private static Split bullets(String p) {
        String s = p.strip();
        int first;
        if (s.startsWith("- ")) {
            first = p.indexOf("- ");
        } else {
            first = p.indexOf(": - ");
            if (first < 0) {
                return null;
            }
            first += 2;
        }
        List<int[]> marks = new ArrayList<>();
        marks.add(new int[] {first, first + 2});
        int from = first + 2;
        while (true) {
            int next = p.indexOf(" - ", from);
            if (next < 0) {
                break;
            }
            if (depthAt(p, next) == 0) {
                marks.add(new int[] {next + 1, next + 3});
            }
            from = next + 3;
        }
        if (marks.size() < 2 && !s.startsWith("- ")) {
            return null;
        }
        return cut(p, marks, "bullets");
    }

    private static Split cut(String p, List<int[]> marks, String kind) {
        String lead = p.substring(0, marks.get(0)[0]).strip();
        List<String> items = new ArrayList<>();
        for (int i = 0; i < marks.size(); i++) {
            int start = marks.get(i)[1];
            int end = i + 1 < marks.size() ? marks.get(i + 1)[0] : p.length();
            String item = p.substring(start, end).strip();
            if (!item.isEmpty()) {
                items.add(item);
            }
        }
        return new Split(lead, items, kind);
    }

    /** Parenthesis depth at an offset, so "(1. foo)" or "f(a, b) - x" inside parentheses is not a list. */
    private static int depthAt(String p, int offset) {
        int depth = 0;
        for (int i = 0; i < offset; i++) {
            char c = p.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')' && depth > 0) {
                depth--;
            }
        }
        return depth;
    }
}
