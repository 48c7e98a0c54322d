package dev.grader.cli;

import dev.grader.Rubrics;
import dev.grader.examples.GradedExamples;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * Which graded examples a command grades with: {@code --examples FILE}, the rubric's own (a
 * {@code RUBRIC.examples.jsonl} beside the rubric file, or those shipped with the default rubric), or none with
 * {@code --no-examples}.
 */
public final class ExampleOptions {

    @Option(names = "--examples", paramLabel = "FILE",
            description = "Answers already graded (question, answer, score, scale; JSON Lines or CSV): the score is "
                    + "corrected by how the judge fared on the nearest of them. Default: the rubric's own "
                    + "(RUBRIC.examples.jsonl beside it; the shipped rubric has some).")
    Path examples;

    @Option(names = "--no-examples", description = "Grade against the model answers alone, without graded examples.")
    boolean noExamples;

    /**
     * The examples to grade with, not yet checked against the rubric.
     *
     * @param rubricFile the rubric given with {@code -r}, or null for the shipped one
     */
    GradedExamples load(Path rubricFile) {
        if (noExamples) {
            return GradedExamples.NONE;
        }
        if (examples != null) {
            return GradedExamples.read(examples);
        }
        return rubricFile == null ? Rubrics.defaultExamples() : Rubrics.examplesBeside(rubricFile);
    }
}
