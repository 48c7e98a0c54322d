package dev.grader.bench;

import dev.grader.GradeReport;
import dev.grader.Grader;
import dev.grader.Rubrics;
import dev.grader.examples.GradedExample;
import dev.grader.examples.GradedExamples;
import dev.grader.judge.OfflineJudge;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Grading by example with a large pool: the typical answer (Q13) graded with {@code examples} graded answers of
 * its question (sentences of the shipped examples recombined, with grades), answers per second. The requirement
 * is at least 100 answers/s on 2 threads with 500 examples per question and embeddings:
 * {@code java -jar grader-bench/target/benchmarks.jar ExampleGradingBenchmark -t 2}.
 *
 * <p>Setup grades and embeds every example once (the pool and the fitted weights); that cost is not timed, as a
 * batch or a service pays it once.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
@Threads(2)
public class ExampleGradingBenchmark {

    /** Graded examples of the question. */
    @Param({"500"})
    public int examples;

    /** Which offline judge: words only, or words and sentence embeddings. */
    @Param({"embeddings"})
    public String judge;

    private Grader grader;

    @Setup(Level.Trial)
    public void setUp() {
        grader = Grader.builder().rubric(Rubrics.defaultRubric())
                .judge(OfflineJudge.builder().embeddings(judge.equals("embeddings")).build())
                .examples(pool(examples)).build();
        grader.grade(TypicalAnswer.QUESTION, TypicalAnswer.ANSWER); // fit the weights, load the model
    }

    /**
     * {@code n} answers to the typical question built from sentences of the shipped examples of it; one that
     * borrows a sentence of an example stating a misconception is marked as stating one, so that the misconception
     * model is fitted and applied as with real examples.
     */
    static GradedExamples pool(int n) {
        List<GradedExample> shipped = Rubrics.defaultExamples().forQuestion(TypicalAnswer.QUESTION);
        List<String> sentences = new ArrayList<>();
        List<Boolean> wrong = new ArrayList<>();
        for (GradedExample e : shipped) {
            for (String s : e.answer().split("(?<=[.;])\\s+")) {
                sentences.add(s);
                wrong.add(e.statesMisconception().orElse(false));
            }
        }
        Random random = new Random(42);
        List<GradedExample> pool = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            StringBuilder answer = new StringBuilder();
            boolean states = false;
            int parts = 1 + random.nextInt(4);
            for (int p = 0; p < parts; p++) {
                int pick = random.nextInt(sentences.size());
                answer.append(sentences.get(pick)).append(' ');
                states |= wrong.get(pick);
            }
            pool.add(new GradedExample("bench-" + i, TypicalAnswer.QUESTION, answer.toString().strip(),
                    random.nextInt(11) / 2.0, 5, states ? "misconception" : "full"));
        }
        return GradedExamples.of(pool, "benchmark pool");
    }

    @Benchmark
    public GradeReport grade() {
        return grader.grade(TypicalAnswer.QUESTION, TypicalAnswer.nextVariant());
    }
}
