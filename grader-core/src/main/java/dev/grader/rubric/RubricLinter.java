package dev.grader.rubric;

import dev.grader.Api;
import dev.grader.InvalidInputException;
import dev.grader.rubric.LintFinding.Severity;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Semantic checks the schema cannot express: unique ids, questions that can be graded, follow-ups that probe
 * real key points, and suggestions still awaiting review.
 */
@Api(status = Api.Status.STABLE)
public final class RubricLinter {

    private RubricLinter() {
    }

    /** All findings, errors first in document order, then warnings and notices. */
    public static List<LintFinding> lint(Rubric rubric) {
        List<LintFinding> findings = new ArrayList<>();
        Map<String, String> seenIds = new HashMap<>();
        Set<String> questionIds = new HashSet<>();
        int suggestions = 0;

        for (int qi = 0; qi < rubric.questions().size(); qi++) {
            Question q = rubric.questions().get(qi);
            String qp = "/questions/" + qi;
            if (!questionIds.add(q.id())) {
                findings.add(error(qp + "/id", "duplicate question id '" + q.id() + "'"));
            }
            if (q.prompt().isBlank()) {
                findings.add(error(qp + "/prompt", "empty question prompt"));
            }
            List<KeyPoint> graded = q.gradedKeyPoints();
            if (graded.isEmpty()) {
                findings.add(error(qp + "/keyPoints", "question " + q.id() + " has no key points to grade against"));
            }
            if (q.expectedPoints() != null && q.expectedPoints() > graded.size()) {
                findings.add(error(qp + "/expectedPoints", "expects " + q.expectedPoints()
                        + " key points but question " + q.id() + " has only " + graded.size()));
            }
            Set<String> ownPoints = new HashSet<>();
            Set<String> texts = new HashSet<>();
            for (int ki = 0; ki < q.keyPoints().size(); ki++) {
                KeyPoint k = q.keyPoints().get(ki);
                String kp = qp + "/keyPoints/" + ki;
                unique(k.id(), kp + "/id", seenIds, findings);
                ownPoints.add(k.id());
                if (k.text().isBlank()) {
                    findings.add(error(kp + "/text", "empty key point text"));
                } else if (!texts.add(sameness(k.text()))) {
                    findings.add(warning(kp + "/text", "same text as an earlier key point of " + q.id()));
                }
                if (!(k.weight() > 0) || Double.isInfinite(k.weight())) {
                    findings.add(error(kp + "/weight", "weight must be a number greater than 0, found " + k.weight()));
                }
                for (int ai = 0; ai < k.aliases().size(); ai++) {
                    if (k.aliases().get(ai).isBlank()) {
                        findings.add(error(kp + "/aliases/" + ai, "empty alias"));
                    }
                }
                if (Origin.isSuggested(k.origin())) {
                    suggestions++;
                    findings.add(notice(kp, "suggested key point awaiting review: \"" + k.text() + "\""));
                }
            }
            for (int mi = 0; mi < q.misconceptions().size(); mi++) {
                Misconception m = q.misconceptions().get(mi);
                String mp = qp + "/misconceptions/" + mi;
                unique(m.id(), mp + "/id", seenIds, findings);
                if (m.text().isBlank()) {
                    findings.add(error(mp + "/text", "empty misconception text"));
                }
                Set<String> phrasings = new HashSet<>();
                phrasings.add(sameness(m.text()));
                for (int ai = 0; ai < m.aliases().size(); ai++) {
                    String alias = sameness(m.aliases().get(ai));
                    if (texts.contains(alias)) {
                        // a true claim listed as a way of saying a wrong one: every right answer would state it
                        findings.add(error(mp + "/aliases/" + ai, "same text as a key point of " + q.id()
                                + ": a right answer would state this misconception"));
                    } else if (!phrasings.add(alias)) {
                        findings.add(warning(mp + "/aliases/" + ai, "same text as another phrasing of this "
                                + "misconception"));
                    }
                }
                if (Origin.isSuggested(m.origin())) {
                    suggestions++;
                    findings.add(notice(mp, "suggested misconception awaiting review: \"" + m.text() + "\""));
                }
            }
            for (int fi = 0; fi < q.followUps().size(); fi++) {
                FollowUp f = q.followUps().get(fi);
                String fp = qp + "/followUps/" + fi;
                unique(f.id(), fp + "/id", seenIds, findings);
                if (f.question().isBlank()) {
                    findings.add(error(fp + "/question", "empty follow-up question"));
                }
                for (int pi = 0; pi < f.probes().size(); pi++) {
                    String probe = f.probes().get(pi);
                    if (!ownPoints.contains(probe)) {
                        findings.add(error(fp + "/probes/" + pi, "probes unknown key point '" + probe
                                + "' (not a key point of " + q.id() + ")"));
                    }
                }
                if (Origin.isSuggested(f.origin())) {
                    suggestions++;
                    findings.add(notice(fp, "suggested follow-up awaiting review: \"" + f.question() + "\""));
                }
            }
        }
        if (suggestions > 0) {
            findings.add(notice("", suggestions + " suggestion(s) awaiting review: grading ignores them until "
                    + "their \"origin\": \"suggested\" is removed"));
        }
        findings.sort((a, b) -> a.severity().compareTo(b.severity()));
        return List.copyOf(findings);
    }

    /** A text as compared for sameness: case, outer spaces and a closing full stop do not count. */
    private static String sameness(String text) {
        String t = text.strip().toLowerCase(java.util.Locale.ROOT);
        return t.endsWith(".") ? t.substring(0, t.length() - 1).strip() : t;
    }

    /** Only the findings that make the rubric unusable. */
    public static List<LintFinding> errors(Rubric rubric) {
        return lint(rubric).stream().filter(f -> f.severity() == Severity.ERROR).toList();
    }

    /**
     * Refuses a rubric that cannot grade, naming the first error and how many others there are.
     *
     * @param source the file or other origin the message names, such as {@code rubrics/my.json}
     * @throws InvalidInputException if the rubric has errors (duplicate ids, no key points, ...)
     */
    public static void requireUsable(Rubric rubric, String source) {
        List<LintFinding> errors = errors(rubric);
        if (!errors.isEmpty()) {
            LintFinding first = errors.get(0);
            throw new InvalidInputException(source, first.pointer(), first.message()
                    + (errors.size() > 1 ? " (and " + (errors.size() - 1) + " more; run grader lint)" : ""));
        }
    }

    private static void unique(String id, String pointer, Map<String, String> seen, List<LintFinding> findings) {
        String first = seen.putIfAbsent(id, pointer);
        if (first != null) {
            findings.add(error(pointer, "duplicate id '" + id + "' (first used at " + first + ")"));
        }
    }

    private static LintFinding error(String pointer, String message) {
        return new LintFinding(Severity.ERROR, pointer, message);
    }

    private static LintFinding warning(String pointer, String message) {
        return new LintFinding(Severity.WARNING, pointer, message);
    }

    private static LintFinding notice(String pointer, String message) {
        return new LintFinding(Severity.NOTICE, pointer, message);
    }
}
