package dev.grader.eval;

import dev.grader.Assessment;
import dev.grader.Judge;
import dev.grader.JudgeInfo;
import dev.grader.PointStatus;
import dev.grader.compile.BankCompiler;
import dev.grader.rubric.KeyPoint;
import dev.grader.rubric.Misconception;
import dev.grader.rubric.Question;
import dev.grader.rubric.Rubric;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Test inputs: the seed gold fixture, the tiny bank it is graded against, and a scripted judge. */
final class EvalFixtures {

    private EvalFixtures() {
    }

    /** 20 answers to Q1-Q5 copied from seed-dev (graded 0-5, with kinds and misconception notes). */
    static Path seedGold() {
        return resource("/eval/gold-seed.jsonl");
    }

    /** Five questions Q1-Q5 on net/http concurrency, with model answers written for these tests. */
    static Rubric tinyBank() {
        return BankCompiler.compile(resource("/eval/bank.jsonl"));
    }

    /**
     * One question {@code Q1} with key points {@code k1}, {@code k2} and misconception {@code m1}, graded by
     * {@link ScriptedJudge}.
     */
    static Rubric scriptedRubric() {
        Question q = new Question("Q1", null, "How are connections served?", "One goroutine per connection.", null,
                null,
                List.of(new KeyPoint("k1", "an accept loop", 1, List.of("accept"), List.of()),
                        new KeyPoint("k2", "one goroutine per connection", 1, List.of("goroutine"), List.of())),
                List.of(new Misconception("m1", "a thread pool serves requests", "no pool", List.of("pool"))),
                null, null, null);
        return new Rubric(Rubric.FORMAT_VERSION, "scripted", "Scripted", null, null, List.of(q));
    }

    /**
     * A judge that reads its verdicts from the answer: a key point id in the text covers it, {@code not k2}
     * contradicts k2, {@code m1} states the misconception, {@code boom} throws.
     */
    static final class ScriptedJudge implements Judge {

        @Override
        public Assessment assess(Question question, String answer) {
            String text = answer.toLowerCase(Locale.ROOT);
            if (text.contains("boom")) {
                throw new IllegalStateException("judge exploded");
            }
            List<Assessment.Point> points = new ArrayList<>();
            for (KeyPoint k : question.gradedKeyPoints()) {
                PointStatus status = text.contains("not " + k.id()) ? PointStatus.CONTRADICTED
                        : text.contains(k.id()) ? PointStatus.COVERED : PointStatus.MISSED;
                points.add(new Assessment.Point(k.id(), status, 0.9, null, "scripted", null));
            }
            List<Assessment.MisconceptionHit> hits = question.gradedMisconceptions().stream()
                    .filter(m -> text.contains(m.id()))
                    .map(m -> new Assessment.MisconceptionHit(m.id(), 0.9, null, "scripted"))
                    .toList();
            return new Assessment(points, hits, List.of(), null, null);
        }

        @Override
        public JudgeInfo info() {
            return new JudgeInfo("scripted", Map.of());
        }
    }

    private static Path resource(String name) {
        try {
            return Path.of(EvalFixtures.class.getResource(name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("test resource missing: " + name, e);
        }
    }
}
