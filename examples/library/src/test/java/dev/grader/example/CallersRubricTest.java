package dev.grader.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.grader.Grader;
import dev.grader.Rubrics;
import dev.grader.rubric.Rubric;
import org.junit.jupiter.api.Test;

/** A caller's module finds its own rubric on the class path, not only the shipped ones of grader-core. */
class CallersRubricTest {

    @Test
    void loadsARubricFromTheCallersResources() {
        assertTrue(CallersRubricTest.class.getModule().isNamed(), "runs on the module path");
        Rubric rubric = Rubrics.fromClasspath("/test-rubrics/tiny.json");
        assertEquals("tiny", rubric.id());
        assertEquals(1.0, Grader.builder().rubric(rubric).build()
                .grade("Q1", "http.ListenAndServe starts it; it blocks until the server fails.").score());
        assertEquals("net-http-server-concurrency", Rubrics.fromClasspath(Rubrics.DEFAULT_RESOURCE).id());
    }
}
