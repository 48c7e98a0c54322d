package dev.grader.embeddings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.grader.GradeReport;
import dev.grader.Grader;
import dev.grader.PointStatus;
import dev.grader.Rubrics;
import dev.grader.compile.BankCompiler;
import dev.grader.judge.OfflineJudge;
import dev.grader.judge.SentenceEncoderProvider;
import dev.grader.rubric.Rubric;
import java.lang.module.ModuleDescriptor;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** With this module present, the offline judge finds the MiniLM encoder by itself and grades by meaning too. */
@DisplayName("The offline judge with grader-embeddings")
class OfflineJudgeWithEmbeddingsTest {

    @Test
    void findsTheEncoderThroughServiceLoader() {
        assertSame(MiniLmEncoder.shared(), SentenceEncoderProvider.installed().orElseThrow());
        assertEquals("dev.grader.embeddings", MiniLmEncoder.class.getModule().getName(), "on the module path");
        assertEquals(List.of(SentenceEncoderProvider.class.getName()), MiniLmEncoder.class.getModule()
                .getDescriptor().provides().stream().map(ModuleDescriptor.Provides::service).toList());
        assertEquals("all-minilm-l6-v2-q", OfflineJudge.create().info().settings().get("embeddings"));
        assertEquals("off", OfflineJudge.builder().embeddings(false).build().info().settings().get("embeddings"));
    }

    @Test
    void aParaphraseWithFewSharedWordsStillEarnsThePoint() {
        Grader semantic = Grader.builder().rubric(Rubrics.defaultRubric()).build();
        GradeReport r = semantic.grade("Q4", "Shutdown is the gentle one: a graceful stop lets active requests "
                + "finish before it returns.");
        PointStatus waits = r.keyPoints().stream()
                .filter(k -> k.text().startsWith("Shutdown waits for in-flight handlers to finish"))
                .findFirst().orElseThrow().status();
        assertTrue(waits == PointStatus.COVERED || waits == PointStatus.PARTIAL, waits.toString());
        assertEquals("all-minilm-l6-v2-q", r.audit().judge().settings().get("embeddings"));
    }

    /** TerseAnswersTest of grader-core, with embeddings: meaning must not blur a one-word model answer. */
    @Test
    void theTerseAnswerIsWhatAnAnswerMustSay() {
        Rubric rubric = BankCompiler.compile("""
                {"id": "T1", "question": "How are arrays passed to functions in C?", "modelAnswer": "By reference."}
                {"id": "T2", "question": "Which stack operation adds an element on top?", "modelAnswer": "push"}
                {"id": "T3", "question": "How does a for-each loop visit every element of a list?", "modelAnswer": "Through iteration."}
                {"id": "T4", "question": "How are objects initialised in Java?", "modelAnswer": "By using constructors."}
                {"id": "T5", "question": "What is six times seven?", "modelAnswer": "42"}
                {"id": "T6", "question": "Which function starts an HTTP server in Go?", "modelAnswer": "http.ListenAndServe"}
                """, "terse.jsonl");
        Grader grader = Grader.builder().rubric(rubric).build();
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
