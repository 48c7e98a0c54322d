package dev.grader.judge;

import dev.grader.Api;
import dev.grader.Assessment;
import dev.grader.Judge;
import dev.grader.JudgeInfo;
import dev.grader.JudgeTrace;
import dev.grader.PointStatus;
import dev.grader.rubric.Question;
import dev.grader.rubric.Rubric;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The {@code consensus} policy: several judges (samples of one model at a temperature above 0, or several
 * models) assess each answer, and each key point gets the status most of them gave.
 * <ul>
 *   <li>a tie goes to the status with less credit: a point is not credited on a split vote;</li>
 *   <li>confidence is the winning share of votes; evidence and judge label come from the first judge that voted
 *       for the winner;</li>
 *   <li>a misconception is kept when more than half of the judges found it;</li>
 *   <li>every point on which the judges did not all agree counts in {@code JudgeTrace.disagreements}, which
 *       makes the grader flag the report for review.</li>
 * </ul>
 *
 * <pre>{@code
 * Judge judge = ConsensusJudge.of(List.of(sample0, sample1, sample2));
 * }</pre>
 *
 * <p>Judges are asked in order, on the calling thread. Thread-safe when the judges are.
 */
@Api(status = Api.Status.EXPERIMENTAL)
public final class ConsensusJudge implements Judge {

    /** The policy's name in reports. */
    public static final String NAME = "consensus";

    private final List<Judge> judges;
    private final JudgeInfo info;

    private ConsensusJudge(List<Judge> judges) {
        this.judges = judges;
        List<Object> members = new ArrayList<>();
        for (Judge j : judges) {
            Map<String, Object> m = new LinkedHashMap<>(j.info().settings());
            m.put("judge", j.info().name());
            members.add(m);
        }
        this.info = new JudgeInfo(NAME, Map.of("samples", judges.size(), "judges", members));
    }

    /**
     * @param judges at least two judges
     */
    public static ConsensusJudge of(List<? extends Judge> judges) {
        Objects.requireNonNull(judges, "judges");
        if (judges.size() < 2) {
            throw new IllegalArgumentException("judges must hold at least 2 judges, found " + judges.size());
        }
        judges.forEach(j -> Objects.requireNonNull(j, "judges element"));
        return new ConsensusJudge(List.copyOf(judges));
    }

    @Override
    public Assessment assess(Question question, String answer) {
        List<Assessment> all = new ArrayList<>();
        for (Judge j : judges) {
            all.add(j.assess(question, answer));
        }
        Assessment head = all.get(0);
        int disagreements = 0;
        List<Assessment.Point> points = new ArrayList<>();
        List<Map<String, Assessment.Point>> byJudge = new ArrayList<>();
        for (Assessment a : all) {
            Map<String, Assessment.Point> m = new HashMap<>();
            a.points().forEach(p -> m.putIfAbsent(p.keyPointId(), p));
            byJudge.add(m);
        }
        for (Assessment.Point p : head.points()) {
            Map<PointStatus, Integer> votes = new EnumMap<>(PointStatus.class);
            int voters = 0;
            for (Map<String, Assessment.Point> m : byJudge) {
                Assessment.Point q = m.get(p.keyPointId());
                if (q != null) {
                    votes.merge(q.status(), 1, Integer::sum);
                    voters++;
                }
            }
            PointStatus winner = null;
            for (Map.Entry<PointStatus, Integer> e : votes.entrySet()) {
                if (winner == null || e.getValue() > votes.get(winner) || e.getValue().equals(votes.get(winner))
                        && PointCredit.rank(e.getKey()) < PointCredit.rank(winner)) {
                    winner = e.getKey();
                }
            }
            if (votes.size() > 1) {
                disagreements++;
            }
            Assessment.Point source = null;
            for (Map<String, Assessment.Point> m : byJudge) {
                Assessment.Point q = m.get(p.keyPointId());
                if (q != null && q.status() == winner) {
                    source = q;
                    break;
                }
            }
            points.add(new Assessment.Point(p.keyPointId(), winner, votes.get(winner) / (double) voters,
                    source.evidence(), source.judge(), source.reason(), source.credit()));
        }
        Map<String, List<Assessment.MisconceptionHit>> hits = new LinkedHashMap<>();
        for (Assessment a : all) {
            Map<String, Assessment.MisconceptionHit> once = new LinkedHashMap<>();
            a.misconceptions().forEach(h -> once.putIfAbsent(h.misconceptionId(), h));
            once.forEach((id, h) -> hits.computeIfAbsent(id, k -> new ArrayList<>()).add(h));
        }
        List<Assessment.MisconceptionHit> kept = new ArrayList<>();
        hits.forEach((id, list) -> {
            if (list.size() * 2 > all.size()) {
                Assessment.MisconceptionHit h = list.get(0);
                kept.add(new Assessment.MisconceptionHit(id, list.size() / (double) all.size(), h.evidence(),
                        h.judge()));
            }
        });
        // A misconception some judges found and others did not is a disagreement too, kept or not.
        long splitMisconceptions = hits.values().stream().filter(l -> l.size() < all.size()).count();
        disagreements += (int) splitMisconceptions;
        JudgeTrace trace = all.get(0).trace();
        for (int i = 1; i < all.size(); i++) {
            trace = trace.plus(all.get(i).trace());
        }
        trace = trace.plus(new JudgeTrace(0, 0, 0, 0, 0, 0, null, 0, 0, disagreements, List.of()));
        List<Assessment.GeneratedProbe> probes = new ArrayList<>();
        for (Assessment a : all) {
            probes.addAll(a.probes());
        }
        return new Assessment(points, kept, probes, head.feedback(), trace, WrongClaims.majority(all));
    }

    @Override
    public JudgeInfo info() {
        return info;
    }

    @Override
    public void prepare(Rubric rubric) {
        java.util.Set<Judge> prepared = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (Judge j : judges) {
            if (prepared.add(j)) {
                j.prepare(rubric);
            }
        }
    }
}
