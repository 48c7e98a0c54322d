package dev.grader.llm;

import dev.grader.rubric.FollowUp;
import dev.grader.rubric.KeyPoint;
import dev.grader.rubric.Misconception;
import dev.grader.rubric.Question;
import dev.langchain4j.model.chat.request.json.JsonArraySchema;
import dev.langchain4j.model.chat.request.json.JsonNumberSchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import dev.langchain4j.model.chat.request.json.JsonStringSchema;

/**
 * Asks a model to extend one question's rubric entry: missing key points, aliases (paraphrases) of existing
 * ones, misconceptions candidates commonly hold, and follow-up questions. Versioned like the grading prompt.
 */
final class SuggestionPrompt {

    static final String VERSION = "suggest-v1";

    static final String SYSTEM = String.join("\n",
            "You help an interviewer improve a grading rubric for one technical question. Propose only what is "
                    + "correct, specific and not already in the rubric; propose nothing rather than filler.",
            "- keyPoints: atomic claims a complete answer makes that the rubric lacks; weight 1 (minor) to 3 (core).",
            "- aliases: other ways candidates phrase an existing key point (use its id).",
            "- misconceptions: wrong claims candidates commonly make about this question, each with a correction.",
            "- followUps: questions to ask next, each probing existing key point ids, with a short model answer.",
            "Reply with one JSON object and nothing else: {\"keyPoints\":[{\"text\",\"weight\"}],"
                    + "\"aliases\":[{\"keyPointId\",\"alias\"}],\"misconceptions\":[{\"text\",\"correction\"}],"
                    + "\"followUps\":[{\"question\",\"answer\",\"probes\":[\"key point id\"]}]}");

    static final JsonSchema SCHEMA = JsonSchema.builder()
            .name("suggestions")
            .rootElement(JsonObjectSchema.builder()
                    .addProperty("keyPoints", array(JsonObjectSchema.builder()
                            .addProperty("text", new JsonStringSchema())
                            .addProperty("weight", new JsonNumberSchema())
                            .required("text", "weight").additionalProperties(false).build()))
                    .addProperty("aliases", array(JsonObjectSchema.builder()
                            .addProperty("keyPointId", new JsonStringSchema())
                            .addProperty("alias", new JsonStringSchema())
                            .required("keyPointId", "alias").additionalProperties(false).build()))
                    .addProperty("misconceptions", array(JsonObjectSchema.builder()
                            .addProperty("text", new JsonStringSchema())
                            .addProperty("correction", new JsonStringSchema())
                            .required("text", "correction").additionalProperties(false).build()))
                    .addProperty("followUps", array(JsonObjectSchema.builder()
                            .addProperty("question", new JsonStringSchema())
                            .addProperty("answer", new JsonStringSchema())
                            .addProperty("probes", JsonArraySchema.builder().items(new JsonStringSchema()).build())
                            .required("question", "answer", "probes").additionalProperties(false).build()))
                    .required("keyPoints", "aliases", "misconceptions", "followUps")
                    .additionalProperties(false)
                    .build())
            .build();

    private SuggestionPrompt() {
    }

    static String user(Question q) {
        StringBuilder b = new StringBuilder();
        b.append("Question ").append(q.id()).append(":\n").append(q.prompt().strip()).append("\n\n");
        b.append("Model answer:\n").append(q.modelAnswer().strip()).append("\n\n");
        b.append("Key points (id, weight, claim, aliases):\n");
        for (KeyPoint k : q.keyPoints()) {
            b.append("- ").append(k.id()).append(" (weight ").append(k.weight()).append("): ").append(k.text());
            if (!k.aliases().isEmpty()) {
                b.append(" | aliases: ").append(String.join("; ", k.aliases()));
            }
            b.append('\n');
        }
        b.append("\nMisconceptions:\n");
        for (Misconception m : q.misconceptions()) {
            b.append("- ").append(m.text()).append('\n');
        }
        b.append("\nFollow-ups:\n");
        for (FollowUp f : q.followUps()) {
            b.append("- ").append(f.question()).append('\n');
        }
        return b.toString();
    }

    private static JsonArraySchema array(JsonObjectSchema items) {
        return JsonArraySchema.builder().items(items).build();
    }
}
