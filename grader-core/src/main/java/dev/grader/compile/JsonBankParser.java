package dev.grader.compile;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.grader.compile.RawQuestion.RawFollowUp;
import dev.grader.compile.RawQuestion.RawWrongAnswer;
import dev.grader.internal.Json;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads JSON Lines banks (one question object per line) and JSON arrays of the same objects:
 * {@code {"id","question","modelAnswer","acceptedAnswers"?,"wrongAnswers"?,"followUps"?,"level"?}}.
 * {@code wrongAnswers} items are strings ({@code "claim (correction)"}) or {@code {"text","correction"}};
 * {@code followUps} items are strings or {@code {"question","answer"}}.
 */
final class JsonBankParser {

    private JsonBankParser() {
    }

    static RawBank parse(String content) {
        return parse(content, null);
    }

    /**
     * @param skipped where a question that cannot be read goes (a malformed line, a missing field); null to fail
     *                on the first one
     */
    static RawBank parse(String content, List<SkippedQuestion> skipped) {
        String trimmed = content.stripLeading();
        List<RawQuestion> questions = new ArrayList<>();
        if (trimmed.startsWith("[")) {
            JsonNode array = readTree(content, 0);
            int index = 0;
            for (JsonNode node : array) {
                String element = "element " + index++;
                try {
                    questions.add(question(node, element, 0));
                } catch (BankSyntaxException e) {
                    skip(skipped, e, node);
                }
            }
        } else {
            String[] lines = content.split("\r?\n", -1);
            for (int i = 0; i < lines.length; i++) {
                if (lines[i].isBlank()) {
                    continue;
                }
                JsonNode node = null;
                try {
                    node = readTree(lines[i], i + 1);
                    questions.add(question(node, null, i + 1));
                } catch (BankSyntaxException e) {
                    skip(skipped, e, node);
                }
            }
        }
        return new RawBank(null, null, questions, "jsonl");
    }

    private static void skip(List<SkippedQuestion> skipped, BankSyntaxException e, JsonNode node) {
        if (skipped == null) {
            throw e;
        }
        JsonNode id = node == null || !node.isObject() ? null : node.get("id");
        skipped.add(new SkippedQuestion(id != null && id.isValueNode() ? id.asText() : null, e.location(),
                e.getMessage()));
    }

    private static JsonNode readTree(String text, int line) {
        try {
            JsonNode node = Json.mapper().readTree(text);
            if (node == null) {
                throw new BankSyntaxException(line, "empty JSON");
            }
            return node;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            int l = line > 0 ? line : (at == null ? 0 : at.getLineNr());
            String column = at == null ? "" : ", column " + at.getColumnNr();
            throw new BankSyntaxException(l, column, "malformed JSON: " + e.getOriginalMessage());
        }
    }

    private static RawQuestion question(JsonNode node, String element, int line) {
        if (!node.isObject()) {
            throw error(line, element, "expected a JSON object for a question, found " + node.getNodeType()
                    .name().toLowerCase(java.util.Locale.ROOT));
        }
        String id = requiredText(node, "id", line, element);
        String prompt = requiredText(node, "question", line, element);
        String model = requiredText(node, "modelAnswer", line, element);
        List<String> accepted = strings(node.get("acceptedAnswers"), "acceptedAnswers", line, element);
        List<RawWrongAnswer> wrong = new ArrayList<>();
        JsonNode wrongNode = node.get("wrongAnswers");
        if (wrongNode != null && !wrongNode.isNull()) {
            requireArray(wrongNode, "wrongAnswers", line, element);
            for (JsonNode w : wrongNode) {
                if (w.isTextual()) {
                    wrong.add(WrongAnswerParser.parseItem(w.asText()));
                } else if (w.isObject() && w.hasNonNull("text")) {
                    wrong.add(new RawWrongAnswer(w.get("text").asText(), w.path("correction").asText("")));
                } else {
                    throw error(line, element, "field 'wrongAnswers' items must be strings or {\"text\", \"correction\"}");
                }
            }
        }
        List<RawFollowUp> followUps = new ArrayList<>();
        JsonNode followNode = node.get("followUps");
        if (followNode != null && !followNode.isNull()) {
            requireArray(followNode, "followUps", line, element);
            for (JsonNode f : followNode) {
                if (f.isTextual()) {
                    followUps.addAll(FollowUpParser.parse(f.asText()));
                } else if (f.isObject() && f.hasNonNull("question")) {
                    followUps.add(new RawFollowUp(f.get("question").asText(), f.path("answer").asText("")));
                } else {
                    throw error(line, element, "field 'followUps' items must be strings or {\"question\", \"answer\"}");
                }
            }
        }
        String level = node.hasNonNull("level") ? node.get("level").asText() : null;
        return new RawQuestion(id, level, prompt.strip(), model.strip(), accepted, wrong, followUps, List.of(),
                List.of(), line);
    }

    private static String requiredText(JsonNode node, String field, int line, String element) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw error(line, element, "missing field '" + field + "'");
        }
        if (!value.isTextual() && !value.isNumber()) {
            throw error(line, element, "field '" + field + "' must be a string");
        }
        String text = value.asText();
        if (text.isBlank()) {
            throw error(line, element, "field '" + field + "' is empty");
        }
        return text;
    }

    private static List<String> strings(JsonNode node, String field, int line, String element) {
        List<String> out = new ArrayList<>();
        if (node == null || node.isNull()) {
            return out;
        }
        requireArray(node, field, line, element);
        for (JsonNode n : node) {
            if (!n.isTextual()) {
                throw error(line, element, "field '" + field + "' must be an array of strings");
            }
            if (!n.asText().isBlank()) {
                out.add(n.asText().strip());
            }
        }
        return out;
    }

    private static void requireArray(JsonNode node, String field, int line, String element) {
        if (!node.isArray()) {
            throw error(line, element, "field '" + field + "' must be an array");
        }
    }

    private static BankSyntaxException error(int line, String element, String message) {
        return new BankSyntaxException(line, element == null ? message : element + ": " + message);
    }
}
