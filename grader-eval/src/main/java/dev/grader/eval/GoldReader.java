package dev.grader.eval;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.type.LogicalType;
import dev.grader.Api;
import dev.grader.InvalidInputException;
import dev.grader.internal.IoErrors;
import dev.grader.internal.Json;
import dev.grader.internal.LineReader;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reads a dataset's {@code answers.jsonl}: one JSON object a line with {@code id}, {@code question},
 * {@code answer}, {@code score} and {@code scale} (required), and {@code label}, {@code kind},
 * {@code misconceptions} (optional); other fields are ignored. The file is read line by line, not slurped, and a
 * line longer than {@link LineReader#MAX_LINE_BYTES} is refused before it is held.
 *
 * <p>Every problem is an {@link InvalidInputException} naming the file, the line (and the column for JSON
 * syntax and type errors) and what is wrong: {@code answers.jsonl: line 7, column 31: malformed JSON: ...},
 * {@code answers.jsonl: line 9: missing required field 'score'}.
 */
@Api(status = Api.Status.EXPERIMENTAL)
public final class GoldReader {

    private static final ObjectReader LINE_READER = lineReader();

    private GoldReader() {
    }

    /**
     * Reads every answer of a gold file, in file order.
     *
     * @throws InvalidInputException if the file is missing, not UTF-8, empty, or has a bad line
     */
    public static List<GoldAnswer> read(Path file) {
        String source = Objects.requireNonNull(file, "file").toString();
        if (Files.isDirectory(file)) {
            throw new InvalidInputException(source, null, "is a directory, expected an answers.jsonl file");
        }
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            return read(in, source);
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(source, null, "no such file");
        } catch (IOException e) {
            throw new InvalidInputException(source, null, "cannot read: " + IoErrors.reason(e), e);
        }
    }

    /** Reads gold answers from JSON Lines text; {@code source} names it in messages. */
    public static List<GoldAnswer> parse(String jsonl, String source) {
        Objects.requireNonNull(jsonl, "jsonl");
        Objects.requireNonNull(source, "source");
        try {
            return read(new ByteArrayInputStream(jsonl.getBytes(StandardCharsets.UTF_8)), source);
        } catch (IOException e) {
            throw new IllegalStateException("a byte array stream does not fail", e);
        }
    }

    private static List<GoldAnswer> read(InputStream in, String source) throws IOException {
        List<GoldAnswer> answers = new ArrayList<>();
        Map<String, Integer> lineById = new HashMap<>();
        LineReader lines = new LineReader(in, LineReader.MAX_LINE_BYTES);
        while (lines.next()) {
            int lineNo = lines.lineNumber();
            if (lines.tooLong()) {
                throw new InvalidInputException(source, "line " + lineNo, lines.tooLongReason());
            }
            String text = decode(lines, source);
            if (lineNo == 1 && text.startsWith("\uFEFF")) {
                text = text.substring(1);
            }
            if (text.isBlank()) {
                continue;
            }
            GoldAnswer answer = parseLine(text, source, lineNo);
            Integer first = lineById.putIfAbsent(answer.id(), lineNo);
            if (first != null) {
                throw new InvalidInputException(source, "line " + lineNo,
                        "duplicate id '" + answer.id() + "' (first on line " + first + ")");
            }
            answers.add(answer);
        }
        if (answers.isEmpty()) {
            throw new InvalidInputException(source, null, "no answers: expected one JSON object a line");
        }
        return answers;
    }

    private static GoldAnswer parseLine(String text, String source, int lineNo) {
        Line line;
        try {
            line = LINE_READER.readValue(text);
        } catch (MismatchedInputException e) {
            throw new InvalidInputException(source, where(lineNo, e.getLocation()), mismatch(e), e);
        } catch (JsonProcessingException e) {
            throw new InvalidInputException(source, where(lineNo, e.getLocation()),
                    "malformed JSON: " + Json.problem(e), e);
        }
        String at = "line " + lineNo;
        if (line == null) {
            throw new InvalidInputException(source, at,
                    "expected a JSON object with id, question, answer, score and scale, found null");
        }
        String id = required(line.id(), "id", source, at);
        String question = required(line.question(), "question", source, at);
        if (line.answer() == null) {
            throw missing("answer", source, at);
        }
        if (line.score() == null) {
            throw missing("score", source, at);
        }
        if (line.scale() == null) {
            throw missing("scale", source, at);
        }
        double score = line.score();
        double scale = line.scale();
        if (!Double.isFinite(scale) || !Double.isFinite(score)) {
            throw new InvalidInputException(source, at, "score and scale must be finite numbers, found score "
                    + number(score) + " and scale " + number(scale));
        }
        if (!(scale > 0)) {
            throw new InvalidInputException(source, at, "scale must be greater than 0, found " + number(scale));
        }
        if (!(score >= 0 && score <= scale)) {
            throw new InvalidInputException(source, at,
                    "score " + number(score) + " is outside 0.." + number(scale) + " (the line's scale)");
        }
        String label = line.label() == null || line.label().isBlank() ? null : line.label().strip();
        String kind = line.kind() == null || line.kind().isBlank() ? null : line.kind().strip();
        if (line.misconceptions() != null && line.misconceptions().contains(null)) {
            throw new InvalidInputException(source, at, "field 'misconceptions' must be a list of strings, found null "
                    + "in it");
        }
        return new GoldAnswer(id, question, line.answer(), score, scale, label, kind, line.misconceptions(), lineNo);
    }

    private static String required(String value, String field, String source, String at) {
        if (value == null) {
            throw missing(field, source, at);
        }
        if (value.isBlank()) {
            throw new InvalidInputException(source, at, "field '" + field + "' is empty");
        }
        return value;
    }

    private static InvalidInputException missing(String field, String source, String at) {
        return new InvalidInputException(source, at, "missing required field '" + field + "'");
    }

    /** Names the field and the type it needs instead of Jackson's class names. */
    private static String mismatch(MismatchedInputException e) {
        List<JsonMappingException.Reference> path = e.getPath();
        if (path.isEmpty() || path.get(0).getFieldName() == null) {
            return "expected a JSON object with id, question, answer, score and scale";
        }
        String field = path.get(0).getFieldName();
        String expected = switch (field) {
            case "score", "scale" -> "a number";
            case "misconceptions" -> "a list of strings";
            default -> "a string";
        };
        return "field '" + field + "' must be " + expected;
    }

    private static String where(int lineNo, JsonLocation location) {
        // Each line is parsed on its own, so the parser's column is the column in the file.
        return location == null || location.getColumnNr() < 1
                ? "line " + lineNo
                : "line " + lineNo + ", column " + location.getColumnNr();
    }

    private static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
    }

    private static ObjectReader lineReader() {
        ObjectMapper mapper = Json.mapper().copy();
        // "5" is not a score: a quoted number usually means a broken export, so it is refused, not guessed.
        mapper.coercionConfigFor(LogicalType.Float).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Float).setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        return mapper.readerFor(Line.class).with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    /** A line decoded on its own, so a bad UTF-8 sequence is reported on its line. */
    private static String decode(LineReader lines, String source) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(lines.buffer(), 0, lines.length()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new InvalidInputException(source, "line " + lines.lineNumber(), "not valid UTF-8 text");
        }
    }

    /** The fields of one line as written; validated into a {@link GoldAnswer}. */
    private record Line(String id, String question, String answer, Double score, Double scale, String label,
                        String kind, List<String> misconceptions) {
    }
}
