package dev.grader.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.grader.Rubrics;
import dev.grader.rubric.Question;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command: which questions, in which order, and bad options. Sessions themselves: QuizSessionTest. */
class QuizCommandTest {

    private static final String LEXICAL = "--no-embeddings";

    @TempDir
    Path dir;

    /** Runs quiz with the text piped to standard input. */
    private static Cli.Result run(String input, String... args) {
        CommandLine cmd = Cli.commandLine();
        ((QuizCommand) cmd.getSubcommands().get("quiz").getCommand()).stdin = StandardInput.of(input, false);
        return Cli.run(cmd, args);
    }

    /** The "Question 2 of 5 · Q7 · Middle" lines of a transcript. */
    private static List<String> asked(Cli.Result r) {
        return r.out().lines().filter(l -> l.startsWith("Question ")).toList();
    }

    /** An empty answer to each of n questions: each is skipped. */
    private static String skipAll(int n) {
        return "\n".repeat(n);
    }

    @Test
    void asksTheQuestionsOfALevelIgnoringCase() {
        Path rubric = Cli.copy("go-basics.json", dir);

        Cli.Result r = run(skipAll(1), "quiz", "-r", rubric.toString(), "--level", "SENIOR", LEXICAL);

        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().startsWith("Quiz: 1 question from Go basics — a tiny rubric, level SENIOR.\n"), r.out());
        assertEquals(List.of("Question 1 of 1 · Q2 · Senior"), asked(r));
        assertTrue(r.out().endsWith("Skipped: not graded, and not counted in the average.\n\n" + "─".repeat(100)
                + "\nSession summary\n  No question answered (1 skipped).\n"), r.out());
        assertEquals("", r.err());
    }

    /**
     * The session: an answer to Q1 that states the thread-pool misconception. The follow-up asks about the
     * error, not about HTTP/2, and the answer to it is graded against the misconception's correction.
     */
    @Test
    void afterAWrongAnswerTheFollowUpProbesTheError() {
        Cli.Result r = run("Each request is handed to a thread pool that caps how many run at once.\n\n"
                + "Go does not pool goroutines: each connection gets one fresh goroutine.\n\n",
                "quiz", "-q", "Q1", LEXICAL);

        assertEquals(0, r.exitCode(), r.err());
        String out = r.out().replaceAll("\n  (?=\\S)", " ");
        assertTrue(out.contains("\nFollow-up You said that it uses a thread pool. Is that right? Why or why not?\n"),
                r.out());
        assertTrue(!out.contains("Fill the gap") && !out.contains("___"), r.out());
        int followUp = out.indexOf("Follow-up You said that");
        assertTrue(out.indexOf("Score ", followUp) > 0, "the answer to the follow-up is graded: " + r.out());
    }

    @Test
    void asksInBankOrderByDefaultAndStopsAtTheCount() {
        Cli.Result r = run(skipAll(3), "quiz", "--count", "3", LEXICAL);

        assertEquals(0, r.exitCode(), r.err());
        assertEquals(List.of("Question 1 of 3 · Q1 · Junior", "Question 2 of 3 · Q2 · Junior",
                "Question 3 of 3 · Q3 · Junior"), asked(r));
    }

    @Test
    void asksTheQuestionsPickedWithQ() {
        Cli.Result r = run(skipAll(2), "quiz", "-q", "q16,Q4", LEXICAL);

        assertEquals(List.of("Question 1 of 2 · Q16 · Senior", "Question 2 of 2 · Q4 · Junior"), asked(r));
    }

    @Test
    void shufflesWithASeedTheSameWayEveryTime() {
        List<Question> order = new ArrayList<>(Rubrics.defaultRubric().questions());
        Collections.shuffle(order, new Random(42));

        Cli.Result r = run(skipAll(3), "quiz", "--shuffle", "--seed", "42", "-n", "3", LEXICAL);

        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().startsWith("Quiz: 3 questions from net/http Server Concurrency — Interview Questions, "
                + "shuffled (--seed 42).\n"), r.out());
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Question q = order.get(i);
            expected.add("Question " + (i + 1) + " of 3 · " + q.id() + " · " + q.level());
        }
        assertEquals(expected, asked(r));
        assertEquals(r.out(), run(skipAll(3), "quiz", "--shuffle", "--seed", "42", "-n", "3", LEXICAL).out());
    }

    @Test
    void endsWithTheSummaryWhenInputEndsAtOnce() {
        Cli.Result r = run("", "quiz", "-q", "Q4", LEXICAL);

        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().endsWith("Session summary\n  No question answered.\n"), r.out());
    }

    @Test
    void refusesASeedWithoutShuffle() {
        Cli.Result r = run("", "quiz", "--seed", "3");

        assertEquals(2, r.exitCode());
        assertTrue(r.err().startsWith("grader: --seed needs --shuffle\nUsage: grader quiz "), r.err());
    }

    @Test
    void refusesACountBelowOne() {
        Cli.Result r = run("", "quiz", "--count", "0");

        assertEquals(2, r.exitCode());
        assertTrue(r.err().startsWith("grader: --count must be at least 1, found 0\n"), r.err());
    }

    @Test
    void refusesAnUnknownLevelListingTheLevels() {
        Cli.Result r = run("", "quiz", "--level", "guru");

        assertEquals(2, r.exitCode());
        assertEquals("grader: rubric net-http-server-concurrency: unknown level 'guru'; levels: Junior, Middle, "
                + "Senior, Staff\n", r.err());
    }

    @Test
    void refusesAnUnknownQuestion() {
        Cli.Result r = run("", "quiz", "-q", "Q4,Q40");

        assertEquals(2, r.exitCode());
        assertTrue(r.err().startsWith("grader: rubric net-http-server-concurrency: unknown question 'Q40'; valid "
                + "ids: Q1, Q2, "), r.err());
    }

    @Test
    void hasHelpWithExamples() {
        Cli.Result r = run("", "quiz", "--help");

        assertEquals(0, r.exitCode());
        assertTrue(r.out().startsWith("Drill yourself: answer questions and get graded.\n\nUsage: grader quiz "),
                r.out());
        assertTrue(r.out().contains("\nExamples:\n  grader quiz --level senior\n"), r.out());
    }
}
