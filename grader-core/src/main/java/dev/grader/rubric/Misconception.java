package dev.grader.rubric;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.grader.Api;
import java.util.List;
import java.util.Objects;

/**
 * A known wrong claim.
 *
 * @param id         unique in the rubric, derived from content
 * @param text       the wrong claim as candidates state it
 * @param correction why it is wrong, shown to the candidate; may be empty
 * @param terms      salient words of the wrong claim
 * @param origin     {@code null}, or {@code "suggested"} for unreviewed LLM suggestions
 * @param aliases    other ways candidates state the same wrong claim
 */
@Api(status = Api.Status.STABLE)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Misconception(String id, String text, String correction, List<String> terms, String origin,
                            @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> aliases) {

    public Misconception {
        Objects.requireNonNull(id, "id");
        text = Objects.requireNonNullElse(text, "");
        correction = Objects.requireNonNullElse(correction, "");
        terms = terms == null ? List.of() : List.copyOf(terms);
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
    }

    public Misconception(String id, String text, String correction, List<String> terms, String origin) {
        this(id, text, correction, terms, origin, List.of());
    }

    /** The ways an answer may state it: the text, then its aliases. */
    public List<String> phrasings() {
        if (aliases.isEmpty()) {
            return List.of(text);
        }
        List<String> all = new java.util.ArrayList<>(aliases.size() + 1);
        all.add(text);
        all.addAll(aliases);
        return List.copyOf(all);
    }

    public Misconception(String id, String text, String correction, List<String> terms) {
        this(id, text, correction, terms, null);
    }
}
