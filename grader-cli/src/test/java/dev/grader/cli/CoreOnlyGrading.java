package dev.grader.cli;

import dev.grader.Grader;
import dev.grader.Rubrics;
import dev.grader.report.ReportRenderer;

/**
 * What {@link CoreOnlyParityTest} runs in a JVM without grader-embeddings: a library caller's default grader,
 * with the shipped graded examples when the first argument is {@code examples} (as the CLI grades by default) or
 * without them ({@code none}); one JSON report per line for the question and answer pairs of the other arguments.
 */
public final class CoreOnlyGrading {

    private CoreOnlyGrading() {
    }

    public static void main(String[] args) {
        Grader.Builder builder = Grader.builder().rubric(Rubrics.defaultRubric());
        if (args[0].equals("examples")) {
            builder.examples(Rubrics.defaultExamples());
        }
        Grader grader = builder.build();
        for (int i = 1; i + 1 < args.length; i += 2) {
            String json = ReportRenderer.json().render(grader.grade(args[i], args[i + 1]));
            System.out.println(json.strip().replace("\n", " "));
        }
    }
}
