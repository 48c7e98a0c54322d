package dev.grader.compile;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.grader.compile.RawQuestion.RawFollowUp;
import dev.grader.compile.RawQuestion.RawWrongAnswer;
import dev.grader.internal.InputFiles;
import dev.grader.internal.Json;
import dev.grader.internal.LineReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads JSON Lines banks (one question object per line) and JSON arrays of the same objects:
 * {@code {"id","question","modelAnswer","acceptedAnswers"?,"wrongAnswers"?,"followUps"?,"level"?}}.
 * {@code wrongAnswers} items are strings ({@code "claim (correction)"}) or {@code {"text","correction","aliases"?}};
 * {@code followUps} items are strings or {@code {"question","answer"}}. Every text is a JSON string: a number,
 * array or object where text belongs is refused with its line and field, as are duplicate keys and trailing text.
 */
final class JsonBankParser {

    private JsonBankParser() {
    }

    /**
     * Strict JSON: a key given twice in an object, text after the array or after a line's object, and values of
     * the wrong type are refused with their line, not read as something else.
     */
    private static final ObjectReader ELEMENT_READER = Json.mapper().reader()
            .with(StreamReadFeature.STRICT_DUPLICATE_DETECTION);
    private static final ObjectReader READER = ELEMENT_READER.with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

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
            readArray(content, questions, skipped);
        } else {
            String[] lines = content.split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                if (lines[i].isBlank()) {
                    continue;
                }
                JsonNode node = null;
                try {
                    if (tooLong(lines[i])) {
                        throw new BankSyntaxException(i + 1, "longer than "
                                + InputFiles.megabytes(LineReader.MAX_LINE_BYTES) + ", the limit for one line");
                    }
                    node = readTree(lines[i], i + 1);
                    questions.add(question(node, null, i + 1));
                } catch (BankSyntaxException e) {
                    skip(skipped, e, node);
                }
            }
        }
        return new RawBank(null, null, questions, "jsonl");
    }

    private static boolean tooLong(String line) {
        return line.length() > LineReader.MAX_LINE_BYTES / 3
                && line.getBytes(StandardCharsets.UTF_8).length > LineReader.MAX_LINE_BYTES;
    }

    /**
     * A JSON array of questions, element by element, each with the line it starts on. An element that is not a
     * valid question goes to {@code skipped} when given; broken JSON ends the read (the elements after it cannot
     * be told apart).
     */
    private static void readArray(String content, List<RawQuestion> questions, List<SkippedQuestion> skipped) {
        try (JsonParser parser = ELEMENT_READER.createParser(content)) {
            parser.nextToken(); // the array's '['
            int index = 0;
            for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
                if (token == null) {
                    throw new BankSyntaxException(parser.currentLocation().getLineNr(),
                            "malformed JSON: the array is not closed with ']'");
                }
                int line = parser.currentTokenLocation().getLineNr();
                JsonNode node = ELEMENT_READER.readTree(parser);
                try {
                    questions.add(question(node, "element " + index++, line));
                } catch (BankSyntaxException e) {
                    skip(skipped, e, node);
                }
            }
            requireEnd(parser);
        } catch (JsonProcessingException e) {
            throw malformed(e, 0);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e); // a String does not fail to read
        }
    }

    private static void requireEnd(JsonParser parser) throws java.io.IOException {
        JsonLocation at;
        try {
            if (parser.nextToken() == null) {
                return;
            }
            at = parser.currentTokenLocation();
        } catch (JsonProcessingException notJson) {
            at = notJson.getLocation();
        }
        throw new BankSyntaxException(at.getLineNr(), ", column " + at.getColumnNr(),
                "unexpected text after the JSON array's closing ']'");
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
            JsonNode node = READER.readTree(text);
            if (node == null || node.isMissingNode()) {
                throw new BankSyntaxException(line, "empty JSON");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw malformed(e, line);
        }
    }

    private static BankSyntaxException malformed(JsonProcessingException e, int line) {
        JsonLocation at = e.getLocation();
        int l = line > 0 ? line : (at == null ? 0 : at.getLineNr());
        String column = at == null ? "" : ", column " + at.getColumnNr();
        String message = e.getOriginalMessage();
        if (message != null && message.startsWith("Trailing token")) {
            return new BankSyntaxException(l, column, "unexpected text after the question's closing '}' (one "
                    + "question object a line)");
        }
        if (message != null && message.startsWith("Duplicate field")) {
            return new BankSyntaxException(l, column, "field " + message.substring("Duplicate field ".length())
                    + " is given twice");
        }
        return new BankSyntaxException(l, column, "malformed JSON: " + dev.grader.internal.Json.problem(e));
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
                } else if (w.isObject() && w.path("text").isTextual() && optionalText(w.get("correction"))) {
                    wrong.add(new RawWrongAnswer(w.get("text").asText(), w.path("correction").asText(""),
                            strings(w.get("aliases"), "wrongAnswers[].aliases", line, element)));
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
                } else if (f.isObject() && f.path("question").isTextual() && optionalText(f.get("answer"))) {
                    followUps.add(new RawFollowUp(f.get("question").asText(), f.path("answer").asText("")));
                } else {
                    throw error(line, element, "field 'followUps' items must be strings or {\"question\", \"answer\"}");
                }
            }
        }
        JsonNode levelNode = node.get("level");
        if (levelNode != null && !levelNode.isNull() && !levelNode.isTextual()) {
            throw error(line, element, "field 'level' must be a string such as \"senior\", found " + kind(levelNode));
        }
        String level = levelNode == null || levelNode.isNull() ? null : levelNode.asText();
        return new RawQuestion(id, level, prompt.strip(), model.strip(), accepted, wrong, followUps, List.of(),
                List.of(), line);
    }

    private static String requiredText(JsonNode node, String field, int line, String element) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw error(line, element, "missing field '" + field + "'");
        }
        if (!value.isTextual()) {
            throw error(line, element, "field '" + field + "' must be a string, found " + kind(value));
        }
        String text = value.asText();
        if (text.isBlank()) {
            throw error(line, element, "field '" + field + "' is empty");
        }
        return text;
    }

    private static boolean optionalText(JsonNode node) {
        return node == null || node.isNull() || node.isTextual();
    }

    /** {@code a number}, {@code an array}, ... for messages. */
    private static String kind(JsonNode node) {
        return switch (node.getNodeType()) {
            case NUMBER -> "a number";
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case BOOLEAN -> "a boolean";
            default -> node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        };
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
