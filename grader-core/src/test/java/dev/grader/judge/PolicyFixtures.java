package dev.grader.judge;

import dev.grader.Assessment;
import dev.grader.Evidence;
import dev.grader.Judge;
import dev.grader.JudgeInfo;
import dev.grader.JudgeTrace;
import dev.grader.PointStatus;
import dev.grader.rubric.KeyPoint;
import dev.grader.rubric.Misconception;
import dev.grader.rubric.Question;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** A three-point question and judges that return scripted verdicts and count their calls. */
final class PolicyFixtures {

    static final String ANSWER = "alpha beta gamma";

    static final Question QUESTION = new Question("Q", null, "q?", "a.", List.of(), null,
            List.of(new KeyPoint("a", "alpha", 1, List.of(), List.of()),
                    new KeyPoint("b", "beta", 1, List.of(), List.of()),
                    new KeyPoint("c", "gamma", 2, List.of(), List.of())),
            List.of(new Misconception("m", "wrong", "right", List.of())), List.of(), List.of(), List.of());

    private PolicyFixtures() {
    }

    /** A point with evidence "alpha" unless missed. */
    static Assessment.Point point(String id, PointStatus status, double confidence, String judge) {
        Evidence e = status == PointStatus.MISSED ? null : Evidence.of(ANSWER, 0, 5);
        return new Assessment.Point(id, status, confidence, e, judge, null);
    }

    /** A judge that answers with fixed points (a, b, c in order) and misconception hits. */
    static final class Scripted implements Judge {
        final String name;
        final List<Assessment.Point> points;
        final List<Assessment.MisconceptionHit> hits = new ArrayList<>();
        final AtomicInteger calls = new AtomicInteger();

        Scripted(String name, PointStatus a, double ca, PointStatus b, double cb, PointStatus c, double cc) {
            this.name = name;
            this.points = List.of(point("a", a, ca, name), point("b", b, cb, name), point("c", c, cc, name));
        }

        Scripted states(String misconception, double confidence) {
            hits.add(new Assessment.MisconceptionHit(misconception, confidence, Evidence.of(ANSWER, 6, 10), name));
            return this;
        }

        @Override
        public Assessment assess(Question question, String answer) {
            calls.incrementAndGet();
            JudgeTrace trace = name.equals("llm") ? new JudgeTrace(1, 0, 0, 10, 5, 0.001, null, 0, 0, 0, List.of())
                    : JudgeTrace.NONE;
            return new Assessment(points, hits, List.of(new Assessment.GeneratedProbe("b", name + " probe")),
                    name + " feedback", trace);
        }

        @Override
        public JudgeInfo info() {
            return new JudgeInfo(name, Map.of("k", 1));
        }
    }

    static List<PointStatus> statuses(Assessment a) {
        return a.points().stream().map(Assessment.Point::status).toList();
    }

    static List<String> judges(Assessment a) {
        return a.points().stream().map(Assessment.Point::judge).toList();
    }
}
