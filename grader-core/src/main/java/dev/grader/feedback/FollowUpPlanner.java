package dev.grader.feedback;

import dev.grader.Assessment;
import dev.grader.GradeReport.FollowUpProbe;
import dev.grader.PointStatus;
import dev.grader.rubric.FollowUp;
import dev.grader.rubric.KeyPoint;
import dev.grader.rubric.Question;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Chooses what to ask next, the error first: a misconception the answer stated (asked about, with its correction
 * as the model answer of the follow-up), then a key point it contradicted, then the rubric's follow-ups that probe
 * a missed, partial or contradicted key point (in rubric order), then one generated probe for each missed point
 * no rubric follow-up covers. Generated probes are plain questions ({@link ProbeWriter}).
 */
public final class FollowUpPlanner {

    /** The reason of a probe about a misconception the answer stated. */
    public static final String MISCONCEPTION = "misconception";

    private FollowUpPlanner() {
    }

    public static List<FollowUpProbe> plan(Question question, Assessment assessment) {
        Map<String, PointStatus> status = new HashMap<>();
        for (Assessment.Point p : assessment.points()) {
            status.put(p.keyPointId(), p.status());
        }
        List<FollowUpProbe> out = new ArrayList<>();
        Set<String> probed = new HashSet<>();
        Map<String, String> judgeProbes = new HashMap<>();
        for (Assessment.GeneratedProbe g : assessment.probes()) {
            judgeProbes.putIfAbsent(g.keyPointId(), g.question());
        }
        // the error first: what the answer got wrong is what to talk about next
        for (Assessment.MisconceptionHit hit : assessment.misconceptions()) {
            question.gradedMisconceptions().stream().filter(m -> m.id().equals(hit.misconceptionId())).findFirst()
                    .ifPresent(m -> {
                        String correction = ProbeWriter.correctionOf(m);
                        out.add(new FollowUpProbe(null, ProbeWriter.aboutMisconception(m),
                                correction.isEmpty() ? null : correction, List.of(), MISCONCEPTION, "generated"));
                    });
        }
        for (KeyPoint k : question.gradedKeyPoints()) {
            if (status.get(k.id()) == PointStatus.CONTRADICTED) {
                out.add(new FollowUpProbe(null, judgeProbes.getOrDefault(k.id(), ProbeWriter.aboutContradiction(k)),
                        k.text(), List.of(k.id()), PointStatus.CONTRADICTED.label(), "generated"));
                probed.add(k.id());
            }
        }
        for (FollowUp f : question.gradedFollowUps()) {
            PointStatus worst = null;
            List<String> weak = new ArrayList<>();
            for (String id : f.probes()) {
                PointStatus s = status.getOrDefault(id, PointStatus.MISSED);
                if (s != PointStatus.COVERED) {
                    weak.add(id);
                    worst = worse(worst, s);
                }
            }
            if (worst != null) {
                out.add(new FollowUpProbe(f.id(), f.question(), f.answer().isEmpty() ? null : f.answer(), weak,
                        worst.label(), "rubric"));
                probed.addAll(weak);
            }
        }
        for (KeyPoint k : question.gradedKeyPoints()) {
            PointStatus s = status.getOrDefault(k.id(), PointStatus.MISSED);
            if (s != PointStatus.MISSED || probed.contains(k.id())) {
                continue;
            }
            String text = judgeProbes.getOrDefault(k.id(), ProbeWriter.probeFor(question, k));
            out.add(new FollowUpProbe(null, text, null, List.of(k.id()), s.label(), "generated"));
        }
        return out;
    }

    private static PointStatus worse(PointStatus a, PointStatus b) {
        if (a == null) {
            return b;
        }
        return rank(b) > rank(a) ? b : a;
    }

    private static int rank(PointStatus s) {
        return switch (s) {
            case CONTRADICTED -> 3;
            case MISSED -> 2;
            case PARTIAL -> 1;
            case COVERED -> 0;
        };
    }
}
