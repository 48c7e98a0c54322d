package dev.grader.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.grader.GradeReport;
import dev.grader.Grader;
import dev.grader.InvalidInputException;
import dev.grader.PointStatus;
import dev.grader.judge.OfflineJudge;
import dev.grader.rubric.KeyPoint;
import dev.grader.rubric.Rubric;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Teachers' banks often answer in a word or a fragment: each such answer is one key point, graded as the answer. */
@DisplayName("Terse model answers")
class TerseAnswersTest {

    private static final String BANK = """
            {"id": "T1", "question": "How are arrays passed to functions in C?", "modelAnswer": "By reference."}
            {"id": "T2", "question": "Which stack operation adds an element on top?", "modelAnswer": "push"}
            {"id": "T3", "question": "How does a for-each loop visit every element of a list?", "modelAnswer": "Through iteration."}
            {"id": "T4", "question": "How are objects initialised in Java?", "modelAnswer": "By using constructors."}
            {"id": "T5", "question": "What is six times seven?", "modelAnswer": "42"}
            {"id": "T6", "question": "Which function starts an HTTP server in Go?", "modelAnswer": "http.ListenAndServe"}
            {"id": "T7", "question": "What does the 'x' stand for in the printed hash?", "modelAnswer": "-"}
            """;

    private static final Rubric RUBRIC = BankCompiler.compile(BANK.substring(0, BANK.indexOf("{\"id\": \"T7\"")),
            "terse.jsonl");

    @Test
    void eachCompilesToOneKeyPointAsWritten() {
        assertEquals(List.of("By reference", "Push", "Through iteration", "By using constructors", "42",
                "http.ListenAndServe"), RUBRIC.questions().stream().map(q -> {
                    assertEquals(1, q.keyPoints().size(), q.id());
                    return q.keyPoints().get(0).text();
                }).toList());
        KeyPoint reference = RUBRIC.question("T1").orElseThrow().keyPoints().get(0);
        assertEquals(List.of("reference"), reference.terms());
    }

    @Test
    void anAnswerWithoutAWordOrNumberStillFails() {
        Executable compile = () -> BankCompiler.compile(BANK, "terse.jsonl");
        InvalidInputException e = org.junit.jupiter.api.Assertions.assertThrows(InvalidInputException.class, compile);
        assertEquals("terse.jsonl: line 7: question T7: no key points could be extracted from its model answer",
                e.getMessage());
    }

    @Test
    void theTerseAnswerIsWhatAnAnswerMustSay() {
        // The same with sentence embeddings: OfflineJudgeWithEmbeddingsTest in grader-embeddings.
        for (Grader grader : List.of(
                Grader.builder().rubric(RUBRIC).judge(OfflineJudge.builder().embeddings(false).build()).build())) {
            assertCovered(grader, "T1", "Arrays are passed by reference.");
            assertCovered(grader, "T1", "A pointer to the first element is passed, so in effect by reference.");
            assertCovered(grader, "T2", "You push the element onto the stack.");
            assertCovered(grader, "T3", "It iterates through the list.");
            assertCovered(grader, "T4", "Constructors initialise them.");
            assertCovered(grader, "T5", "The answer is 42.");
            assertCovered(grader, "T6", "Call http.ListenAndServe with an address and a handler.");

            assertNotCovered(grader, "T1", "by value");
            assertNotCovered(grader, "T1", "Arrays are passed to functions by value, as a copy.");
            assertNotCovered(grader, "T2", "Use pop to add it.");
            assertNotCovered(grader, "T5", "43");
        }
    }

    private static void assertCovered(Grader grader, String id, String answer) {
        GradeReport r = grader.grade(id, answer);
        assertEquals(PointStatus.COVERED, r.keyPoints().get(0).status(), id + ": " + answer);
        assertEquals(1.0, r.score(), id + ": " + answer);
    }

    private static void assertNotCovered(Grader grader, String id, String answer) {
        GradeReport r = grader.grade(id, answer);
        assertNotEquals(PointStatus.COVERED, r.keyPoints().get(0).status(), id + ": " + answer);
        assertTrue(r.score() < 0.5, id + ": " + answer + " scored " + r.score());
    }
}
