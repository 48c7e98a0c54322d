package dev.grader.feedback;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.grader.GradeReport.KeyPointResult;
import dev.grader.GradeReport.MisconceptionResult;
import dev.grader.PointStatus;
import dev.grader.Verdict;
import dev.grader.score.Score;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeedbackWriterTest {

    @Test
    void aMisconceptionIsCorrectedInOneSentenceWithoutTheCorrectionsOwnNo() {
        KeyPointResult missed = new KeyPointResult("k", "Each connection gets its own goroutine", 1,
                PointStatus.MISSED, 0.9, "offline", null, null, null);
        MisconceptionResult pool = new MisconceptionResult("m", "It uses a thread pool",
                "No \u2014 Go does not pool goroutines for handlers; one fresh goroutine per connection.", "rubric",
                0.9, "offline", null);

        String feedback = FeedbackWriter.write(new Score(0, 1, 0, Verdict.CONTRADICTORY), List.of(missed),
                List.of(pool), false);

        assertEquals("You covered 0 of 1 key points (score 0%). Careful: \"It uses a thread pool\" is a common "
                + "mistake: Go does not pool goroutines for handlers; one fresh goroutine per connection.", feedback);
    }
}
