package dev.grader.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ProgressReporterTest {

    /** A clock the test moves by hand. */
    private long now = 1_000_000_000L;
    private final StringWriter out = new StringWriter();
    private final ProgressReporter reporter = ProgressReporter.lines(new PrintWriter(out), "graded",
            Duration.ofSeconds(5), () -> now);

    private void at(double seconds, long done, long total) {
        now = 1_000_000_000L + (long) (seconds * 1e9);
        reporter.update(done, total);
    }

    @Test
    void printsARateAndTimeLeftLineEveryInterval() {
        at(0, 0, 1000);
        at(4.9, 90, 1000);
        at(5, 100, 1000);      // 20/s, 900 left -> 45 s
        at(6, 120, 1000);
        at(10.5, 300, 1000);   // 28.6/s, 700 left -> 24.5 s -> 25
        assertEquals("""
                graded 100/1000 (10%) 20/s eta 0:45
                graded 300/1000 (30%) 29/s eta 0:25
                """, out.toString());
    }

    @Test
    void endsWithTheTotalTimeWhenItPrintedAnything() {
        at(5, 100, 1000);
        at(20, 1000, 1000);
        reporter.close();
        assertEquals("""
                graded 100/1000 (10%) 20/s eta 0:45
                graded 1000/1000 (100%) 50/s in 0:20
                """, out.toString());
    }

    @Test
    void aShortRunPrintsNothing() {
        at(0, 0, 40);
        at(1, 40, 40);
        reporter.close();
        assertEquals("", out.toString());
    }

    @Test
    void ignoresCountsThatGoBackAndUpdatesAfterClose() {
        at(5, 100, 1000);
        at(11, 50, 1000);
        assertEquals("graded 100/1000 (10%) 20/s eta 0:45\n", out.toString());
        reporter.close();
        at(30, 500, 1000);
        assertEquals(2, out.toString().lines().count());
    }

    @Test
    void formatsLongRunsWithHours() {
        at(5, 1, 1000);  // 0.2/s, 999 left -> 4995 s
        assertEquals("graded 1/1000 (0%) 0/s eta 1:23:15\n", out.toString());
    }

    @Test
    void theSilentReporterPrintsNothing() {
        try (ProgressReporter none = ProgressReporter.none()) {
            none.update(5, 10);
        }
        assertEquals("", out.toString());
    }
}
