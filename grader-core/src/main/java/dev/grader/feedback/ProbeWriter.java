package dev.grader.feedback;

import dev.grader.rubric.KeyPoint;
import dev.grader.rubric.Question;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes an open follow-up question for a missed key point without giving its answer away: it names the
 * point's salient terms and asks the candidate to relate them.
 */
final class ProbeWriter {

    private ProbeWriter() {
    }

    static String probeFor(Question question, KeyPoint point) {
        List<String> terms = salient(question, point);
        if (terms.isEmpty()) {
            return "Your answer did not cover one part of the model answer. What else would you add to it?";
        }
        if (terms.size() == 1) {
            return "What role does " + terms.get(0) + " play here?";
        }
        return "How does " + terms.get(0) + " relate to " + terms.get(1) + " in this context?";
    }

    /** Up to two terms, code identifiers first, skipping terms the question itself already names. */
    private static List<String> salient(Question question, KeyPoint point) {
        String prompt = question.prompt().toLowerCase(Locale.ROOT);
        List<String> code = new ArrayList<>();
        List<String> words = new ArrayList<>();
        for (String term : point.terms()) {
            if (prompt.contains(term.toLowerCase(Locale.ROOT))) {
                continue;
            }
            (looksLikeCode(term) ? code : words).add(term);
        }
        List<String> out = new ArrayList<>(code);
        out.addAll(words);
        return out.subList(0, Math.min(2, out.size()));
    }

    private static boolean looksLikeCode(String term) {
        return term.chars().anyMatch(c -> c == '.' || c == '(' || c == '_' || c == '*' || Character.isUpperCase(c));
    }
}
