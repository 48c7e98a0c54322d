package dev.grader.cli.sheet;

import dev.grader.rubric.CodeBlock;
import dev.grader.rubric.FollowUp;
import dev.grader.rubric.KeyPoint;
import dev.grader.rubric.Misconception;
import dev.grader.rubric.Origin;
import dev.grader.rubric.Question;
import dev.grader.rubric.Rubric;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** What both sheet formats say, worded once. */
final class SheetFacts {

    /** Code blocks shown right under the prompt: the code the question is about. */
    static final String QUESTION_CODE = "question";
    static final String MODEL_ANSWER_CODE = "modelAnswer";
    static final String NOT_GRADED = "suggested, not graded until reviewed";

    private SheetFacts() {
    }

    /** The line under the title: "33 questions, compiled from bank.txt" or "2 of 33 questions, ...". */
    static String overview(Rubric rubric, List<Question> shown) {
        int all = rubric.questions().size();
        String count = shown.size() == all
                ? plural(all, "question")
                : shown.size() + " of " + plural(all, "question");
        return rubric.source() == null ? count : count + ", compiled from " + rubric.source().file();
    }

    /** "Q1 · Junior", or just the id when the bank has no levels. */
    static String heading(Question q) {
        return q.level() == null || q.level().isBlank() ? q.id() : q.id() + " · " + q.level();
    }

    /** Weights as people write them: 1, 1.5, 0.25. */
    static String weight(double weight) {
        return BigDecimal.valueOf(weight).stripTrailingZeros().toPlainString();
    }

    /** "weight 1 · terms: a, b" (terms left out when there are none). */
    static String keyPointDetails(KeyPoint k) {
        String details = "weight " + weight(k.weight());
        if (!k.terms().isEmpty()) {
            details += " · terms: " + String.join(", ", k.terms());
        }
        if (!k.aliases().isEmpty()) {
            details += " · also: " + String.join(" | ", k.aliases());
        }
        return Origin.isSuggested(k.origin()) ? details + " · " + NOT_GRADED : details;
    }

    /** The other ways candidates say a misconception, as the rubric lists them. */
    static String alsoSaidAs(Misconception m) {
        return "also said as: " + String.join(" / ", m.aliases());
    }

    /** "probes key points 1, 3": follow-ups refer to key points by their number on the sheet. */
    static String probes(FollowUp f, Question q) {
        if (f.probes().isEmpty()) {
            return "";
        }
        Map<String, Integer> numbers = new HashMap<>();
        for (int i = 0; i < q.keyPoints().size(); i++) {
            numbers.put(q.keyPoints().get(i).id(), i + 1);
        }
        String refs = f.probes().stream()
                .map(id -> numbers.containsKey(id) ? String.valueOf(numbers.get(id)) : id + " (unknown)")
                .collect(Collectors.joining(", "));
        return (f.probes().size() == 1 ? "probes key point " : "probes key points ") + refs;
    }

    /** "A full answer needs 3 of these 5." when the question asks for some of a longer list. */
    static String expected(Question q) {
        Integer n = q.expectedPoints();
        return n == null || n >= q.gradedKeyPoints().size()
                ? ""
                : "A full answer needs " + n + " of these " + q.gradedKeyPoints().size() + ".";
    }

    static List<CodeBlock> code(Question q, String section) {
        return q.code().stream().filter(c -> c.section().equals(section)).toList();
    }

    /** Code from sections that have no place of their own on the sheet (not the question, answer or a note). */
    static List<CodeBlock> otherCode(Question q) {
        return q.code().stream()
                .filter(c -> !c.section().equals(QUESTION_CODE) && !c.section().equals(MODEL_ANSWER_CODE))
                .filter(c -> q.notes().stream().noneMatch(n -> n.label().equals(c.section())))
                .toList();
    }

    static String plural(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
