package dev.grader.compile;

import dev.grader.compile.RawQuestion.RawFollowUp;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses a "Follow-up" section: the question runs to its first question mark, the rest is its answer.
 * Several follow-ups may be listed as bullets.
 */
final class FollowUpParser {

    private FollowUpParser() {
    }

    static List<RawFollowUp> parse(String section) {
        List<RawFollowUp> out = new ArrayList<>();
        for (String item : WrongAnswerParser.items(section)) {
            String s = item.strip();
            if (s.isEmpty()) {
                continue;
            }
            int q = questionEnd(s);
            if (q < 0) {
                out.add(new RawFollowUp(s, ""));
            } else {
                out.add(new RawFollowUp(s.substring(0, q + 1).strip(), s.substring(q + 1).strip()));
            }
        }
        return out;
    }

    /** The first '?' outside parentheses and code (a "?" in "?debug=2" is not a question end). */
    private static int questionEnd(String s) {
        int depth = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')' && depth > 0) {
                depth--;
            } else if (c == '?' && depth == 0 && (i + 1 == s.length() || Character.isWhitespace(s.charAt(i + 1)))) {
                return i;
            }
        }
        return -1;
    }
}
