package dev.grader.cli.quiz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.grader.GradeReport;
import dev.grader.GradeReport.FollowUpProbe;
import dev.grader.Grader;
import dev.grader.Rubrics;
import dev.grader.judge.OfflineJudge;
import dev.grader.report.TextReportRenderer;
import dev.grader.rubric.Question;
import dev.grader.rubric.Rubric;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Whole sessions driven through a pipe. Expected transcripts are put together from the prompts and the reports
 * the same grader gives, so they hold however the offline judge is tuned.
 */
@DisplayName("A quiz session")
class QuizSessionTest {

    private static final Rubric RUBRIC = Rubrics.fromString(resource("/dev/grader/cli/go-basics.json"),
            "go-basics.json");
    private static final Grader GRADER = Grader.builder().rubric(RUBRIC)
            .judge(OfflineJudge.builder().embeddings(false).build()).build();
    private static final TextReportRenderer RENDERER = TextReportRenderer.builder().question(false).followUps(false)
            .build();
    private static final String RULE = "─".repeat(100);
    private static final String HOW_TO = "End each answer with an empty line (or Ctrl-D). Ctrl-D at an empty prompt "
            + "ends the quiz.\n";
    private static final String ANSWER_PROMPT = "Your answer (end it with an empty line, or Ctrl-D):\n";
    private static final String FOLLOW_UP_PROMPT = "Your answer (an empty line skips it):\n";
    private static final String Q1 = "\n" + RULE + "\nQuestion 1 of 2 · Q1 · Junior\n"
            + "How does http.ListenAndServe handle concurrent requests?\n\n" + ANSWER_PROMPT;
    private static final String Q2 = "\n" + RULE + "\nQuestion 2 of 2 · Q2 · Senior\nWhat's the bug in this code?\n\n"
            + "    func handler(w http.ResponseWriter, r *http.Request) {\n"
            + "        go func() { w.Write([]byte(\"late\")) }()\n"
            + "    }\n\n" + ANSWER_PROMPT;

    private static String resource(String name) {
        try (InputStream in = QuizSessionTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String run(String input, boolean linePrompts) {
        StringWriter out = new StringWriter();
        QuizSession.builder(GRADER)
                .questions(RUBRIC.questions())
                .intro("Quiz: 2 questions from Go basics.")
                .input(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)))
                .output(new PrintWriter(out))
                .linePrompts(linePrompts)
                .build()
                .run();
        return out.toString();
    }

    private static String summary(int asked, List<GradeReport> answered, List<GradeReport> followUps) {
        SessionSummary summary = new SessionSummary(asked);
        answered.forEach(summary::answered);
        followUps.forEach(summary::followUp);
        StringWriter out = new StringWriter();
        summary.print(new Screen(new PrintWriter(out, true), false, 100));
        return "\n" + RULE + "\n" + out;
    }

    @Test
    void asksGradesFollowsUpAndSumsUp() {
        String a1 = "It runs an accept loop in Serve.\nThat is all.";
        String f1 = "HTTP/2 multiplexes streams over one connection.";
        String a2 = "The goroutine writes to w after the handler has returned.";
        GradeReport r1 = GRADER.grade("Q1", a1);
        FollowUpProbe probe = r1.followUps().get(0);
        assertEquals("What about HTTP/2?", probe.question());
        Question followUp = new FollowUpQuestions().of("Q1", probe).orElseThrow();
        GradeReport rf = GRADER.grade(followUp, f1);
        GradeReport r2 = GRADER.grade("Q2", a2);
        assertEquals(List.of(), r2.followUps(), "a full answer gets no follow-up in its report");

        String transcript = run(a1 + "\n\n" + f1 + "\n\n" + a2 + "\n", false);

        assertEquals("Quiz: 2 questions from Go basics.\n" + HOW_TO
                + Q1 + "\n" + RENDERER.render(r1)
                + "\nFollow-up\n  What about HTTP/2?\n\n" + FOLLOW_UP_PROMPT + "\n" + RENDERER.render(rf)
                + Q2 + "\n" + RENDERER.render(r2)
                + "\nFollow-up\n  To go further: The goroutine writes to w after the handler has returned. Why is that"
                + " so, and what\n  would go wrong otherwise?\n\n" + FOLLOW_UP_PROMPT
                + summary(2, List.of(r1, r2), List.of(rf)), transcript);
    }

    @Test
    void alwaysAsksOneFollowUpSoAScriptedSessionStaysInStep() {
        String full = "The goroutine writes to w after the handler has returned.";
        // Q1 answered fully too: its rubric follow-up is asked although nothing was weak
        String a1 = "It runs an accept loop in (*Server).Serve. For each accepted TCP connection it spawns a new "
                + "goroutine (go c.serve(ctx)), which reads the requests of that connection one at a time and calls "
                + "the handler for each of them.";
        String transcript = run(a1 + "\n\nStreams.\n\n" + full + "\n\nRaces.\n\n", false);
        assertTrue(transcript.contains("\nFollow-up\n  What about HTTP/2?\n"), transcript);
        assertTrue(transcript.contains("\nFollow-up\n  To go further: "), transcript);
        assertTrue(transcript.contains("Answered 2 of 2 questions"), transcript);
        assertTrue(transcript.contains("Follow-ups: 2 answered"), transcript);
    }

    @Test
    void anEmptyAnswerSkipsTheQuestionWithoutCountingIt() {
        String a2 = "The goroutine writes to w after the handler has returned.";
        String transcript = run("\n" + a2 + "\n\n\n", false);
        assertTrue(transcript.contains(Q1 + "Skipped: not graded, and not counted in the average.\n" + Q2), transcript);
        assertTrue(transcript.contains("Answered 1 of 2 questions (1 skipped) · average score "
                + dev.grader.report.ReportRenderer.percent(GRADER.grade("Q2", a2).score())), transcript);
    }

    @Test
    void theSummaryIsPrintedOnceWhetherTheSessionEndsOrIsInterrupted() {
        StringWriter out = new StringWriter();
        QuizSession session = QuizSession.builder(GRADER).questions(RUBRIC.questions())
                .input(new ByteArrayInputStream(new byte[0])).output(new PrintWriter(out)).build();
        session.summarize(); // as Ctrl-C would, before the session ends
        session.run();
        assertEquals(1, out.toString().split("Session summary", -1).length - 1, out.toString());
    }

    @Test
    void compilesTheFollowUpsModelAnswerIntoKeyPoints() {
        FollowUpProbe probe = new FollowUpProbe("f", "What about HTTP/2?", "HTTP/2 multiplexes streams; each "
                + "stream's handler runs on its own goroutine.", List.of(), "missed", "rubric");

        Question question = new FollowUpQuestions().of("Q1", probe).orElseThrow();

        assertEquals("Q1-follow-up", question.id());
        assertEquals("What about HTTP/2?", question.prompt());
        assertEquals(List.of("HTTP/2 multiplexes streams", "Each stream's handler runs on its own goroutine"),
                question.keyPoints().stream().map(k -> k.text()).toList());
    }

    @Test
    void cannotGradeAFollowUpWithoutAModelAnswer() {
        FollowUpProbe generated = new FollowUpProbe(null, "What role does w play here?", null, List.of(), "missed",
                "generated");

        assertTrue(new FollowUpQuestions().of("Q2", generated).isEmpty());
    }

    @Test
    void acknowledgesAnAnswerToAFollowUpWithoutAModelAnswer() {
        GradeReport r1 = GRADER.grade("Q1", "It spawns a goroutine.");
        GradeReport r2 = GRADER.grade("Q2", "No idea.");
        FollowUpProbe probe = r2.followUps().get(0);
        assertNull(probe.answer());

        String transcript = run("It spawns a goroutine.\n\n\nNo idea.\n\nBecause w is used later.\n", false);

        String asked = String.join("\n", dev.grader.report.Wrap.lines(probe.question(), 100, "  ", "  "));
        assertTrue(transcript.endsWith(Q2 + "\n" + RENDERER.render(r2) + "\nFollow-up\n" + asked + "\n\n"
                + FOLLOW_UP_PROMPT + "\nNoted. The rubric has no model answer for this follow-up, so it is not graded.\n"
                + "What it asks about: The goroutine writes to w after the handler has returned.\n"
                + summary(2, List.of(r1, r2), java.util.Collections.singletonList(null))), transcript);
    }

    @Test
    void anEmptyAnswerToTheFollowUpSkipsIt() {
        String transcript = run("It runs an accept loop.\n\n\n", false);

        assertTrue(transcript.contains("\nFollow-up\n  What about HTTP/2?\n\n" + FOLLOW_UP_PROMPT + "Skipped.\n" + Q2),
                transcript);
        assertTrue(transcript.endsWith(summary(2, List.of(GRADER.grade("Q1", "It runs an accept loop.")),
                List.of())), transcript);
    }

    @Test
    void theEndOfInputAtTheFirstPromptEndsTheSessionWithTheSummary() {
        assertEquals("Quiz: 2 questions from Go basics.\n" + HOW_TO + Q1 + "\n" + RULE
                + "\nSession summary\n  No question answered.\n", run("", false));
    }

    @Test
    void anAnswerEndedByTheEndOfInputIsStillGraded() {
        GradeReport r1 = GRADER.grade("Q1", "It uses a thread pool.");

        String transcript = run("It uses a thread pool.", false);

        assertTrue(transcript.startsWith("Quiz: 2 questions from Go basics.\n" + HOW_TO + Q1 + "\n"
                + RENDERER.render(r1)), transcript);
        assertTrue(transcript.endsWith(FOLLOW_UP_PROMPT + summary(2, List.of(r1), List.of())), transcript);
    }

    @Test
    void promptsEachLineOnlyForAPersonAtATerminal() {
        assertTrue(run("one\ntwo\n\n", true).contains(ANSWER_PROMPT + "> > > \n"));
        assertTrue(run("one\ntwo\n\n", false).contains(ANSWER_PROMPT + "\n"));
    }
}
