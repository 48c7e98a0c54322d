package dev.grader.judge;

import dev.grader.Api;
import dev.grader.Assessment;
import dev.grader.Judge;
import dev.grader.JudgeInfo;
import dev.grader.rubric.Question;
import dev.grader.rubric.Rubric;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A judge that remembers its assessments: the same question and answer are assessed once. Grading by example
 * assesses every example with the reference judge; when several graders share one pool of answers (the folds of
 * {@code grader eval --cv-examples}), each answer is then assessed once in all.
 *
 * <p>Thread-safe; memory grows with the distinct answers seen.
 */
@Api(status = Api.Status.EXPERIMENTAL)
public final class CachingJudge implements Judge {

    private record Key(Question question, String answer) {
    }

    private final Judge judge;
    private final Map<Key, Assessment> seen = new ConcurrentHashMap<>();

    public CachingJudge(Judge judge) {
        this.judge = Objects.requireNonNull(judge, "judge");
    }

    /** The judge whose assessments are remembered. */
    public Judge judge() {
        return judge;
    }

    @Override
    public Assessment assess(Question question, String answer) {
        return seen.computeIfAbsent(new Key(question, answer), k -> judge.assess(k.question(), k.answer()));
    }

    @Override
    public JudgeInfo info() {
        return judge.info();
    }

    @Override
    public void prepare(Rubric rubric) {
        judge.prepare(rubric);
    }
}
