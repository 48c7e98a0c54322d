package dev.grader.judge;

import dev.grader.Api;
import dev.grader.Assessment;
import dev.grader.Judge;
import dev.grader.JudgeInfo;
import dev.grader.PointStatus;
import dev.grader.rubric.Question;
import dev.grader.rubric.Rubric;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The {@code blend} policy: both judges assess every answer and each key point gets the weighted average of
 * their credits (covered 1, partial 0.5 or the judge's own partial credit, missed 0, contradicted -0.5), mapped
 * back to a status: at least 0.75 covered, at least 0.25 partial (earning the blended credit), at most -0.25
 * contradicted, missed in between. With the default weight 0.5,
 * covered + missed blend to partial, covered + partial to covered, missed + contradicted to contradicted.
 * <ul>
 *   <li>the point keeps the evidence and judge label of the judge whose status it matches, preferring the
 *       heavier judge; when it matches neither, those of the heavier judge;</li>
 *   <li>confidence is the weighted average of both confidences;</li>
 *   <li>a misconception is kept when the judges stating it carry at least half the weight.</li>
 * </ul>
 *
 * <pre>{@code
 * Judge judge = BlendingJudge.builder(OfflineJudge.create(), llmJudge).secondWeight(0.7).build();
 * }</pre>
 *
 * <p>Thread-safe when both judges are.
 */
@Api(status = Api.Status.EXPERIMENTAL)
public final class BlendingJudge implements Judge {

    /** The policy's name in reports. */
    public static final String NAME = "blend";

    private final Judge first;
    private final Judge second;
    private final double w2;
    private final JudgeInfo info;

    private BlendingJudge(Builder b) {
        this.first = b.first;
        this.second = b.second;
        this.w2 = b.secondWeight;
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("weight", Map.of(first.info().name(), 1 - w2, second.info().name(), w2));
        s.put(first.info().name(), first.info().settings());
        s.put(second.info().name(), second.info().settings());
        this.info = new JudgeInfo(NAME, s);
    }

    /**
     * @param first  usually the offline judge
     * @param second usually the LLM judge
     */
    public static Builder builder(Judge first, Judge second) {
        return new Builder(first, second);
    }

    @Override
    public Assessment assess(Question question, String answer) {
        Assessment a = first.assess(question, answer);
        Assessment b = second.assess(question, answer);
        Map<String, Assessment.Point> bById = new HashMap<>();
        b.points().forEach(p -> bById.putIfAbsent(p.keyPointId(), p));
        boolean secondHeavier = w2 >= 0.5;
        List<Assessment.Point> points = new ArrayList<>();
        for (Assessment.Point pa : a.points()) {
            Assessment.Point pb = bById.get(pa.keyPointId());
            if (pb == null) {
                points.add(pa);
                continue;
            }
            double credit = (1 - w2) * PointCredit.of(pa) + w2 * PointCredit.of(pb);
            PointStatus status = PointCredit.status(credit);
            Assessment.Point heavy = secondHeavier ? pb : pa;
            Assessment.Point light = secondHeavier ? pa : pb;
            Assessment.Point source = heavy.status() == status ? heavy : light.status() == status ? light : heavy;
            double confidence = (1 - w2) * pa.confidence() + w2 * pb.confidence();
            String reason = pa.status() == pb.status() ? source.reason()
                    : "blend of " + pb.judge() + " " + pb.status().label() + " and " + pa.judge() + " "
                    + pa.status().label();
            points.add(new Assessment.Point(pa.keyPointId(), status, confidence,
                    status == PointStatus.MISSED ? null : source.evidence() != null ? source.evidence()
                            : heavy.evidence() != null ? heavy.evidence() : light.evidence(),
                    source.judge(), reason, status == PointStatus.PARTIAL ? credit : null));
        }
        Map<String, Assessment.MisconceptionHit> aHits = new LinkedHashMap<>();
        a.misconceptions().forEach(h -> aHits.putIfAbsent(h.misconceptionId(), h));
        Map<String, Assessment.MisconceptionHit> bHits = new LinkedHashMap<>();
        b.misconceptions().forEach(h -> bHits.putIfAbsent(h.misconceptionId(), h));
        Set<String> ids = new LinkedHashSet<>(aHits.keySet());
        ids.addAll(bHits.keySet());
        List<Assessment.MisconceptionHit> hits = new ArrayList<>();
        for (String id : ids) {
            double weight = (aHits.containsKey(id) ? 1 - w2 : 0) + (bHits.containsKey(id) ? w2 : 0);
            if (weight >= 0.5 - 1e-9) {
                Assessment.MisconceptionHit ha = aHits.get(id);
                Assessment.MisconceptionHit hb = bHits.get(id);
                hits.add(hb != null && (secondHeavier || ha == null) ? hb : ha);
            }
        }
        List<Assessment.GeneratedProbe> probes = new ArrayList<>(b.probes());
        probes.addAll(a.probes());
        return new Assessment(points, hits, probes, null, a.trace().plus(b.trace()),
                WrongClaims.union(a.errors(), b.errors()));
    }

    @Override
    public JudgeInfo info() {
        return info;
    }

    @Override
    public void prepare(Rubric rubric) {
        first.prepare(rubric);
        if (second != first) {
            second.prepare(rubric);
        }
    }

    /** Configures a {@link BlendingJudge}; default weight of the second judge 0.5. */
    public static final class Builder {
        private final Judge first;
        private final Judge second;
        private double secondWeight = 0.5;

        private Builder(Judge first, Judge second) {
            this.first = Objects.requireNonNull(first, "first");
            this.second = Objects.requireNonNull(second, "second");
        }

        /** The second judge's share of each point's credit, 0..1; the first judge gets the rest. */
        public Builder secondWeight(double weight) {
            if (!(weight >= 0 && weight <= 1)) {
                throw new IllegalArgumentException("secondWeight must be between 0 and 1, found " + weight);
            }
            this.secondWeight = weight;
            return this;
        }

        public BlendingJudge build() {
            return new BlendingJudge(this);
        }
    }
}
