package dev.grader.rubric;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.grader.Api;
import java.util.Objects;

/**
 * Code that belongs to a question: shown to candidates and reviewers, never graded as a key point.
 *
 * @param section  where it appeared: {@code question}, {@code modelAnswer}, or a note label such as {@code Fix}
 * @param language the fence language when the bank gave one, else {@code null}
 * @param text     the code, lines joined with {@code \n}
 */
@Api(status = Api.Status.STABLE)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CodeBlock(String section, String language, String text) {
    public CodeBlock {
        section = Objects.requireNonNullElse(section, "modelAnswer");
        text = Objects.requireNonNullElse(text, "");
    }
}
