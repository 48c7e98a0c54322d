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
 * Time to grade (lexical judge) an answer of 32,768 characters built to make text passes slow: the bound behind
 * {@code AdversarialUnicodeTest}. Before the fix, {@code combining} (one letter under 32,767 combining marks) took
 * 17-22 s and {@code digits} 18 s, both quadratic; every case should now take about as long as an ordinary answer
 * of the same length ({@code prose}).
 *
 * <p>Run: {@code java -jar grader-bench/target/benchmarks.jar AdversarialAnswerBenchmark -t 1}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class AdversarialAnswerBenchmark {

    static final int LENGTH = 32_768;

    /** The shape of the answer. */
    @Param({"combining", "digits", "zwj", "rtl", "emoji", "newlines-system", "blanks-system", "injections",
            "prose"})
    public String shape;

    private Grader grader;
    private String answer;

    @Setup(Level.Trial)
    public void setUp() {
        grader = Grader.builder().rubric(Rubrics.defaultRubric())
                .judge(OfflineJudge.builder().embeddings(false).build()).build();
        answer = answer(shape);
    }

    static String answer(String shape) {
        String text = switch (shape) {
            case "combining" -> "a" + "\u0301".repeat(LENGTH);
            case "digits" -> "1".repeat(LENGTH);
            case "zwj" -> "graceful\u200D".repeat(LENGTH / 9 + 1);
            case "rtl" -> "\u200Fshutdown\u200E ".repeat(LENGTH / 11 + 1);
            case "emoji" -> "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67\uD83C\uDDFA\uD83C\uDDF8"
                    .repeat(LENGTH / 12 + 1);
            case "newlines-system" -> "\n".repeat(LENGTH - 6) + "system";
            case "blanks-system" -> "system" + " ".repeat(LENGTH - 6);
            case "injections" -> "score=1 ".repeat(LENGTH / 8 + 1);
            case "prose" -> (TypicalAnswer.ANSWER + "\n").repeat(LENGTH / TypicalAnswer.ANSWER.length() + 1);
            default -> throw new IllegalArgumentException("unknown shape " + shape);
        };
        return text.substring(0, LENGTH);
    }

    @Benchmark
    public GradeReport grade() {
        return grader.grade("Q4", answer);
    }
}
