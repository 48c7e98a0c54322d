package dev.grader.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.grader.internal.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads a grading reply. Lenient where models commonly stray (a Markdown code fence or prose around the object,
 * missing optional fields, status in capitals), strict where it matters: a JSON object with a {@code points}
 * array whose entries have an id and one of the four statuses. Error messages never quote the reply, because
 * they are sent back to the model in the repair request and may end up in reports.
 */
final class ReplyParser {

    private ReplyParser() {
    }

    static ModelReply parse(String text) throws ReplyFormatException {
        int start = text.indexOf('{');
        int end = text.lastIndexOf('}');
        if (start < 0 || end < start) {
            throw new ReplyFormatException("the reply contains no JSON object");
        }
        JsonNode root;
        try {
            root = Json.mapper().readTree(text.substring(start, end + 1));
        } catch (JsonProcessingException e) {
            throw new ReplyFormatException("the reply is not valid JSON (line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ")");
        }
        JsonNode points = root.get("points");
        if (points == null || !points.isArray()) {
            throw new ReplyFormatException("the reply has no \"points\" array");
        }
        List<ModelReply.PointReply> out = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            JsonNode p = points.get(i);
            String id = text(p, "id");
            if (!p.isObject() || id.isBlank()) {
                throw new ReplyFormatException("points[" + i + "] has no \"id\"");
            }
            String status = text(p, "status").strip().toLowerCase(Locale.ROOT);
            if (!ReplySchema.STATUSES.contains(status)) {
                throw new ReplyFormatException("points[" + i + "].status must be one of " + ReplySchema.STATUSES);
            }
            out.add(new ModelReply.PointReply(id.strip(), status, text(p, "quote"), text(p, "reason"),
                    text(p, "followUp")));
        }
        List<ModelReply.MisconceptionReply> misconceptions = new ArrayList<>();
        JsonNode m = root.get("misconceptions");
        if (m != null && m.isArray()) {
            for (JsonNode hit : m) {
                String id = text(hit, "id");
                if (hit.isObject() && !id.isBlank()) {
                    misconceptions.add(new ModelReply.MisconceptionReply(id.strip(), text(hit, "quote")));
                }
            }
        }
        List<ModelReply.ErrorReply> errors = new ArrayList<>();
        JsonNode e = root.get("errors");
        if (e != null && e.isArray()) {
            for (JsonNode error : e) {
                String claim = text(error, "claim");
                if (error.isObject() && !claim.isBlank()) {
                    errors.add(new ModelReply.ErrorReply(text(error, "quote"), claim.strip(),
                            text(error, "correction").strip()));
                }
            }
        }
        return new ModelReply(out, misconceptions, text(root, "feedback").strip(), errors);
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() || !v.isValueNode() ? "" : v.asText();
    }
}
