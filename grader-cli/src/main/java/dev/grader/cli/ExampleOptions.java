package dev.grader.cli;

import dev.grader.InvalidInputException;
import dev.grader.Rubrics;
import dev.grader.examples.GradedExamples;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * Which graded examples a command grades with: the rubric's own (a {@code RUBRIC.examples.jsonl} beside the
 * rubric file, or those shipped with the default rubric) and any {@code --examples FILE}; without the rubric's own
 * with {@code --no-rubric-examples}; none with {@code --no-examples}.
 */
public final class ExampleOptions {

    @Option(names = "--examples", paramLabel = "FILE",
            description = "Answers already graded (question, answer, score, scale; JSON Lines or CSV): the score is "
                    + "corrected by how the judge fared on the nearest of them. Added to the rubric's own "
                    + "(RUBRIC.examples.jsonl beside it; the shipped rubric has some); repeatable.")
    List<Path> examples = new ArrayList<>();

    @Option(names = "--no-rubric-examples",
            description = "Leave out the rubric's own graded examples: grade with --examples alone.")
    boolean noRubricExamples;

    @Option(names = "--no-examples", description = "Grade against the model answers alone, without graded examples.")
    boolean noExamples;

    /**
     * The examples to grade with, not yet checked against the rubric.
     *
     * @param rubricFile the rubric given with {@code -r}, or null for the shipped one
     */
    GradedExamples load(Path rubricFile) {
        if (noExamples) {
            if (!examples.isEmpty()) {
                throw new InvalidInputException("--examples", null, "cannot be used with --no-examples");
            }
            return GradedExamples.NONE;
        }
        GradedExamples all = noRubricExamples ? GradedExamples.NONE
                : rubricFile == null ? Rubrics.defaultExamples() : Rubrics.examplesBeside(rubricFile);
        for (Path file : examples) {
            all = all.plus(GradedExamples.read(file));
        }
        return all;
    }
}
