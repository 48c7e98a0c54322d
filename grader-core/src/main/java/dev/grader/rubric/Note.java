package dev.grader.rubric;

import dev.grader.Api;
import java.util.Objects;

/**
 * A labelled paragraph kept with a question ({@code Fix}, {@code Pitfall}, {@code Workaround}, ...).
 *
 * @param label the label without its trailing period
 * @param text  the paragraph, code excluded
 */
@Api(status = Api.Status.STABLE)
public record Note(String label, String text) {
    public Note {
        label = Objects.requireNonNullElse(label, "");
        text = Objects.requireNonNullElse(text, "");
    }
}
