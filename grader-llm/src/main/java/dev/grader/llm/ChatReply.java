package dev.grader.llm;

import dev.grader.Api;
import java.util.Objects;

/**
 * A model's reply to one request.
 *
 * @param text         the reply text (expected to be JSON)
 * @param inputTokens  prompt tokens the provider reported, 0 when it reported none
 * @param outputTokens completion tokens the provider reported, 0 when it reported none
 */
@Api(status = Api.Status.EXPERIMENTAL)
public record ChatReply(String text, long inputTokens, long outputTokens) {

    public ChatReply {
        text = Objects.requireNonNullElse(text, "");
    }
}
