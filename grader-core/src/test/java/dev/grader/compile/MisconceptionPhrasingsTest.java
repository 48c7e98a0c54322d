package dev.grader.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.grader.rubric.Misconception;
import dev.grader.rubric.Rubric;
import dev.grader.rubric.RubricReader;
import dev.grader.rubric.RubricWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Other ways candidates say a known wrong answer: written after its quote, kept in the rubric. */
@DisplayName("Misconception phrasings")
class MisconceptionPhrasingsTest {

    static final String BANK = """
            Title¶
            Q1. How does http.ListenAndServe handle concurrent requests?¶
            Model answer. It runs an accept loop in (*Server).Serve. For each accepted TCP connection it spawns a new goroutine. That goroutine reads HTTP requests from the connection one at a time and calls the handler.
            Common wrong answers. - "It uses a thread pool." / "A fixed set of worker goroutines takes requests from a queue." / \u201cRequests wait until one of the pooled workers is free.\u201d (No \u2014 Go does not pool goroutines for handlers; one fresh goroutine per connection.)
            - "Each request gets its own goroutine." (Half right \u2014 each connection gets its own goroutine.)
            """;

    @Test
    void quotesAfterASlashAreOtherPhrasingsOfTheSameMisconception() {
        List<Misconception> myths = BankCompiler.compile(BANK, "bank.txt").question("Q1").orElseThrow()
                .misconceptions();
        assertEquals(2, myths.size());
        Misconception pool = myths.get(0);
        assertEquals("It uses a thread pool", pool.text());
        assertEquals(List.of("A fixed set of worker goroutines takes requests from a queue",
                "Requests wait until one of the pooled workers is free"), pool.aliases());
        assertTrue(pool.correction().startsWith("No \u2014 Go does not pool"), pool.correction());
        assertEquals(List.of(), myths.get(1).aliases());
        assertEquals(List.of("Each request gets its own goroutine"), myths.get(1).phrasings());
    }

    @Test
    void anUnclosedQuoteRunsToTheCorrection() {
        Misconception m = BankCompiler.compile("""
                Title
                Q1. What?
                Model answer. It is so.
                Common wrong answers. - "Wrong." / "also wrong (No \u2014 it is so.)
                """, "bank.txt").question("Q1").orElseThrow().misconceptions().get(0);
        assertEquals(List.of("Also wrong"), m.aliases());
        assertEquals("No \u2014 it is so.", m.correction());
    }

    @Test
    void aJsonBankGivesThemAsAnArray() {
        Rubric rubric = BankCompiler.compile("""
                {"id": "Q1", "question": "How does http.ListenAndServe handle concurrent requests?", \
                "modelAnswer": "One goroutine per accepted connection.", "wrongAnswers": [{"text": "It uses a thread \
                pool.", "correction": "No.", "aliases": ["Workers take requests from a queue."]}]}
                """, "bank.jsonl");
        assertEquals(List.of("Workers take requests from a queue"),
                rubric.question("Q1").orElseThrow().misconceptions().get(0).aliases());
    }

    @Test
    void theyRoundTripThroughTheRubricJsonAndItsSchema(@TempDir Path dir) throws Exception {
        Rubric rubric = BankCompiler.compile(BANK, "bank.txt");
        Path file = dir.resolve("rubric.json");
        Files.writeString(file, RubricWriter.toJson(rubric));
        var myths = dev.grader.internal.Json.mapper().readTree(file.toFile()).path("questions").path(0)
                .path("misconceptions");
        assertEquals("A fixed set of worker goroutines takes requests from a queue",
                myths.path(0).path("aliases").path(0).asText());
        assertTrue(myths.path(1).path("aliases").isMissingNode(), "no empty list for a misconception without any");
        Rubric read = RubricReader.read(file);
        assertEquals(rubric.question("Q1").orElseThrow().misconceptions(),
                read.question("Q1").orElseThrow().misconceptions());
    }
}
