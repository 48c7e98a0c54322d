package dev.grader.bench;

import dev.grader.GradeReport;
import dev.grader.Grader;
import dev.grader.Rubrics;
import dev.grader.judge.OfflineJudge;
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
 * Offline grading throughput of a typical answer (about 80 words, five key points), answers per second.
 *
 * <ul>
 *   <li>{@code lexical}: one thread, the requirement is at least 2,000 answers/s per core;</li>
 *   <li>{@code embeddings}: run with {@code -t 2} on 2 cores, the requirement is at least 40 answers/s.</li>
 * </ul>
 *
 * <p>Each invocation grades a slightly different answer (a counter is appended), so no cache can answer
 * for the embedding model. Run: {@code java -jar grader-bench/target/benchmarks.jar GradingBenchmark
 * -p judge=lexical -t 1} and {@code ... -p judge=embeddings -t 2}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
@Fork(1)
@Threads(1)
public class GradingBenchmark {

    /** Which offline judge: words only, or words and sentence embeddings. */
    @Param({"lexical", "embeddings"})
    public String judge;

    private Grader grader;

    @Setup(Level.Trial)
    public void setUp() {
        grader = Grader.builder().rubric(Rubrics.defaultRubric())
                .judge(OfflineJudge.builder().embeddings(judge.equals("embeddings")).build()).build();
        grader.grade(TypicalAnswer.QUESTION, TypicalAnswer.ANSWER); // load the model before timing
    }

    @Benchmark
    public GradeReport grade() {
        return grader.grade(TypicalAnswer.QUESTION, TypicalAnswer.nextVariant());
    }
}
