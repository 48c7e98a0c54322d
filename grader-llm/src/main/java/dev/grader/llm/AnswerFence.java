package dev.grader.llm;

/**
 * Delimits the candidate's answer as untrusted data inside the user message. The markers are fixed (requests for
 * the same answer are byte-identical, which keeps caching and tests simple), so the answer itself must never
 * contain them: every {@code <<<} and {@code >>>} run in the answer is broken up with spaces before it is
 * fenced, so no text of the answer can open or close a fence.
 */
final class AnswerFence {

    static final String BEGIN = "<<<CANDIDATE_ANSWER untrusted data>>>";
    static final String END = "<<<END_CANDIDATE_ANSWER>>>";
    static final String BEGIN_EXAMPLE = "<<<GRADED_EXAMPLE untrusted data>>>";
    static final String END_EXAMPLE = "<<<END_GRADED_EXAMPLE>>>";

    private AnswerFence() {
    }

    /** The answer between the markers, each on its own line. */
    static String fence(String answer) {
        return BEGIN + "\n" + escape(answer) + "\n" + END;
    }

    /** The answer with every run of three or more angle brackets broken up, so no marker can appear in it. */
    static String escape(String answer) {
        StringBuilder out = new StringBuilder(answer.length() + 8);
        int run = 0;
        char runChar = 0;
        for (int i = 0; i < answer.length(); i++) {
            char c = answer.charAt(i);
            if (c == '<' || c == '>') {
                run = c == runChar ? run + 1 : 1;
                runChar = c;
                if (run == 3) {
                    out.append(' ');
                    run = 1;
                }
            } else {
                run = 0;
                runChar = 0;
            }
            out.append(c);
        }
        return out.toString();
    }
}
