package dev.grader.batch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.grader.internal.Json;
import dev.grader.rubric.Question;
import dev.grader.internal.InputFiles;
import dev.grader.internal.LineCappedReader;
import dev.grader.internal.LineReader;
import java.io.BufferedInputStream;
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
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a table of answers, the export format of form tools:
 * <ul>
 *   <li>JSON Lines: one object a line with {@code candidate}, {@code question} (an id, a number, or the
 *       question's text) and {@code answer};</li>
 *   <li>CSV (or TSV): the same three columns ("long"), or a {@code candidate} column and one column per question
 *       named by id, number or text ("wide": one row per candidate, as most form tools export).</li>
 * </ul>
 * A bad line or row is a {@link BatchProblem} and the rest is read; a file that is not UTF-8 text or not a table
 * at all is one problem and gives no candidates. Rows are grouped by candidate; a question answered twice keeps
 * the later answer, with a note.
 */
final class TableReader {

    /** Tables hold a whole cohort, but not gigabytes of it. */
    static final long MAX_BYTES = 256L * 1024 * 1024;

    /** Column names accepted for the candidate, compared ignoring case, spaces and underscores. */
    private static final Set<String> CANDIDATE_COLUMNS = Set.of("candidate", "candidateid", "name", "email",
            "emailaddress", "username", "student", "studentid", "respondent");

    private final QuestionResolver resolver;

    TableReader(QuestionResolver resolver) {
        this.resolver = resolver;
    }

    /**
     * The candidates of a table and the problems found on the way.
     *
     * @param candidates one submission per candidate, in order of first appearance
     * @param problems   bad lines or rows, or one problem for the whole file
     */
    record Table(List<TableSubmission> candidates, List<BatchProblem> problems) {
    }

    static boolean isTable(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".jsonl") || name.endsWith(".ndjson") || name.endsWith(".csv") || name.endsWith(".tsv");
    }

    Table read(Path file, String source) throws IOException {
        long size = Files.size(file);
        if (size > MAX_BYTES) {
            return fileProblem(source, "file too large (" + (size >> 20) + " MB; the limit is " + (MAX_BYTES >> 20)
                    + " MB)");
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        Rows rows = new Rows(source);
        // streamed, a line at a time: only the rows read so far are held, and no line beyond the line limit
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
                readJsonLines(in, rows);
            } else {
                readCsv(in, name.endsWith(".tsv"), rows);
            }
        }
        if (rows.byCandidate.isEmpty() && rows.problems.isEmpty()) {
            return fileProblem(source, "no answers in it");
        }
        return new Table(rows.submissions(), rows.problems);
    }

    private static Table fileProblem(String source, String reason) {
        return new Table(List.of(), List.of(new BatchProblem(source, null, null, reason)));
    }

    private void readJsonLines(InputStream in, Rows rows) throws IOException {
        LineReader lines = new LineReader(in, LineReader.MAX_LINE_BYTES);
        while (lines.next()) {
            if (lines.tooLong()) {
                rows.problem("line " + lines.lineNumber(), null, lines.tooLongReason());
                lines.skipRest();
                continue;
            }
            readJsonLine(lines.buffer(), 0, lines.length(), lines.lineNumber(), rows);
        }
    }

    private void readJsonLine(byte[] bytes, int from, int to, int lineNo, Rows rows) {
        String at = "line " + lineNo;
        JsonLine line = parseJsonLine(bytes, from, to - from, lineNo == 1);
        if (line == null) {
            return;
        }
        if (line.problem() != null) {
            rows.problem(at, line.candidate(), line.problem());
        } else {
            rows.add(line.candidate().strip(), at, line.question(), line.answer());
        }
    }

    /**
     * One line of a JSON Lines table as read by batch (and by other front ends, through {@link TableRules}).
     *
     * @param candidate the {@code candidate} value, or null
     * @param question  the {@code question} value as written (id, number or text), or null
     * @param answer    the answer; empty for a missing or null one
     * @param problem   why the line cannot be graded, or null
     */
    record JsonLine(String candidate, String question, String answer, String problem) {
    }

    /** The line's fields or its problem; null for a blank line. A byte order mark is dropped from a first line. */
    static JsonLine parseJsonLine(byte[] bytes, int offset, int length, boolean firstLine) {
        String text;
        try {
            text = strictUtf8(bytes, offset, length);
        } catch (CharacterCodingException e) {
            return new JsonLine(null, null, null, "not valid UTF-8 text");
        }
        if (firstLine && text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (text.isBlank()) {
            return null;
        }
        JsonNode node;
        try {
            node = Json.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            return new JsonLine(null, null, null, "malformed JSON: " + Json.problem(e));
        }
        if (node == null || !node.isObject()) {
            return new JsonLine(null, null, null, "expected a JSON object with candidate, question and answer");
        }
        String candidate = scalar(node.get("candidate"));
        String question = scalar(node.get("question"));
        JsonNode answer = node.get("answer");
        if (candidate == null || candidate.isBlank()) {
            return new JsonLine(null, question, null, "missing field 'candidate'");
        } else if (question == null || question.isBlank()) {
            return new JsonLine(candidate, null, null, "missing field 'question'");
        } else if (answer != null && !answer.isNull() && !answer.isTextual()) {
            return new JsonLine(candidate, question, null, "field 'answer' must be a string");
        }
        return new JsonLine(candidate, question, answer == null || answer.isNull() ? "" : answer.asText(), null);
    }

    private void readCsv(InputStream in, boolean tabs, Rows rows) {
        CSVFormat format = (tabs ? CSVFormat.TDF : CSVFormat.DEFAULT).builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .setAllowMissingColumnNames(true)
                .setIgnoreEmptyLines(true)
                .get();
        List<Row> parsed = new ArrayList<>();
        List<String> header;
        Reader text = new LineCappedReader(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)), LineReader.MAX_LINE_BYTES);
        try (CSVParser parser = CSVParser.parse(text, format)) {
            header = parser.getHeaderNames();
            for (CSVRecord record : parser) {
                parsed.add(new Row("line " + parser.getCurrentLineNumber(), record));
            }
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            Throwable cause = innermost(e);
            if (cause instanceof CharacterCodingException) {
                rows.fileProblem(null, "not valid UTF-8 text; save the table as UTF-8");
            } else if (cause instanceof LineCappedReader.LineTooLongException tooLong) {
                rows.fileProblem("line " + tooLong.line(), "longer than "
                        + InputFiles.megabytes(LineReader.MAX_LINE_BYTES) + ", the limit for one line");
            } else {
                rows.fileProblem(null, "malformed CSV: " + oneLine(cause.getMessage()));
            }
            return;
        }
        String candidateColumn = candidateColumn(header);
        String questionColumn = column(header, "question");
        String answerColumn = column(header, "answer");
        if (candidateColumn == null) {
            rows.fileProblem(null, "no candidate column: the header needs candidate, question and answer, or candidate "
                    + "and one column per question");
            return;
        }
        if (questionColumn != null && answerColumn != null) {
            for (Row row : parsed) {
                String candidate = value(row.record(), candidateColumn);
                if (candidate.isBlank()) {
                    rows.problem(row.at(), null, "empty candidate");
                } else if (value(row.record(), questionColumn).isBlank()) {
                    rows.problem(row.at(), candidate, "empty question");
                } else {
                    rows.add(candidate.strip(), row.at(), value(row.record(), questionColumn),
                            value(row.record(), answerColumn));
                }
            }
            return;
        }
        Map<String, Question> questionColumns = new LinkedHashMap<>();
        for (String h : header) {
            Question q = h.equals(candidateColumn) ? null : resolver.resolveLabel(h);
            if (q != null) {
                questionColumns.putIfAbsent(h, q);
            }
        }
        if (questionColumns.isEmpty()) {
            rows.fileProblem(null, "no question columns: name them by question id (Q4), number or text, or use "
                    + "candidate, question and answer columns");
            return;
        }
        for (Row row : parsed) {
            String candidate = value(row.record(), candidateColumn);
            if (candidate.isBlank()) {
                rows.problem(row.at(), null, "empty candidate");
                continue;
            }
            questionColumns.forEach((h, q) -> rows.add(candidate.strip(), row.at(), q.id(), value(row.record(), h)));
        }
    }

    /** The header naming the candidate (candidate, name, email, ...), or null. */
    static String candidateColumn(List<String> header) {
        return header.stream().filter(h -> CANDIDATE_COLUMNS.contains(key(h))).findFirst().orElse(null);
    }

    static String column(List<String> header, String name) {
        return header.stream().filter(h -> key(h).equals(name)).findFirst().orElse(null);
    }

    private static String key(String header) {
        return header == null ? "" : header.toLowerCase(Locale.ROOT).replaceAll("[\\s_\\-]", "");
    }

    private static String value(CSVRecord record, String column) {
        return record.isSet(column) ? record.get(column) : "";
    }

    private static String scalar(JsonNode node) {
        if (node == null || node.isNull() || node.isContainerNode()) {
            return null;
        }
        return node.isIntegralNumber() ? node.asText() : node.isNumber() ? stripZeros(node.asText()) : node.asText();
    }

    private static String stripZeros(String number) {
        return number.replaceFirst("\\.0+$", "");
    }

    private static String strictUtf8(byte[] bytes, int offset, int length) throws CharacterCodingException {
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes, offset, length))
                .toString();
    }

    /** Commons CSV wraps its parse error twice; the innermost message is the one that says what is wrong. */
    private static Throwable innermost(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    private static String oneLine(String message) {
        return message == null ? "unreadable" : message.replaceAll("\\s*\\R\\s*", " ").strip();
    }

    private record Row(String at, CSVRecord record) {
    }

    /** Rows grouped by candidate while a table is read. */
    private final class Rows {

        private final String source;
        private final Map<String, Candidate> byCandidate = new LinkedHashMap<>();
        private final List<BatchProblem> problems = new ArrayList<>();

        Rows(String source) {
            this.source = source;
        }

        void problem(String at, String candidate, String reason) {
            problems.add(new BatchProblem(source, at, candidate, reason));
        }

        void fileProblem(String at, String reason) {
            byCandidate.clear();
            problems.add(new BatchProblem(source, at, null, reason));
        }

        void add(String candidate, String at, String questionLabel, String answer) {
            Candidate c = byCandidate.computeIfAbsent(candidate, x -> new Candidate());
            c.rows++;
            Question q = resolver.resolveLabel(questionLabel);
            if (q == null) {
                c.notes.add(at + ": question '" + HeadingDetector.clip(questionLabel.strip())
                        + "' is not in the rubric; not graded");
                return;
            }
            c.named++;
            String previous = c.where.put(q.id(), at);
            if (previous != null) {
                c.notes.add(q.id() + " answered on " + previous + " and " + at + "; the later answer was graded");
            }
            c.answers.put(q.id(), answer);
        }

        List<TableSubmission> submissions() {
            List<TableSubmission> out = new ArrayList<>();
            byCandidate.forEach((id, c) -> out.add(c.submission(id, source)));
            return out;
        }
    }

    /** One candidate's rows. */
    private final class Candidate {

        private final Map<String, String> answers = new LinkedHashMap<>();
        private final Map<String, String> where = new LinkedHashMap<>();
        private final List<String> notes = new ArrayList<>();
        private int rows;
        private int named;

        TableSubmission submission(String id, String source) {
            Map<String, String> ordered = new LinkedHashMap<>();
            StringBuilder canonical = new StringBuilder();
            for (Question q : resolver.questions()) {
                String answer = answers.get(q.id());
                if (answer != null && !answer.isBlank()) {
                    ordered.put(q.id(), answer.strip());
                    canonical.append(q.id()).append('\0').append(answer.strip()).append('\0');
                }
            }
            canonical.append('\0');
            notes.forEach(n -> canonical.append(n).append('\0'));
            byte[] bytes = canonical.toString().getBytes(StandardCharsets.UTF_8);
            if (named == 0) {
                return new TableSubmission(id, source, null, "no recognisable answers: none of its " + rows
                        + (rows == 1 ? " row names" : " rows name") + " a question of the rubric", bytes);
            }
            return new TableSubmission(id, source, new ParsedSubmission(ordered, notes), null, bytes);
        }
    }
}
