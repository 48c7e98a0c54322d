package dev.grader.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShowCommandTest {

    private static final String RULE = "─".repeat(100);

    @TempDir
    Path dir;

    @Test
    void textSheetOfOneQuestion() {
        Path rubric = Cli.copy("go-basics.json", dir);

        Cli.Result r = Cli.run("show", rubric.toString(), "-q", "Q1");

        assertEquals(0, r.exitCode(), r.err());
        assertEquals("""
                Go basics — a tiny rubric
                1 of 2 questions, compiled from go-basics.txt

                %s
                Q1 · Junior
                How does http.ListenAndServe handle concurrent requests?

                  Key points
                    1. It runs an accept loop in (*Server).Serve.
                       weight 1 · terms: accept loop, (*Server).Serve
                    2. For each accepted TCP connection it spawns a new goroutine (go c.serve(ctx)), which reads the
                       requests of that connection one at a time and calls the handler for each of them.
                       weight 1.5 · terms: goroutine, go c.serve(ctx)

                  Misconceptions
                    ✗ It uses a thread pool.
                      → No — Go does not pool goroutines for handlers; one fresh goroutine per connection.

                  Follow-ups
                    ? What about HTTP/2?
                      → HTTP/2 multiplexes streams; each stream's handler runs on its own goroutine.
                      probes key point 2
                """.formatted(RULE), r.out());
        assertEquals("", r.err());
    }

    @Test
    void textSheetShowsCodeUnderThePromptAndNotes() {
        Path rubric = Cli.copy("go-basics.json", dir);

        Cli.Result r = Cli.run("show", rubric.toString(), "--question", "Q2");

        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().endsWith("""
                Q2 · Senior
                What's the bug in this code?

                      func handler(w http.ResponseWriter, r *http.Request) {
                          go func() { w.Write([]byte("late")) }()
                      }

                  Key points
                    1. The goroutine writes to w after the handler has returned.
                       weight 2

                  Notes
                    Fix. Write from the handler goroutine only.
                """), r.out());
    }

    @Test
    void markdownSheet() {
        Path rubric = Cli.copy("go-basics.json", dir);

        Cli.Result r = Cli.run("show", rubric.toString(), "--format", "markdown");

        assertEquals(0, r.exitCode(), r.err());
        assertEquals("""
                # Go basics — a tiny rubric

                *2 questions, compiled from go-basics.txt*

                ## Q1 · Junior

                How does http.ListenAndServe handle concurrent requests?

                ### Key points

                1. It runs an accept loop in (\\*Server).Serve. — *weight 1* · terms: `accept loop`, `(*Server).Serve`
                2. For each accepted TCP connection it spawns a new goroutine (go c.serve(ctx)), which reads the \
                requests of that connection one at a time and calls the handler for each of them. — *weight 1.5* · \
                terms: `goroutine`, `go c.serve(ctx)`

                ### Misconceptions

                - ✗ It uses a thread pool.\\
                  → No — Go does not pool goroutines for handlers; one fresh goroutine per connection.

                ### Follow-ups

                - What about HTTP/2? *(probes key point 2)*\\
                  → HTTP/2 multiplexes streams; each stream's handler runs on its own goroutine.

                ## Q2 · Senior

                What's the bug in this code?

                ```go
                func handler(w http.ResponseWriter, r *http.Request) {
                \tgo func() { w.Write([]byte("late")) }()
                }
                ```

                ### Key points

                1. The goroutine writes to w after the handler has returned. — *weight 2*

                ### Notes

                **Fix.** Write from the handler goroutine only.
                """, r.out());
    }

    @Test
    void aMisconceptionsOtherPhrasingsShowUnderIt() {
        Cli.Result r = Cli.run("show", "-q", "Q1");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("""
                    \u2717 It uses a thread pool
                      also said as: A fixed pool of worker goroutines picks up incoming requests from a shared queue
                """), r.out());
        Cli.Result md = Cli.run("show", "-q", "Q1", "--format", "markdown");
        assertTrue(md.out().contains("- \u2717 It uses a thread pool\\\n  *also said as: A fixed pool of worker "
                + "goroutines"), md.out());
    }

    @Test
    void questionsInTheOrderAskedAndCaseInsensitive() {
        Path rubric = Cli.copy("go-basics.json", dir);

        Cli.Result r = Cli.run("show", rubric.toString(), "-q", "q2,Q1");

        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().indexOf("\nQ2 · Senior\n") < r.out().indexOf("\nQ1 · Junior\n"), r.out());
        assertTrue(r.out().contains("\n2 questions, compiled from go-basics.txt\n"), r.out());
    }

    @Test
    void unknownQuestionListsTheValidIds() {
        Path rubric = Cli.copy("go-basics.json", dir);

        Cli.Result r = Cli.run("show", rubric.toString(), "-q", "Q9");

        assertEquals(2, r.exitCode());
        assertEquals("grader: rubric go-basics: unknown question 'Q9'; valid ids: Q1, Q2\n", r.err());
        assertEquals("", r.out());
    }

    @Test
    void levelFilterIsCaseInsensitive() {
        Path rubric = Cli.copy("go-basics.json", dir);

        Cli.Result r = Cli.run("show", rubric.toString(), "--level", "senior");

        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("\nQ2 · Senior\n"), r.out());
        assertTrue(!r.out().contains("Q1 · Junior"), r.out());
    }

    @Test
    void unknownLevelListsTheLevels() {
        Path rubric = Cli.copy("go-basics.json", dir);

        Cli.Result r = Cli.run("show", rubric.toString(), "--level", "staff");

        assertEquals(2, r.exitCode());
        assertEquals("grader: rubric go-basics: unknown level 'staff'; levels: Junior, Senior\n", r.err());
    }

    @Test
    void questionNotAtTheRequestedLevel() {
        Path rubric = Cli.copy("go-basics.json", dir);

        Cli.Result r = Cli.run("show", rubric.toString(), "-q", "Q2", "--level", "junior");

        assertEquals(2, r.exitCode());
        assertEquals("grader: rubric go-basics: no selected question is at level 'junior' (Q2 is Senior)\n", r.err());
    }

    @Test
    void shortFormatStillWorksWithADeprecationLine() {
        Cli.Result current = Cli.run("show", "-q", "Q1", "--format", "markdown");
        Cli.Result old = Cli.run("show", "-q", "Q1", "-f", "markdown");

        assertEquals(0, old.exitCode(), old.err());
        assertEquals(current.out(), old.out());
        assertEquals("grader: warning: 'show -f FORMAT' is deprecated; use --format (-f means --file, as in "
                + "'grader grade -f FILE')\n", old.err());
        assertEquals("", current.err());
        Cli.Result help = Cli.run("show", "--help");
        assertTrue(!help.out().matches("(?s).*[\\s\\[]-f\\b.*"), "the old spelling is not taught:\n" + help.out());
    }

    @Test
    void badFormatIsAUsageError() {
        Cli.Result r = Cli.run("show", "--format", "html");

        assertEquals(2, r.exitCode());
        assertTrue(r.err().startsWith("grader: invalid value for option '--format': expected text or markdown, "
                + "found 'html'\nUsage: grader show "), r.err());
    }

    @Test
    void showsARubricCompiledFromAJsonLinesBank() {
        Path bank = Cli.copy("bank.jsonl", dir);
        Path rubric = dir.resolve("bank.json");
        assertEquals(0, Cli.run("compile", bank.toString(), "-o", rubric.toString()).exitCode());

        Cli.Result r = Cli.run("show", rubric.toString());

        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().startsWith("bank\n2 questions, compiled from bank.jsonl\n"), r.out());
        assertTrue(r.out().contains("""
                Q2 · Senior
                What does Server.Shutdown do?

                  Also accepted as full answers
                    - A graceful stop: no new connections, idle ones closed, active requests allowed to complete.
                """), r.out());
        assertTrue(r.out().contains("    ✗ Yes, it is guarded by a mutex"), r.out());
    }

    @Test
    void showsTheShippedRubricByDefault() {
        Cli.Result r = Cli.run("show", "-q", "Q1");

        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().startsWith("net/http Server Concurrency — Interview Questions\n"), r.out());
        assertTrue(r.out().contains("\nQ1 · Junior\nHow does http.ListenAndServe handle concurrent requests?\n"),
                r.out());
    }

    @Test
    void missingRubricFile() {
        Path rubric = dir.resolve("nope.json");

        Cli.Result r = Cli.run("show", rubric.toString());

        assertEquals(2, r.exitCode());
        assertEquals("grader: " + rubric + ": no such file\n", r.err());
    }
}
