package dev.grader.rubric;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.grader.internal.Json;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/** Maps JSON pointers back to line numbers, so schema errors can say where to look in the file. */
final class JsonLocations {

    private final Map<String, Integer> lineByPointer;

    private JsonLocations(Map<String, Integer> lineByPointer) {
        this.lineByPointer = lineByPointer;
    }

    static JsonLocations of(String json) {
        Map<String, Integer> lines = new HashMap<>();
        try (JsonParser parser = Json.mapper().getFactory().createParser(json)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                if (token == JsonToken.FIELD_NAME) {
                    continue;
                }
                String pointer = parser.getParsingContext().pathAsPointer().toString();
                if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
                    // pointer of the container itself is its parent's current element
                    pointer = parser.getParsingContext().getParent() == null
                            ? ""
                            : parser.getParsingContext().getParent().pathAsPointer().toString();
                }
                lines.putIfAbsent(pointer, parser.currentTokenLocation().getLineNr());
            }
        } catch (IOException e) {
            // Only called on JSON that already parsed; keep what was collected.
        }
        return new JsonLocations(lines);
    }

    /** The line of the value at this pointer, or of its nearest ancestor; 0 when unknown. */
    int line(String pointer) {
        String p = pointer;
        while (true) {
            Integer line = lineByPointer.get(p);
            if (line != null) {
                return line;
            }
            int slash = p.lastIndexOf('/');
            if (slash < 0) {
                return 0;
            }
            p = p.substring(0, slash);
        }
    }
}
