package dev.grader.llm;

import dev.langchain4j.model.chat.request.json.JsonArraySchema;
import dev.langchain4j.model.chat.request.json.JsonEnumSchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import dev.langchain4j.model.chat.request.json.JsonStringSchema;
import java.util.List;

/**
 * The JSON schema of a grading reply, strict-mode compatible (every property required, no extra properties):
 * <pre>{"points":[{"id","status","quote","reason","followUp"}],"misconceptions":[{"id","quote"}],
 *  "errors":[{"quote","claim","correction"}],"feedback"}</pre>
 */
final class ReplySchema {

    static final List<String> STATUSES = List.of("covered", "partial", "missed", "contradicted");

    static final JsonSchema GRADING = JsonSchema.builder()
            .name("grading")
            .rootElement(JsonObjectSchema.builder()
                    .addProperty("points", JsonArraySchema.builder().items(JsonObjectSchema.builder()
                            .addProperty("id", string("the key point id, as given"))
                            .addProperty("status", JsonEnumSchema.builder().enumValues(STATUSES).build())
                            .addProperty("quote", string("verbatim span of the answer; empty when missed"))
                            .addProperty("reason", string("one short sentence"))
                            .addProperty("followUp", string("a follow-up question when missed or contradicted, "
                                    + "else empty"))
                            .required("id", "status", "quote", "reason", "followUp")
                            .additionalProperties(false)
                            .build()).build())
                    .addProperty("misconceptions", JsonArraySchema.builder().items(JsonObjectSchema.builder()
                            .addProperty("id", string("the misconception id, as given"))
                            .addProperty("quote", string("verbatim span of the answer stating it"))
                            .required("id", "quote")
                            .additionalProperties(false)
                            .build()).build())
                    .addProperty("errors", JsonArraySchema.builder().items(JsonObjectSchema.builder()
                            .addProperty("quote", string("verbatim span of the answer making the false claim"))
                            .addProperty("claim", string("the false claim, in one short sentence"))
                            .addProperty("correction", string("what is true instead, in one short sentence"))
                            .required("quote", "claim", "correction")
                            .additionalProperties(false)
                            .build()).build())
                    .addProperty("feedback", string("two or three sentences to the candidate"))
                    .required("points", "misconceptions", "errors", "feedback")
                    .additionalProperties(false)
                    .build())
            .build();

    private ReplySchema() {
    }

    private static JsonStringSchema string(String description) {
        return JsonStringSchema.builder().description(description).build();
    }
}
