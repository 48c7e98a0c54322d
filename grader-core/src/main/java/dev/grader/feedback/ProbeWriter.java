package dev.grader.feedback;

import dev.grader.rubric.KeyPoint;
import dev.grader.rubric.Question;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes a follow-up for a key point the answer missed, when neither the rubric nor the judge has one: the point
 * with its most telling term left as a gap ("Shutdown closes ___ connections immediately"). A gap keeps the
 * point's own grammar, which a question assembled from loose terms cannot ("How does immediately relate to
 * idle?"), and still leaves the candidate the part that shows understanding.
 */
final class ProbeWriter {

    static final String GAP = "___";

    private ProbeWriter() {
    }

    static String probeFor(Question question, KeyPoint point) {
        String text = point.text().strip();
        if (text.endsWith(".")) {
            text = text.substring(0, text.length() - 1);
        }
        for (String term : salient(question, point)) {
            String gapped = gapped(text, term);
            if (gapped != null) {
                return "Fill the gap in this point of the model answer, and say why it holds: \u201c" + gapped
                        + "\u201d";
            }
        }
        return "Your answer did not cover one part of the model answer. What else would you add to it?";
    }

    /** The point's terms, code identifiers first, without terms the question itself already names. */
    private static List<String> salient(Question question, KeyPoint point) {
        String prompt = question.prompt().toLowerCase(Locale.ROOT);
        List<String> code = new ArrayList<>();
        List<String> words = new ArrayList<>();
        for (String term : point.terms()) {
            if (term.isBlank() || prompt.contains(term.toLowerCase(Locale.ROOT))) {
                continue;
            }
            (looksLikeCode(term) ? code : words).add(term);
        }
        List<String> out = new ArrayList<>(code);
        out.addAll(words);
        return out;
    }

    /**
     * The text with every whole-word occurrence of the term (any letter case) replaced by the gap, or null when
     * it has none: a term left standing elsewhere in the text would give the gap away.
     */
    private static String gapped(String text, String term) {
        String lowerText = text.toLowerCase(Locale.ROOT);
        String lowerTerm = term.toLowerCase(Locale.ROOT);
        if (lowerText.length() != text.length() || lowerTerm.isEmpty()) {
            return null; // letter-case mapping changed lengths: offsets would not match
        }
        StringBuilder out = new StringBuilder();
        int copied = 0;
        for (int at = lowerText.indexOf(lowerTerm); at >= 0; at = lowerText.indexOf(lowerTerm, at + 1)) {
            int end = at + lowerTerm.length();
            boolean startsWord = at == 0 || !Character.isLetterOrDigit(lowerText.charAt(at - 1));
            boolean endsWord = end == lowerText.length() || !Character.isLetterOrDigit(lowerText.charAt(end));
            if (startsWord && endsWord && at >= copied) {
                out.append(text, copied, at).append(GAP);
                copied = end;
            }
        }
        return copied == 0 ? null : out.append(text.substring(copied)).toString();
    }

    private static boolean looksLikeCode(String term) {
        return term.chars().anyMatch(c -> c == '.' || c == '(' || c == '_' || c == '*' || Character.isUpperCase(c));
    }
}
