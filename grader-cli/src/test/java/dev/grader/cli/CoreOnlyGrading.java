package dev.grader.cli;

import dev.grader.Grader;
import dev.grader.Rubrics;
import dev.grader.report.ReportRenderer;

/**
 * What {@link CoreOnlyParityTest} runs in a JVM without grader-embeddings: a library caller's default grader,
 * one JSON report per line for the question and answer pairs of the arguments.
 */
public final class CoreOnlyGrading {

    private CoreOnlyGrading() {
    }

    public static void main(String[] args) {
        Grader grader = Grader.builder().rubric(Rubrics.defaultRubric()).build();
        for (int i = 0; i + 1 < args.length; i += 2) {
            String json = ReportRenderer.json().render(grader.grade(args[i], args[i + 1]));
            System.out.println(json.strip().replace("\n", " "));
        }
    }
}
