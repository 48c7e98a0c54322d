package dev.grader.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.grader.InvalidInputException;
import dev.grader.Rubrics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GradedExamplesTest {

    @TempDir
    Path dir;

    @Test
    void readsTheGoldFormatWithOptionalIdAndKind() throws IOException {
        Path file = dir.resolve("graded.jsonl");
        Files.writeString(file, """
                {"id": "a", "question": "Q4", "answer": "Shutdown is graceful.", "score": 2, "scale": 5, "kind": "partial", "note": "ignored"}

                {"question": "Q4", "answer": "Close is forceful.", "score": 0.5, "scale": 1}
                """);
        GradedExamples examples = GradedExamples.read(file);
        assertEquals(2, examples.size());
        GradedExample first = examples.forQuestion("Q4").get(0);
        assertEquals("a", first.id());
        assertEquals(0.4, first.fraction(), 1e-9);
        assertEquals("partial", first.kind());
        GradedExample second = examples.all().get(1);
        assertEquals("line 3", second.id());
        assertNull(second.kind());
        assertEquals(file.toString(), examples.source());
    }

    @Test
    void readsACsvTable() throws IOException {
        Path file = dir.resolve("graded.csv");
        Files.writeString(file, "question,answer,score,scale\nQ4,\"Shutdown waits, Close does not\",4,5\nQ1,x,0,5\n");
        GradedExamples examples = GradedExamples.read(file);
        assertEquals(2, examples.size());
        assertEquals("Shutdown waits, Close does not", examples.forQuestion("Q4").get(0).answer());
        assertEquals("line 2", examples.forQuestion("Q4").get(0).id());
    }

    @Test
    void misconceptionsAPersonNotedMarkWhetherTheAnswerStatesOne() throws IOException {
        Path jsonl = dir.resolve("graded.jsonl");
        Files.writeString(jsonl, """
                {"question": "Q1", "answer": "A worker pool.", "score": 0, "scale": 5, "misconceptions": ["pool"]}
                {"question": "Q1", "answer": "One per connection.", "score": 5, "scale": 5, "misconceptions": []}
                {"question": "Q1", "answer": "A queue.", "score": 1, "scale": 5, "kind": "misconception"}
                {"question": "Q1", "answer": "Goroutines.", "score": 2, "scale": 5, "kind": "partial"}
                {"question": "Q1", "answer": "Hm.", "score": 2, "scale": 5, "kind": "something else"}
                {"question": "Q1", "answer": "Hm.", "score": 2, "scale": 5}
                """);
        var states = GradedExamples.read(jsonl).all().stream().map(e -> e.statesMisconception().orElse(null))
                .toList();
        assertEquals(java.util.Arrays.asList(true, false, true, false, null, null), states);
        assertEquals(java.util.List.of("pool"), GradedExamples.read(jsonl).all().get(0).misconceptions());

        Path csv = dir.resolve("graded.csv");
        Files.writeString(csv, "question,answer,score,scale,misconceptions\nQ1,a pool,0,5,thread pool; a queue\n"
                + "Q1,per connection,5,5,\n");
        var examples = GradedExamples.read(csv).all();
        assertEquals(java.util.List.of("thread pool", "a queue"), examples.get(0).misconceptions());
        assertEquals(java.util.List.of(), examples.get(1).misconceptions());
        assertEquals("g.jsonl: line 1: field 'misconceptions' must be a list of strings", message("g.jsonl",
                "{\"question\": \"Q4\", \"answer\": \"a\", \"score\": 1, \"scale\": 5, \"misconceptions\": 3}\n"));
    }

    @Test
    void badLinesAreOneClearLineEach() throws IOException {
        assertEquals("g.jsonl: line 1: missing required field 'score'", message("g.jsonl",
                "{\"question\": \"Q4\", \"answer\": \"a\", \"scale\": 5}\n"));
        assertEquals("g.jsonl: line 2: score 6 is outside 0..5 (the line's scale)", message("g.jsonl",
                "{\"question\": \"Q4\", \"answer\": \"a\", \"score\": 5, \"scale\": 5}\n"
                        + "{\"question\": \"Q4\", \"answer\": \"a\", \"score\": 6, \"scale\": 5}\n"));
        assertEquals("g.jsonl: line 1: field 'score' must be a number", message("g.jsonl",
                "{\"question\": \"Q4\", \"answer\": \"a\", \"score\": \"5\", \"scale\": 5}\n"));
        assertTrue(message("g.jsonl", "{\"question\": \"Q4\",\n").startsWith("g.jsonl: line 1: malformed JSON"));
        assertEquals("g.csv: line 1: the header has no 'scale' column (needs question, answer, score and scale; id "
                + "and kind are optional)", message("g.csv", "question,answer,score\nQ4,a,1\n"));
        assertEquals("g.csv: line 2: field 'score' must be a number, found 'four'",
                message("g.csv", "question,answer,score,scale\nQ4,a,four,5\n"));
        assertEquals("g.jsonl: no graded examples: expected one JSON object a line with question, answer, score and "
                + "scale", message("g.jsonl", "\n"));
    }

    @Test
    void anUnknownQuestionNamesTheExampleAndTheValidIds() {
        GradedExamples examples = GradedExamples.parse("""
                {"id": "ok", "question": "Q4", "answer": "a", "score": 1, "scale": 5}
                {"id": "bad", "question": "Q99", "answer": "a", "score": 1, "scale": 5}
                """, "graded.jsonl");
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> examples.checkAgainst(Rubrics.defaultRubric()));
        assertEquals("graded.jsonl: example 'bad': unknown question 'Q99'; rubric net-http-server-concurrency has "
                + "Q1, Q2, Q3, ..., Q33", e.getMessage());
    }

    @Test
    void theShippedExamplesCoverEveryQuestionWithAtLeastFourSpanningTheKinds() {
        GradedExamples shipped = Rubrics.defaultExamples().checkAgainst(Rubrics.defaultRubric());
        for (String q : Rubrics.defaultRubric().questionIds()) {
            var own = shipped.forQuestion(q);
            assertTrue(own.size() >= 4, q + " has " + own.size());
            assertTrue(own.stream().anyMatch(e -> e.fraction() >= 0.9), q + ": no correct example");
            assertTrue(own.stream().anyMatch(e -> e.fraction() > 0.1 && e.fraction() < 0.9), q + ": no partial one");
            assertTrue(own.stream().anyMatch(e -> "misconception".equals(e.kind())), q + ": no misconception");
            assertTrue(own.stream().anyMatch(e -> e.fraction() <= 0.2), q + ": no wrong one");
        }
    }

    @Test
    void theSameExamplesHashTheSame() {
        String text = "{\"question\": \"Q4\", \"answer\": \"a\", \"score\": 1, \"scale\": 5}\n";
        assertEquals(GradedExamples.parse(text, "x.jsonl").sha256(), GradedExamples.parse(text, "y.jsonl").sha256());
    }

    private String message(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content);
        return assertThrows(InvalidInputException.class, () -> GradedExamples.read(file)).getMessage()
                .replace(file.toString(), name);
    }
}
