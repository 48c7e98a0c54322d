package dev.grader.text;

import java.util.regex.Pattern;

/**
 * Whether a line of an answer is source code pasted without fences: {@code ch := make(chan result)},
 * {@code go func() { ch <- slowCall() }()}, {@code case <-r.Context().Done():}, a lone {@code }}. Code shows what
 * the writer means; like fenced code it claims nothing, so its words neither state nor deny a claim. A line is
 * judged by what comes before its {@code // comment}. Prose that names code ({@code "call r.Context() in the
 * handler"}, a line ending in a comma, a long line) is not code.
 */
public final class CodeLines {

    /** Go's statement openers, written as code writes them: lower case, with code punctuation after them. */
    private static final Pattern STATEMENT = Pattern.compile(
            "^(func|go func|go|defer|select|switch|for|if|else|return|var|const|type|package|import)\\b.*"
                    + "(\\{|\\}|:=|<-|\\(.*\\)|==|!=)");
    /** A case of a select or switch: {@code case <-ch:}, {@code case http.StateNew:}, {@code default:}. */
    private static final Pattern CASE = Pattern.compile("^(case\\s+\\S+(,\\s*\\S+)*|default):$");
    /** A call or selector standing alone on its line: {@code writeJSON(w, res)}, {@code wg.Wait()}. */
    private static final Pattern BARE_CALL = Pattern.compile("^[A-Za-z_][\\w.]*\\(.*\\)[,;]?$");
    /** A struct field or composite literal entry: {@code mu      sync.Mutex}, {@code Addr: ":8080",}. */
    private static final Pattern FIELD = Pattern.compile(
            "^[A-Za-z_]\\w*(\\s{2,}[\\w.*\\[\\]]+|:\\s+[^\\s,]+(\\s+[*+/-]\\s+[^\\s,]+)*,)$");
    /** Code lines are short; prose that quotes code runs longer. */
    private static final int MAX_CODE_WORDS = 16;

    private CodeLines() {
    }

    public static boolean looksLikeCode(String line) {
        String l = line.strip();
        if (l.isEmpty()) {
            return false;
        }
        String code = l.substring(0, commentStart(l)).strip();
        int words = code.split("\\s+").length;
        if (code.isEmpty() || words > MAX_CODE_WORDS) {
            return false;
        }
        if (code.endsWith(".") && !code.endsWith("...")) {
            return false; // a sentence, even one that quotes code: "err := srv.Shutdown(ctx) drains them."
        }
        if (code.matches("^[})\\]]+[),;]*(\\s*\\(\\))?$")) {
            return true;
        }
        boolean statement = STATEMENT.matcher(code).find() && words <= MAX_STATEMENT_WORDS;
        if (code.endsWith("{")) {
            return words <= MAX_STATEMENT_WORDS && (statement || code.contains(":=")
                    || code.contains("(") || code.contains("=") || code.contains("struct") || code.contains("interface"));
        }
        return code.contains(":=") || statement || CASE.matcher(code).matches()
                || BARE_CALL.matcher(code).matches() && closesAtTheEnd(code) || FIELD.matcher(code).matches();
    }

    /** Where a trailing {@code // comment} starts (not the {@code //} of a URL), or the line's length. */
    public static int commentStart(String line) {
        for (int i = line.indexOf("//"); i >= 0; i = line.indexOf("//", i + 2)) {
            if (i == 0 || Character.isWhitespace(line.charAt(i - 1))) {
                return i;
            }
        }
        return line.length();
    }

    /** Statements are short; "if the goroutine hangs and the handler just does <-ch ..." is prose. */
    private static final int MAX_STATEMENT_WORDS = 10;

    /** Whether the first parenthesis closes at the end: {@code log.Fatal(err)}, not {@code p(B) less than p(C)}. */
    private static boolean closesAtTheEnd(String call) {
        int depth = 0;
        String c = call.replaceAll("[,;]$", "");
        for (int i = c.indexOf('('); i < c.length(); i++) {
            depth += c.charAt(i) == '(' ? 1 : c.charAt(i) == ')' ? -1 : 0;
            if (depth == 0) {
                return i == c.length() - 1;
            }
        }
        return false;
    }

}
