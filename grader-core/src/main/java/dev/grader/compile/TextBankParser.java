package dev.grader.compile;

import dev.grader.compile.Block.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the plain-text bank layout: a title line; level headings ({@code Junior¶}); {@code Q<n>. question¶};
 * labelled paragraphs ({@code Model answer.}, {@code Common wrong answers.}, {@code Follow-up.},
 * {@code Fix.}, ...); Go code recognised by its shape and kept whole by brace balance. Heading lines may end
 * with a pilcrow ({@code ¶}).
 */
final class TextBankParser {

    static final Pattern QUESTION = Pattern.compile("^([A-Z][A-Za-z]{0,3}-?\\d+[a-z]?)[.:)]\\s+(\\S.*)$");
    private static final Pattern LABEL = Pattern.compile("^([A-Z][A-Za-z-]*(?: [a-zA-Z][A-Za-z-]*){0,2})\\.(?:\\s+(.*))?$");
    private static final Pattern CODE_START = Pattern.compile(
            "^(func|type|package|import|var|const|go|defer|select|for|if|switch|case|default|return|}|\\{|//)\\b?.*");
    private static final Set<String> NOT_LABELS = Set.of(
            "yes", "no", "also", "then", "so", "thus", "hence", "otherwise", "correct", "wrong", "true", "false", "ok",
            "right", "exactly", "indeed", "none", "both", "neither");
    private static final Set<String> LEVEL_WORDS = Set.of(
            "junior", "middle", "mid", "mid-level", "senior", "staff", "principal", "lead", "beginner", "intermediate",
            "advanced", "expert", "easy", "medium", "hard");

    private TextBankParser() {
    }

    static List<Block> blocks(String content) {
        String[] lines = content.split("\r?\n", -1);
        List<Block> out = new ArrayList<>();
        boolean titleSeen = false;
        boolean inQuestion = false;
        int i = 0;
        while (i < lines.length) {
            String raw = lines[i];
            boolean pilcrow = raw.stripTrailing().endsWith("\u00b6");
            String line = strip(raw);
            int lineNo = i + 1;
            if (line.isEmpty()) {
                i++;
                continue;
            }
            if (!titleSeen) {
                out.add(new Block(Kind.TITLE, line, null, lineNo));
                titleSeen = true;
                i++;
                continue;
            }
            Matcher q = QUESTION.matcher(line);
            if (q.matches()) {
                out.add(new Block(Kind.QUESTION, q.group(2).strip(), q.group(1), lineNo));
                inQuestion = true;
                i++;
                continue;
            }
            if (isLevel(line, pilcrow)) {
                out.add(new Block(Kind.LEVEL, line, null, lineNo));
                i++;
                continue;
            }
            if (inQuestion && looksLikeCodeStart(line)) {
                int end = codeEnd(lines, i);
                StringBuilder code = new StringBuilder();
                for (int k = i; k < end; k++) {
                    code.append(k > i ? "\n" : "").append(lines[k].stripTrailing().replaceAll("\u00b6$", ""));
                }
                out.add(new Block(Kind.CODE, code.toString(), null, lineNo));
                i = end;
                continue;
            }
            Matcher label = LABEL.matcher(line);
            if (inQuestion && label.matches() && !NOT_LABELS.contains(label.group(1).toLowerCase(Locale.ROOT))) {
                out.add(new Block(Kind.LABEL, label.group(1), label.group(1), lineNo));
                String rest = label.group(2);
                if (rest != null && !rest.isBlank()) {
                    out.add(new Block(Kind.TEXT, rest.strip(), null, lineNo));
                }
                i++;
                continue;
            }
            out.add(new Block(Kind.TEXT, line, null, lineNo));
            i++;
        }
        return out;
    }

    private static String strip(String raw) {
        String s = raw.strip();
        if (s.endsWith("\u00b6")) {
            s = s.substring(0, s.length() - 1).strip();
        }
        return s;
    }

    private static boolean isLevel(String line, boolean pilcrow) {
        String lower = line.toLowerCase(Locale.ROOT).replaceAll("[:.#]+$", "").strip();
        if (LEVEL_WORDS.contains(lower)) {
            return true;
        }
        return pilcrow && line.split("\\s+").length <= 4 && !line.endsWith("?") && !line.contains(". ");
    }

    /** A line that opens Go-like code: a keyword start and an opening brace, or a lone brace. */
    static boolean looksLikeCodeStart(String line) {
        String s = line.strip();
        if (s.equals("}") || s.equals("{") || s.startsWith("//")) {
            return true;
        }
        if (!CODE_START.matcher(s).matches()) {
            return false;
        }
        boolean keyword = s.matches("^(func|type|package|import|var|const|go func|defer func|select|for|switch)\\b.*");
        return keyword && (s.endsWith("{") || s.endsWith("}") || s.endsWith(")") || s.startsWith("package ")
                || s.startsWith("import "));
    }

    /** The line index after a code block: braces balance again and the next line is not code-shaped. */
    private static int codeEnd(String[] lines, int start) {
        int depth = 0;
        int k = start;
        while (k < lines.length) {
            String s = strip(lines[k]);
            depth += braceDelta(s);
            k++;
            if (depth <= 0) {
                // a following line that starts more code (another func, a type) continues the block
                if (k < lines.length && looksLikeCodeStart(strip(lines[k]))) {
                    depth = 0;
                    continue;
                }
                break;
            }
        }
        return k;
    }

    private static int braceDelta(String s) {
        int d = 0;
        boolean inString = false;
        char quote = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    inString = false;
                }
            } else if (c == '"' || c == '`' || c == '\'') {
                inString = true;
                quote = c;
            } else if (c == '/' && i + 1 < s.length() && s.charAt(i + 1) == '/') {
                break;
            } else if (c == '{') {
                d++;
            } else if (c == '}') {
                d--;
            }
        }
        return d;
    }
}
