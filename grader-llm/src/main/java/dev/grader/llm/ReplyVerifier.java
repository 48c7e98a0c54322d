package dev.grader.llm;

import dev.grader.Assessment;
import dev.grader.Evidence;
import dev.grader.PointStatus;
import dev.grader.rubric.KeyPoint;
import dev.grader.rubric.Misconception;
import dev.grader.rubric.Question;
import dev.grader.text.Span;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a model's reply into verdicts it can back up:
 * <ul>
 *   <li>a covered, partial or contradicted point whose quote is not in the answer becomes {@code missed}: a
 *       claim without evidence is not credited (nor penalised); counted in {@code rejectedQuotes};</li>
 *   <li>a quote that is in the answer but does not state its point (as the offline matcher reads it) downgrades
 *       the point one step: covered to partial, partial or contradicted to missed;</li>
 *   <li>each such quote, and each invented one, is a reason for a person to review, naming the point;</li>
 *   <li>false claims the rubric does not list ({@code errors}) are kept only with a quote that is in the
 *       answer;</li>
 *   <li>a misconception whose quote is not in the answer is dropped, also counted in {@code rejectedQuotes};</li>
 *   <li>ids the question does not grade (invented, suggested, or of another question) are ignored and counted in
 *       {@code unknownIds}; a key point the reply leaves out is {@code missed};</li>
 *   <li>an id given twice: the first entry counts, the others are counted in {@code duplicateIds} and a note
 *       says which entry was used;</li>
 *   <li>follow-up questions are kept for missed and contradicted points only.</li>
 * </ul>
 */
final class ReplyVerifier {

    /** Confidence of a single model verdict: above the offline judge's "unsure", below certainty. */
    static final double CONFIDENCE = 0.9;
    /** Confidence of a point downgraded for want of evidence: the model thought otherwise. */
    static final double DOWNGRADED_CONFIDENCE = 0.5;

    private ReplyVerifier() {
    }

    /** Whether a span of the answer states (or denies) a key point, by a judge other than the model. */
    @FunctionalInterface
    interface QuoteCheck {
        boolean states(Question question, KeyPoint keyPoint, String quote);

        /** Accepts every quote found in the answer. */
        QuoteCheck NONE = (question, keyPoint, quote) -> true;
    }

    /** The checked verdicts, and what was thrown out. */
    record Verified(List<Assessment.Point> points, List<Assessment.MisconceptionHit> misconceptions,
                    List<Assessment.GeneratedProbe> probes, String feedback, int rejectedQuotes, int unknownIds,
                    int duplicateIds, List<String> notes, List<String> review, List<Assessment.WrongClaim> errors) {
    }

    static Verified verify(Question question, String answer, ModelReply reply) {
        return verify(question, answer, reply, QuoteCheck.NONE);
    }

    static Verified verify(Question question, String answer, ModelReply reply, QuoteCheck check) {
        Map<String, ModelReply.PointReply> byId = new LinkedHashMap<>();
        Set<String> graded = new HashSet<>();
        question.gradedKeyPoints().forEach(k -> graded.add(k.id()));
        int unknown = 0;
        Map<String, List<String>> ignored = new LinkedHashMap<>();
        for (ModelReply.PointReply p : reply.points()) {
            if (!graded.contains(p.id())) {
                unknown++;
            } else if (byId.putIfAbsent(p.id(), p) != null) {
                ignored.computeIfAbsent(p.id(), id -> new ArrayList<>()).add(p.status());
            }
        }
        List<String> notes = new ArrayList<>();
        int duplicates = 0;
        for (Map.Entry<String, List<String>> e : ignored.entrySet()) {
            duplicates += e.getValue().size();
            notes.add("the model's reply gave key point " + e.getKey() + " " + (e.getValue().size() + 1)
                    + " times; the first entry (" + byId.get(e.getKey()).status() + ") was used, the "
                    + (e.getValue().size() == 1 ? "other" : "others") + " (" + String.join(", ", e.getValue())
                    + ") ignored");
        }
        int rejected = 0;
        int omitted = 0;
        List<String> review = new ArrayList<>();
        List<Assessment.Point> points = new ArrayList<>();
        List<Assessment.GeneratedProbe> probes = new ArrayList<>();
        for (KeyPoint k : question.gradedKeyPoints()) {
            ModelReply.PointReply p = byId.get(k.id());
            if (p == null) {
                omitted++;
                points.add(new Assessment.Point(k.id(), PointStatus.MISSED, DOWNGRADED_CONFIDENCE, null,
                        LlmJudge.NAME, "not in the model's reply"));
                continue;
            }
            PointStatus status = PointStatus.parse(p.status());
            Evidence evidence = null;
            String reason = blankToNull(p.reason());
            double confidence = CONFIDENCE;
            if (status != PointStatus.MISSED) {
                Optional<Span> span = QuoteLocator.find(answer, p.quote());
                if (span.isEmpty()) {
                    rejected++;
                    reason = "model said " + status.label() + " but its quote is not in the answer";
                    review.add("the model's quote for \u201c" + k.text() + "\u201d is not in the answer; "
                            + "counted as missed");
                    status = PointStatus.MISSED;
                    confidence = DOWNGRADED_CONFIDENCE;
                } else if (!check.states(question, k, answer.substring(span.get().start(), span.get().end()))) {
                    PointStatus said = status;
                    status = status == PointStatus.COVERED ? PointStatus.PARTIAL : PointStatus.MISSED;
                    evidence = status == PointStatus.MISSED ? null
                            : Evidence.of(answer, span.get().start(), span.get().end());
                    reason = "model said " + said.label() + " but its quote does not state this point";
                    review.add("the model's quote for \u201c" + k.text() + "\u201d does not state it; "
                            + said.label() + " downgraded to " + status.label());
                    confidence = DOWNGRADED_CONFIDENCE;
                } else {
                    evidence = Evidence.of(answer, span.get().start(), span.get().end());
                }
            }
            points.add(new Assessment.Point(k.id(), status, confidence, evidence, LlmJudge.NAME, reason));
            if ((status == PointStatus.MISSED || status == PointStatus.CONTRADICTED) && !p.followUp().isBlank()) {
                probes.add(new Assessment.GeneratedProbe(k.id(), p.followUp().strip()));
            }
        }
        Set<String> misconceptionIds = new HashSet<>();
        question.gradedMisconceptions().stream().map(Misconception::id).forEach(misconceptionIds::add);
        List<Assessment.MisconceptionHit> hits = new ArrayList<>();
        Map<String, Integer> given = new LinkedHashMap<>();
        for (ModelReply.MisconceptionReply m : reply.misconceptions()) {
            if (!misconceptionIds.contains(m.id())) {
                unknown++;
                continue;
            }
            if (given.merge(m.id(), 1, Integer::sum) > 1) {
                duplicates++;
                continue;
            }
            Optional<Span> span = QuoteLocator.find(answer, m.quote());
            if (span.isEmpty()) {
                rejected++;
                question.gradedMisconceptions().stream().filter(x -> x.id().equals(m.id())).findFirst().ifPresent(
                        x -> review.add("the model's quote for the misconception \u201c" + x.text()
                                + "\u201d is not in the answer; not counted"));
            } else {
                hits.add(new Assessment.MisconceptionHit(m.id(), CONFIDENCE,
                        Evidence.of(answer, span.get().start(), span.get().end()), LlmJudge.NAME));
            }
        }
        given.forEach((id, n) -> {
            if (n > 1) {
                notes.add("the model's reply gave misconception " + id + " " + n + " times; the first entry was "
                        + "used, the " + (n == 2 ? "other" : "others") + " ignored");
            }
        });
        if (omitted > 0) {
            notes.add("the model's reply left out " + omitted + " key point(s); counted as missed");
        }
        List<Assessment.WrongClaim> errors = new ArrayList<>();
        for (ModelReply.ErrorReply e : reply.errors()) {
            Optional<Span> span = QuoteLocator.find(answer, e.quote());
            if (span.isEmpty()) {
                rejected++;
                review.add("the model's quote for the false claim \u201c" + e.claim() + "\u201d is not in the "
                        + "answer; not counted");
            } else if (errors.stream().noneMatch(o -> o.evidence().start() < span.get().end()
                    && span.get().start() < o.evidence().end())) {
                errors.add(new Assessment.WrongClaim(e.claim(), e.correction(),
                        Evidence.of(answer, span.get().start(), span.get().end()), LlmJudge.NAME));
            }
        }
        return new Verified(points, hits, probes, blankToNull(reply.feedback()), rejected, unknown, duplicates,
                notes, review, errors);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
