package dev.grader.match;

import dev.grader.text.Token;
import java.util.List;

/** The parts of code identifiers that name one thing. */
final class Identifiers {

    private Identifiers() {
    }

    /**
     * The dotted component of a code identifier that holds token {@code i}, joined in lower case: {@code serve} for
     * {@code srv.Serve} and for {@code (*Server).Serve}, {@code listenandserve} for {@code http.ListenAndServe};
     * null for a word of prose. Receivers and packages are other components: {@code req.Context()} and
     * {@code r.Context()} both name {@code context}.
     */
    static String component(String text, List<Token> tokens, int i) {
        Token t = tokens.get(i);
        if (t.group() < 0 || !t.code()) {
            return null;
        }
        int from = i;
        while (from > 0 && tokens.get(from - 1).group() == t.group() && !separated(text, tokens.get(from - 1),
                tokens.get(from))) {
            from--;
        }
        int to = i;
        while (to + 1 < tokens.size() && tokens.get(to + 1).group() == t.group() && !separated(text, tokens.get(to),
                tokens.get(to + 1))) {
            to++;
        }
        StringBuilder b = new StringBuilder();
        for (int k = from; k <= to; k++) {
            b.append(tokens.get(k).lower());
        }
        return b.toString();
    }

    private static boolean separated(String text, Token a, Token b) {
        String gap = text.substring(Math.min(a.end(), b.start()), b.start());
        return gap.contains(".") || gap.contains("::") || gap.contains("->");
    }
}
