package dev.grader.text;

import java.util.regex.Pattern;

/**
 * Whether a line of an answer is source code pasted without fences: {@code ch := make(chan result)},
 * {@code go func() { ch <- slowCall() }()}, {@code case <-r.Context().Done():}, a lone {@code }}. Code shows what
 * the writer means; like fenced code it claims nothing, so its words neither state nor deny a claim. Prose that
 * names code ({@code "call r.Context() in the handler"}) is not code.
 */
public final class CodeLines {

    /** Go's statement openers, written as code writes them (lower case, followed by code punctuation). */
    private static final Pattern STATEMENT = Pattern.compile(
            "^(func|go func|defer|select|switch|case|default:|for|if|else|return|var|const|type|package|import)"
                    + "\\b.*[(){}:=<\\[]");
    /** A call or selector standing alone on its line: {@code writeJSON(w, res)}, {@code wg.Wait()}. */
    private static final Pattern BARE_CALL = Pattern.compile("^[A-Za-z_][\\w.]*\\(.*\\)[,;]?$");
    /** A struct field or composite literal entry: {@code mu      sync.Mutex}, {@code Addr: ":8080",}. */
    private static final Pattern FIELD = Pattern.compile("^[A-Za-z_]\\w*(\\s{2,}[\\w.*\\[\\]]+|:\\s+.+,)$");

    private CodeLines() {
    }

    public static boolean looksLikeCode(String line) {
        String l = line.strip();
        if (l.isEmpty()) {
            return false;
        }
        if (l.startsWith("//")) {
            return true;
        }
        String code = stripComment(l);
        if (code.isEmpty()) {
            return false;
        }
        if (code.endsWith(".") && !code.endsWith("...")) {
            return false; // a sentence, even one that quotes code: "err := srv.Shutdown(ctx) drains them."
        }
        if (code.contains(":=") || code.endsWith("{") || code.matches("^[})\\]]+[),;]*(\\s*\\(\\))?$")) {
            return true;
        }
        return STATEMENT.matcher(code).find() && code.split("\\s+").length <= MAX_STATEMENT_WORDS
                || BARE_CALL.matcher(code).matches() && closesAtTheEnd(code) || FIELD.matcher(code).matches();
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

    /** The line without a trailing {@code // comment}, when the part before it is not prose. */
    private static String stripComment(String line) {
        int at = line.indexOf(" //");
        return at < 0 ? line : line.substring(0, at).strip();
    }
}
