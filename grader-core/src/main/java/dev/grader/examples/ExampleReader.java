package dev.grader.examples;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.type.LogicalType;
import dev.grader.InvalidInputException;
import dev.grader.internal.InputFiles;
import dev.grader.internal.IoErrors;
import dev.grader.internal.Json;
import dev.grader.internal.LineCappedReader;
import dev.grader.internal.LineReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
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
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads graded answers in the {@code eval} gold format: JSON Lines with {@code question}, {@code answer},
 * {@code score} and {@code scale} (and optionally {@code id}, {@code kind} and {@code misconceptions}, the
 * misconceptions a person noted; other fields are ignored), or a
 * CSV/TSV table with those columns (a row whose score is empty is not graded yet and is left out). Lines are read one at a time and capped at {@link LineReader#MAX_LINE_BYTES}.
 * Every problem is one {@link InvalidInputException} naming the file, the line and what is wrong.
 */
final class ExampleReader {

    private static final ObjectReader LINE = lineReader();

    private ExampleReader() {
    }

    static List<GradedExample> read(Path file) {
        String source = file.toString();
        if (Files.isDirectory(file)) {
            throw new InvalidInputException(source, null, "is a directory, expected a file of graded examples");
        }
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, source, isTable(file));
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(source, null, "no such file");
        } catch (IOException e) {
            throw new InvalidInputException(source, null, "cannot read: " + IoErrors.reason(e), e);
        }
    }

    static List<GradedExample> parse(String text, String source) {
        try {
            return read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), source,
                    isTable(Path.of(source)));
        } catch (IOException e) {
            throw new IllegalStateException("a byte array stream does not fail", e);
        }
    }

    private static boolean isTable(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".csv") || name.endsWith(".tsv");
    }

    private static List<GradedExample> read(InputStream in, String source, boolean table) throws IOException {
        List<GradedExample> out = table ? readTable(in, source, source.toLowerCase(Locale.ROOT).endsWith(".tsv"))
                : readLines(in, source);
        if (out.isEmpty()) {
            throw new InvalidInputException(source, null, "no graded examples: expected one JSON object a line with "
                    + "question, answer, score and scale" + (table ? " (or a table with those columns)" : ""));
        }
        Map<String, String> seen = new HashMap<>();
        for (GradedExample e : out) {
            String first = seen.putIfAbsent(e.id(), e.id());
            if (first != null && !e.id().startsWith("line ")) {
                throw new InvalidInputException(source, null, "duplicate id '" + e.id() + "'");
            }
        }
        return out;
    }

    private static List<GradedExample> readLines(InputStream in, String source) throws IOException {
        List<GradedExample> out = new ArrayList<>();
        LineReader lines = new LineReader(in, LineReader.MAX_LINE_BYTES);
        while (lines.next()) {
            String at = "line " + lines.lineNumber();
            if (lines.tooLong()) {
                throw new InvalidInputException(source, at, lines.tooLongReason());
            }
            String text = decode(lines, source, at);
            if (lines.lineNumber() == 1 && text.startsWith("\uFEFF")) {
                text = text.substring(1);
            }
            if (text.isBlank()) {
                continue;
            }
            Line line;
            try {
                line = LINE.readValue(text);
            } catch (MismatchedInputException e) {
                throw new InvalidInputException(source, at, mismatch(e), e);
            } catch (JsonProcessingException e) {
                throw new InvalidInputException(source, at, "malformed JSON: " + Json.problem(e), e);
            }
            if (line == null) {
                throw new InvalidInputException(source, at, "expected a JSON object with question, answer, score "
                        + "and scale, found null");
            }
            out.add(example(line.id(), line.question(), line.answer(), line.score(), line.scale(), line.kind(),
                    line.misconceptions(), source, at));
        }
        return out;
    }

    private static List<GradedExample> readTable(InputStream in, String source, boolean tabs) throws IOException {
        CSVFormat format = (tabs ? CSVFormat.TDF : CSVFormat.DEFAULT).builder().setHeader().setSkipHeaderRecord(true)
                .setAllowMissingColumnNames(true).setIgnoreEmptyLines(true).get();
        Reader text = new LineCappedReader(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)),
                LineReader.MAX_LINE_BYTES);
        List<GradedExample> out = new ArrayList<>();
        int ungraded = 0;
        try (CSVParser parser = CSVParser.parse(text, format)) {
            Map<String, String> columns = new HashMap<>();
            parser.getHeaderNames().forEach(h -> columns.putIfAbsent(h.strip().toLowerCase(Locale.ROOT), h));
            for (String required : List.of("question", "answer", "score", "scale")) {
                if (!columns.containsKey(required)) {
                    throw new InvalidInputException(source, "line 1", "the header has no '" + required
                            + "' column (needs question, answer, score and scale; id and kind are optional)");
                }
            }
            for (CSVRecord r : parser) {
                String at = "line " + parser.getCurrentLineNumber();
                String score = cell(r, columns.get("score"));
                if (score == null || score.isBlank()) {
                    ungraded++;
                    continue; // a row picked for grading and not graded yet (grader batch --pick-examples)
                }
                out.add(example(cell(r, columns.get("id")), cell(r, columns.get("question")),
                        cell(r, columns.get("answer")), number(cell(r, columns.get("score")), "score", source, at),
                        number(cell(r, columns.get("scale")), "scale", source, at), cell(r, columns.get("kind")),
                        notes(r, columns.get("misconceptions")),
                        source, at));
            }
        } catch (UncheckedIOException | IllegalStateException | IllegalArgumentException | IOException e) {
            Throwable cause = e;
            while (cause.getCause() != null) {
                cause = cause.getCause();
            }
            if (cause instanceof CharacterCodingException) {
                throw new InvalidInputException(source, null, "not valid UTF-8 text; save the table as UTF-8");
            }
            if (cause instanceof LineCappedReader.LineTooLongException tooLong) {
                throw new InvalidInputException(source, "line " + tooLong.line(), "longer than "
                        + InputFiles.megabytes(LineReader.MAX_LINE_BYTES) + ", the limit for one line");
            }
            throw new InvalidInputException(source, null, "malformed CSV: "
                    + String.valueOf(cause.getMessage()).replaceAll("\\s*\\R\\s*", " ").strip(), e);
        }
        if (out.isEmpty() && ungraded > 0) {
            throw new InvalidInputException(source, null, "no graded examples yet: the score column is empty in "
                    + (ungraded == 1 ? "its only row" : "all " + ungraded + " rows") + "; fill in the scores first");
        }
        return out;
    }

    private static GradedExample example(String id, String question, String answer, Double score, Double scale,
                                         String kind, List<String> misconceptions, String source,
                                         String at) {
        if (question == null || question.isBlank()) {
            throw new InvalidInputException(source, at, question == null ? "missing required field 'question'"
                    : "field 'question' is empty");
        }
        if (answer == null) {
            throw new InvalidInputException(source, at, "missing required field 'answer'");
        }
        if (score == null || scale == null) {
            throw new InvalidInputException(source, at, "missing required field '" + (score == null ? "score"
                    : "scale") + "'");
        }
        if (!Double.isFinite(score) || !Double.isFinite(scale) || !(scale > 0)) {
            throw new InvalidInputException(source, at, "score and scale must be finite numbers and scale greater "
                    + "than 0, found score " + plain(score) + " and scale " + plain(scale));
        }
        if (misconceptions != null && misconceptions.contains(null)) {
            throw new InvalidInputException(source, at, "field 'misconceptions' must be a list of strings, found "
                    + "null in it");
        }
        if (!(score >= 0 && score <= scale)) {
            throw new InvalidInputException(source, at, "score " + plain(score) + " is outside 0.." + plain(scale)
                    + " (the line's scale)");
        }
        String name = id == null || id.isBlank() ? at : id.strip();
        return new GradedExample(name, question.strip(), answer, score, scale,
                kind == null || kind.isBlank() ? null : kind.strip(), misconceptions);
    }

    /** A misconceptions cell: notes separated by semicolons; an empty cell notes none. */
    private static List<String> notes(CSVRecord record, String column) {
        if (column == null || !record.isMapped(column)) {
            return null;
        }
        String cell = record.isSet(column) ? record.get(column) : "";
        return java.util.Arrays.stream(cell.split(";")).map(String::strip).filter(n -> !n.isEmpty()).toList();
    }

    private static Double number(String cell, String field, String source, String at) {
        if (cell == null || cell.isBlank()) {
            return null;
        }
        try {
            return Double.parseDouble(cell.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(source, at, "field '" + field + "' must be a number, found '"
                    + cell.strip() + "'");
        }
    }

    private static String cell(CSVRecord record, String column) {
        return column == null || !record.isMapped(column) || !record.isSet(column) ? null : record.get(column);
    }

    private static String mismatch(MismatchedInputException e) {
        List<JsonMappingException.Reference> path = e.getPath();
        if (path.isEmpty() || path.get(0).getFieldName() == null) {
            return "expected a JSON object with question, answer, score and scale";
        }
        String field = path.get(0).getFieldName();
        if (field.equals("misconceptions")) {
            return "field 'misconceptions' must be a list of strings";
        }
        return "field '" + field + "' must be " + (field.equals("score") || field.equals("scale") ? "a number"
                : "a string");
    }

    private static String decode(LineReader lines, String source, String at) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(lines.buffer(), 0, lines.length())).toString();
        } catch (CharacterCodingException e) {
            throw new InvalidInputException(source, at, "not valid UTF-8 text");
        }
    }

    private static String plain(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    private static ObjectReader lineReader() {
        ObjectMapper mapper = Json.mapper().copy();
        mapper.coercionConfigFor(LogicalType.Float).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Float).setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        return mapper.readerFor(Line.class).with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    private record Line(String id, String question, String answer, Double score, Double scale, String kind,
                        List<String> misconceptions) {
    }
}
