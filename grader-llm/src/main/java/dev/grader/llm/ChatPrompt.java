package dev.grader.llm;

import dev.grader.Api;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import java.util.Objects;

/**
 * One request to a chat model.
 *
 * @param system      the system prompt: the grading instructions
 * @param user        the user message: rubric context and the delimited answer
 * @param schema      the JSON schema the reply must follow
 * @param temperature sampling temperature, 0 for the most deterministic replies
 */
@Api(status = Api.Status.EXPERIMENTAL)
public record ChatPrompt(String system, String user, JsonSchema schema, double temperature) {

    public ChatPrompt {
        Objects.requireNonNull(system, "system");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(schema, "schema");
    }
}
