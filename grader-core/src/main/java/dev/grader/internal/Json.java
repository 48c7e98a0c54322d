package dev.grader.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.UncheckedIOException;

/**
 * The one Jackson configuration of the project: deterministic, human-diffable output ({@code "key": value},
 * two-space indent, {@code \n} line ends on every OS, a final newline).
 */
public final class Json {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    private static final ObjectWriter PRETTY = MAPPER.writer(prettyPrinter());

    private Json() {
    }

    /** The shared mapper; thread-safe once configured, never reconfigure it. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** Pretty JSON with a trailing newline: the on-disk form of rubrics and reports. */
    public static String pretty(Object value) {
        try {
            return PRETTY.writeValueAsString(value) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Compact single-line JSON (JSON Lines output, hashing). */
    public static String compact(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static DefaultPrettyPrinter prettyPrinter() {
        Separators separators = Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withArrayEmptySeparator("")
                .withObjectEmptySeparator("");
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter(separators);
        printer.indentArraysWith(indenter);
        printer.indentObjectsWith(indenter);
        return printer;
    }

    /**
     * Jackson's description of a parse error as one line for a user: without line breaks and without the excerpt
     * of the source it appends ("(start marker at [Source: REDACTED ...; line: 1, column: 1])").
     */
    public static String problem(JsonProcessingException e) {
        return String.valueOf(e.getOriginalMessage()).replaceAll("\\s*\\R\\s*", " ")
                .replaceAll("\\s*\\(start marker at \\[Source:[^\\]]*\\]\\)", "").strip();
    }
}
