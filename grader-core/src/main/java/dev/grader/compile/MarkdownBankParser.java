package dev.grader.compile;

import dev.grader.compile.Block.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the Markdown twin of the text layout: {@code # Title}, {@code ## Junior}, {@code ### Q1. question},
 * {@code **Model answer.**} (also {@code **Model answer:**} or {@code __...__}), bullet lists and fenced code.
 */
final class MarkdownBankParser {

    private static final Pattern HEADING = Pattern.compile("^(#{1,6})\\s+(.*?)\\s*#*\\s*$");
    private static final Pattern FENCE = Pattern.compile("^(```+|~~~+)\\s*([\\w+#.-]*)\\s*$");
    private static final Pattern LABEL = Pattern.compile(
            "^(?:\\*\\*|__)([A-Z][A-Za-z -]{0,40}?)[.:]?(?:\\*\\*|__)[.:]?(?:\\s+(.*))?$");
    private static final Pattern QUESTION = Pattern.compile("^([A-Z][A-Za-z]{0,3}-?\\d+[a-z]?)[.:)]\\s+(\\S.*)$");

    private MarkdownBankParser() {
    }

    static List<Block> blocks(String content) {
        String[] lines = content.split("\r?\n", -1);
        List<Block> out = new ArrayList<>();
        boolean inQuestion = false;
        StringBuilder paragraph = new StringBuilder();
        int paragraphLine = 0;
        int i = 0;
        while (i < lines.length) {
            String line = lines[i].stripTrailing();
            int lineNo = i + 1;
            Matcher fence = FENCE.matcher(line.strip());
            if (fence.matches()) {
                flush(paragraph, paragraphLine, out);
                String marker = fence.group(1);
                String language = fence.group(2).isEmpty() ? null : fence.group(2);
                StringBuilder code = new StringBuilder();
                int k = i + 1;
                while (k < lines.length && !lines[k].strip().startsWith(marker)) {
                    code.append(code.length() > 0 ? "\n" : "").append(lines[k].stripTrailing());
                    k++;
                }
                if (k >= lines.length) {
                    throw new BankSyntaxException(lineNo, "code fence " + marker + " is never closed");
                }
                out.add(new Block(Kind.CODE, code.toString(), language, lineNo));
                i = k + 1;
                continue;
            }
            Matcher heading = HEADING.matcher(line);
            if (heading.matches()) {
                flush(paragraph, paragraphLine, out);
                int depth = heading.group(1).length();
                String text = heading.group(2).strip();
                Matcher q = QUESTION.matcher(text);
                if (q.matches()) {
                    out.add(new Block(Kind.QUESTION, q.group(2).strip(), q.group(1), lineNo));
                    inQuestion = true;
                } else if (depth == 1 && out.stream().noneMatch(b -> b.kind() == Kind.TITLE)) {
                    out.add(new Block(Kind.TITLE, text, null, lineNo));
                } else if (inQuestion && depth >= 3) {
                    out.add(new Block(Kind.LABEL, trimLabel(text), trimLabel(text), lineNo));
                } else {
                    out.add(new Block(Kind.LEVEL, text, null, lineNo));
                    inQuestion = false;
                }
                i++;
                continue;
            }
            if (line.isBlank()) {
                flush(paragraph, paragraphLine, out);
                i++;
                continue;
            }
            Matcher label = LABEL.matcher(line.strip());
            if (inQuestion && label.matches()) {
                flush(paragraph, paragraphLine, out);
                String name = label.group(1).strip();
                out.add(new Block(Kind.LABEL, name, name, lineNo));
                if (label.group(2) != null && !label.group(2).isBlank()) {
                    paragraph.append(unemphasize(label.group(2).strip()));
                    paragraphLine = lineNo;
                }
                i++;
                continue;
            }
            if (!inQuestion && out.stream().noneMatch(b -> b.kind() == Kind.TITLE)) {
                out.add(new Block(Kind.TITLE, unemphasize(line.strip()), null, lineNo));
                i++;
                continue;
            }
            if (paragraph.length() == 0) {
                paragraphLine = lineNo;
            } else {
                paragraph.append('\n');
            }
            paragraph.append(unemphasize(line.strip()));
            i++;
        }
        flush(paragraph, paragraphLine, out);
        return out;
    }

    private static void flush(StringBuilder paragraph, int line, List<Block> out) {
        if (paragraph.length() > 0) {
            out.add(new Block(Kind.TEXT, paragraph.toString(), null, line));
            paragraph.setLength(0);
        }
    }

    private static String trimLabel(String text) {
        String t = unemphasize(text).strip();
        while (t.endsWith(".") || t.endsWith(":")) {
            t = t.substring(0, t.length() - 1).strip();
        }
        return t;
    }

    /** Drops Markdown emphasis and inline-code backticks; keeps the words. */
    static String unemphasize(String s) {
        return s.replaceAll("(\\*\\*|__)(.+?)\\1", "$2").replaceAll("`([^`]+)`", "$1");
    }
}
