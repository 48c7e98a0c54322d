package dev.grader.judge;

import dev.grader.Assessment;
import dev.grader.Evidence;
import dev.grader.PointStatus;
import dev.grader.examples.ExampleIndex;
import dev.grader.examples.MisconceptionModel;
import dev.grader.rubric.Misconception;
import dev.grader.rubric.Question;
import java.util.ArrayList;
import java.util.List;

/**
 * Misconceptions weighed with graded examples: what the reference judge reported, borne out or made a suspicion by
 * the examples nearest the answer that a person marked as stating a misconception or not.
 */
final class ExampleMisconceptions {

    private ExampleMisconceptions() {
    }

    /** A question's misconceptions (whole and by "; " part) and truths (key points, corrections), embedded. */
    record Texts(List<float[]> myths, List<float[]> truths) {

        static final Texts NONE = new Texts(List.of(), List.of());

        static Texts of(Question question, SentenceEncoder encoder) {
            if (encoder == null) {
                return NONE;
            }
            List<String> myths = new ArrayList<>();
            List<String> truths = new ArrayList<>();
            for (Misconception m : question.gradedMisconceptions()) {
                myths.addAll(statements(m));
                if (m.correction() != null && !m.correction().isBlank()) {
                    truths.add(m.correction());
                }
            }
            question.gradedKeyPoints().forEach(k -> truths.add(k.text()));
            return new Texts(myths.isEmpty() ? List.of() : encoder.encode(myths),
                    truths.isEmpty() ? List.of() : encoder.encode(truths));
        }
    }

    /**
     * The signals of one answer: the reference judge's findings; the marked examples among {@code hits} (nearest
     * first, the answer itself left out), of which the first {@code neighbours} vote with weights
     * {@code similarity^power}; and, with sentence vectors, how near the answer's sentences come to sentences of
     * marked examples ({@code skip} left out) and to the rubric's misconceptions against its truths.
     */
    static MisconceptionModel.Signals signals(Assessment found, double referenceScore, List<ExampleIndex.Hit> hits,
                                              int neighbours, double power, List<float[]> sentences,
                                              ExampleIndex index, int skip, Texts texts) {
        boolean suspected = found.misconceptions().stream().anyMatch(Assessment.MisconceptionHit::suspected);
        boolean contradicted = found.points().stream().anyMatch(p -> p.status() == PointStatus.CONTRADICTED);
        double sum = 0;
        double stating = 0;
        int voted = 0;
        Double nearestStating = null;
        Double nearestClean = null;
        for (ExampleIndex.Hit h : hits) {
            var states = h.example().statesMisconception();
            if (states.isEmpty()) {
                continue;
            }
            if (states.get()) {
                nearestStating = nearestStating == null ? h.similarity() : nearestStating;
            } else {
                nearestClean = nearestClean == null ? h.similarity() : nearestClean;
            }
            if (voted < neighbours) {
                double weight = Math.pow(Math.max(0, h.similarity()), power);
                sum += weight;
                stating += states.get() ? weight : 0;
                voted++;
            }
        }
        double share = sum > 0 ? stating / sum : 0.5;
        double gap = nearestStating != null && nearestClean != null ? nearestStating - nearestClean : 0;
        double[] myth = mythCloseness(sentences, texts);
        double confidence = 0;
        boolean alsoTrue = false;
        for (Assessment.MisconceptionHit h : found.misconceptions()) {
            if (!h.suspected()) {
                confidence = Math.max(confidence, h.confidence());
                alsoTrue |= h.evidence() != null && found.points().stream().anyMatch(p ->
                        p.status() == PointStatus.COVERED && p.evidence() != null && overlap(p.evidence(), h.evidence()));
            }
        }
        return new MisconceptionModel.Signals(contradicted, suspected, share, gap,
                sentenceGap(sentences, index, skip), myth[0], myth[1], confidence, alsoTrue, referenceScore);
    }

    private static boolean overlap(Evidence a, Evidence b) {
        return a.start() < b.end() && b.start() < a.end();
    }

    /** The largest margin of an answer sentence's nearest stating-example sentence over its nearest clean one. */
    private static double sentenceGap(List<float[]> sentences, ExampleIndex index, int skip) {
        double best = Double.NEGATIVE_INFINITY;
        for (float[] a : sentences) {
            double stating = Double.NEGATIVE_INFINITY;
            double clean = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < index.examples().size(); j++) {
                var states = index.examples().get(j).statesMisconception();
                if (j == skip || states.isEmpty()) {
                    continue;
                }
                for (float[] e : index.sentenceVectorsOf(j)) {
                    double c = SentenceEncoder.cosine(a, e);
                    if (states.get()) {
                        stating = Math.max(stating, c);
                    } else {
                        clean = Math.max(clean, c);
                    }
                }
            }
            if (stating > Double.NEGATIVE_INFINITY && clean > Double.NEGATIVE_INFINITY) {
                best = Math.max(best, stating - clean);
            }
        }
        return best == Double.NEGATIVE_INFINITY ? 0 : best;
    }

    /** {nearest a sentence comes to a misconception, that nearness minus the sentence's nearness to a truth}. */
    private static double[] mythCloseness(List<float[]> sentences, Texts texts) {
        double closeness = 0;
        double contrast = 0;
        for (float[] a : sentences) {
            for (float[] m : texts.myths()) {
                double c = SentenceEncoder.cosine(a, m);
                if (c > closeness) {
                    double truth = 0;
                    for (float[] t : texts.truths()) {
                        truth = Math.max(truth, SentenceEncoder.cosine(a, t));
                    }
                    closeness = c;
                    contrast = c - truth;
                }
            }
        }
        return new double[] {closeness, contrast};
    }

    private static List<String> statements(Misconception m) {
        List<String> out = new ArrayList<>(m.phrasings());
        String[] parts = m.text().split(";\\s+");
        if (parts.length > 1) {
            out.addAll(List.of(parts));
        }
        return out;
    }

    /** Whether the judge reported a rubric misconception (not only suspected one): what the examples weigh. */
    static boolean reports(Assessment found) {
        return found.misconceptions().stream().anyMatch(h -> !h.suspected());
    }

    /**
     * The assessment with the misconceptions the examples do not bear out made suspicions: not scored, but named
     * for a person to check. Contradicted key points are left as they are.
     */
    static Assessment confirm(Assessment found, boolean confirmed) {
        if (confirmed || !reports(found)) {
            return found;
        }
        List<Assessment.MisconceptionHit> hits = new ArrayList<>();
        for (Assessment.MisconceptionHit h : found.misconceptions()) {
            hits.add(h.suspected() ? h : new Assessment.MisconceptionHit(h.misconceptionId(),
                    Assessment.MisconceptionHit.SUSPECTED, h.evidence(), h.judge()));
        }
        return new Assessment(found.points(), hits, found.probes(), found.feedback(), found.trace(), found.errors(),
                found.examples());
    }
}
