package dev.grader.eval;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import dev.grader.Api;
import dev.grader.internal.Json;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * JSON forms of evaluation output: the result as pretty JSON, a prediction as one JSON Lines line.
 *
 * <p>Undefined metrics ({@link Double#NaN}) are written as {@code null}: JSON has no NaN, and a string
 * {@code "NaN"} where a number belongs would trip up every consumer. Numbers are rounded to six decimals, so
 * that a mean of 0.6 reads {@code 0.6} and not {@code 0.6000000000000001}. Maps keep their order (key points
 * in rubric order, verdicts in verdict order) instead of being sorted by key.
 */
@Api(status = Api.Status.EXPERIMENTAL)
public final class EvaluationJson {

    private static final ObjectMapper MAPPER = mapper();

    private EvaluationJson() {
    }

    /** The result as pretty JSON with a final newline, in the project's JSON style. */
    public static String toJson(EvaluationResult result) {
        JsonNode tree = MAPPER.valueToTree(result);
        return Json.pretty(tree);
    }

    /** One line of the predictions file, without the line end. */
    public static String toJsonLine(Prediction prediction) {
        try {
            return MAPPER.writeValueAsString(prediction);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectMapper mapper() {
        SimpleModule nanAsNull = new SimpleModule("nan-as-null");
        nanAsNull.addSerializer(Double.class, new NanAsNull());
        nanAsNull.addSerializer(Double.TYPE, new NanAsNull());
        return Json.mapper().copy()
                .disable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                .registerModule(nanAsNull);
    }

    /** Writes NaN and infinities as {@code null}, other doubles as numbers rounded to six decimals. */
    private static final class NanAsNull extends StdSerializer<Double> {

        private static final long serialVersionUID = 1L;

        NanAsNull() {
            super(Double.class);
        }

        @Override
        public void serialize(Double value, JsonGenerator generator, SerializerProvider provider) throws IOException {
            if (value.isNaN() || value.isInfinite()) {
                generator.writeNull();
            } else {
                generator.writeNumber(Math.round(value * 1e6) / 1e6);
            }
        }
    }
}
