package dev.grader.embeddings;

import dev.grader.GradeReport;
import dev.grader.Grader;
import dev.grader.Rubrics;

/** What {@link NoLitterTest} runs in a fresh JVM: a library caller grading with embeddings, nothing else. */
public final class LitterFreeRun {

    private LitterFreeRun() {
    }

    public static void main(String[] args) {
        Grader grader = Grader.builder().rubric(Rubrics.defaultRubric()).build();
        GradeReport report = grader.grade("Q4", "Shutdown is the gentle one: a graceful stop lets active requests "
                + "finish before it returns.");
        System.out.println(report.audit().judge().settings().get("embeddings") + " " + report.score());
    }
}
