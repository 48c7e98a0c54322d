package dev.grader.cli.quiz;

import static dev.grader.cli.quiz.Transcripts.misconception;
import static dev.grader.cli.quiz.Transcripts.point;
import static dev.grader.cli.quiz.Transcripts.report;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.grader.PointStatus;
import dev.grader.Verdict;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class SessionSummaryTest {

    private static String print(SessionSummary summary) {
        StringWriter out = new StringWriter();
        summary.print(new Screen(new PrintWriter(out, true), false, 100));
        return out.toString();
    }

    @Test
    void listsScoresFollowUpsAndWhatToReviewMisconceptionsFirstThenTheWeakestPoints() {
        SessionSummary summary = new SessionSummary(3);
        summary.answered(report("Q4", 0.5, Verdict.PARTIAL, List.of(
                point("Shutdown is graceful", 1.5, PointStatus.COVERED),
                point("Shutdown waits for handlers", 1, PointStatus.PARTIAL),
                point("Close is forceful", 1.5, PointStatus.MISSED)), List.of()));
        summary.answered(report("Q12", 0.05, Verdict.CONTRADICTORY, List.of(
                point("Deadlines are reset per request", 1, PointStatus.CONTRADICTED),
                point("ReadTimeout covers the body", 2, PointStatus.MISSED)),
                List.of(misconception("Deadlines are per connection", "No: per request."))));
        summary.followUp(report("Q4-follow-up", 0.25, Verdict.INCORRECT, List.of(), List.of()));
        summary.followUp(null);

        assertEquals("""
                Session summary
                  Answered 2 of 3 questions · average score 28%
                    Q4   █████░░░░░  50%  partial
                    Q12  █░░░░░░░░░   5%  contradictory
                  Follow-ups: 2 answered, 1 graded, average score 25%

                To review
                  ⚠ Q12 · Deadlines are per connection — No: per request.
                  ⚠ Q12 · Deadlines are reset per request
                  ✘ Q12 · ReadTimeout covers the body
                  ✘ Q4 · Close is forceful
                  ◐ Q4 · Shutdown waits for handlers
                """, print(summary));
        assertEquals(2, summary.answered());
        assertEquals(0.275, summary.averageScore(), 1e-9);
    }

    @Test
    void saysSoWhenNothingWasAnsweredOrNothingIsLeftToReview() {
        assertEquals("Session summary\n  No question answered.\n", print(new SessionSummary(4)));

        SessionSummary perfect = new SessionSummary(1);
        perfect.answered(report("Q1", 1, Verdict.CORRECT, List.of(point("It loops", 1, PointStatus.COVERED)),
                List.of()));
        assertEquals("""
                Session summary
                  Answered 1 of 1 question · average score 100%
                    Q1  ██████████ 100%  correct

                Nothing to review: every key point covered.
                """, print(perfect));
    }

    @Test
    void listsAtMostSixItemsToReview() {
        SessionSummary summary = new SessionSummary(1);
        summary.answered(report("Q1", 0, Verdict.INCORRECT, List.of(
                point("a", 1, PointStatus.MISSED), point("b", 1, PointStatus.MISSED), point("c", 1, PointStatus.MISSED),
                point("d", 1, PointStatus.MISSED), point("e", 1, PointStatus.MISSED), point("f", 1, PointStatus.MISSED),
                point("g", 1, PointStatus.MISSED), point("h", 1, PointStatus.MISSED)), List.of()));

        assertEquals(List.of("  ✘ Q1 · f", "  and 2 more"), print(summary).lines().skip(10).toList());
    }
}
