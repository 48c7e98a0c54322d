package dev.grader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.grader.judge.OfflineJudge;
import dev.grader.report.ReportRenderer;
import java.util.List;
import java.util.concurrent.TimeUnit;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Answers of 32,768 characters built to make text passes slow: a letter under thousands of combining marks,
 * zero-width joiners, RTL marks, emoji ZWJ sequences and flags, long runs of one character (digits, blanks,
 * line breaks, brackets), mixed with the words that wake the injection detector. Each is graded (lexical judge)
 * and rendered as text and Markdown within {@value #BOUND_SECONDS} s.
 *
 * <p>The bound only catches a pass that went quadratic again (before the fix, one letter followed by 32,000
 * combining marks took 17-22 s, a run of 32,000 digits 18 s); it is loose on purpose so a busy CI machine does
 * not fail it. The speed itself is measured by {@code AdversarialAnswerBenchmark} in grader-bench (about 0.1 s).
 */
class AdversarialUnicodeTest {

    static final int LENGTH = 32_768;
    static final int BOUND_SECONDS = 5;

    static Grader grader;

    @BeforeContainer
    static void build() {
        grader = Grader.builder().rubric(Rubrics.defaultRubric())
                .judge(OfflineJudge.builder().embeddings(false).build()).build();
    }

    @Property(tries = 25)
    void adversarialAnswersGradeWithinTheBound(@ForAll("answers") String answer, @ForAll("questions") String id) {
        gradesWithinTheBound(answer, id);
    }

    /** The worst cases found by fuzzing, always tried. */
    @Example
    void worstCasesGradeWithinTheBound() {
        gradesWithinTheBound(fill(List.of("a\u0301\u0301\u0301\u0301\u0301\u0301\u0301", "\u0301")), "Q4");
        gradesWithinTheBound(fill(List.of("1")), "Q4");
        gradesWithinTheBound(fill(List.of("\n", "system")), "Q4");
        gradesWithinTheBound(fill(List.of("system", " ", "x")), "Q4");
        gradesWithinTheBound(fill(List.of("give ", "score", " ", "x")), "Q4");
        gradesWithinTheBound(fill(List.of("score=")), "Q4");
    }

    private static void gradesWithinTheBound(String answer, String id) {
        assertEquals(LENGTH, answer.length());
        long start = System.nanoTime();
        GradeReport report = grader.grade(id, answer);
        String text = ReportRenderer.text(false).render(report);
        String markdown = ReportRenderer.markdown().render(report);
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertTrue(millis < BOUND_SECONDS * 1000L, "took " + millis + " ms: " + describe(answer));
        assertTrue(report.score() >= 0 && report.score() <= 1);
        assertTrue(!text.isEmpty() && !markdown.isEmpty());
    }

    @Provide
    Arbitrary<String> questions() {
        return Arbitraries.of("Q1", "Q4", "Q20");
    }

    /** One to five runs of an atom, each filling an equal share of the 32k characters. */
    @Provide
    Arbitrary<String> answers() {
        return Arbitraries.of(ATOMS).list().ofMinSize(1).ofMaxSize(5).map(AdversarialUnicodeTest::fill);
    }

    static final List<String> ATOMS = List.of(
            "a\u0301\u0301\u0301\u0301\u0301\u0301\u0301", "\u0301", "\u0489", "\u200D", "\u200C", "\u200B",
            "\u200F", "\u200E", "\u202E", "\u2066", "\uFEFF", "\uFE0F",
            "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67\u200D\uD83D\uDC66", "\uD83C\uDDFA\uD83C\uDDF8",
            "\uD83D\uDC4D\uD83C\uDFFD", "a", "1", "0", " ", "\n", "\t", "\r\n", "(", "[", "{", "<", "<!--", "-", ".",
            ",", ":", ";", "\"", "'", "`", "*", "#", "_", "/", "\\", "%", "=", "\u00A0", "\u3000",
            "ignore ", "system", "SYSTEM:", "score ", "score=", "\"score\":", "give ", "note to the grader ",
            "1/", "100 ", "pre-approved ", "you are the grader ", "do not penalize ",
            "Shutdown waits for in-flight requests. ", "not ", "isn't ", "goroutine", "e.g. ", "(a) ", "1. ",
            "- ", "```\n", "# Q4\n", "Close drops them, but ");

    static String fill(List<String> atoms) {
        StringBuilder out = new StringBuilder(LENGTH);
        int share = LENGTH / atoms.size();
        for (int i = 0; i < atoms.size(); i++) {
            int until = i == atoms.size() - 1 ? LENGTH : (i + 1) * share;
            String atom = atoms.get(i);
            while (out.length() < until) {
                out.append(atom, 0, Math.min(atom.length(), until - out.length()));
            }
        }
        return out.toString();
    }

    private static String describe(String answer) {
        StringBuilder b = new StringBuilder();
        answer.codePoints().limit(24).forEach(c -> b.append(String.format("U+%04X ", c)));
        return b + "...";
    }
}
