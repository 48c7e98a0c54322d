package dev.grader.batch;

import dev.grader.Api;
import dev.grader.rubric.Question;
import dev.grader.rubric.Rubric;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How {@code grader batch} reads a table of answers, for front ends that read tables their own way (grader-spark
 * reads them with Spark's file sources): which columns hold the candidate, question and answer, how a question
 * label ({@code Q4}, {@code 4}, {@code Question 4}, the question's text) names a rubric question, and how one JSON
 * Lines line is read. Using these rules, such a front end takes exactly the rows batch takes.
 *
 * <p>Thread-safe.
 */
@Api(status = Api.Status.EXPERIMENTAL)
public final class TableRules {

    /** The longest line of a JSON Lines or CSV table batch reads (4 MB). */
    public static final int MAX_LINE_BYTES = dev.grader.internal.LineReader.MAX_LINE_BYTES;

    private final QuestionResolver resolver;

    private TableRules(Rubric rubric) {
        this.resolver = new QuestionResolver(rubric);
    }

    /** The rules for tables of answers to the questions of {@code rubric}. */
    public static TableRules of(Rubric rubric) {
        return new TableRules(Objects.requireNonNull(rubric, "rubric"));
    }

    /**
     * The id of the question a table names with {@code label}: an id (also ignoring case), a number, a label such
     * as {@code Question 4}, or the question's text; null when it names no question of the rubric.
     */
    public String questionId(String label) {
        if (label == null) {
            return null;
        }
        Question q = resolver.resolveLabel(label);
        return q == null ? null : q.id();
    }

    /**
     * The columns of a "long" table, matched as batch matches them (ignoring case, spaces, underscores and
     * dashes): {@code candidate} (or {@code name}, {@code email}, {@code student id}, ...), {@code question},
     * {@code answer}. A column not found is null.
     *
     * @param candidate the candidate column
     * @param question  the question column
     * @param answer    the answer column
     */
    public record Columns(String candidate, String question, String answer) {

        /** Whether the table has one row per answer (candidate, question, answer). */
        public boolean isLong() {
            return candidate != null && question != null && answer != null;
        }
    }

    /** The candidate, question and answer columns among {@code header}. */
    public static Columns columns(List<String> header) {
        return new Columns(TableReader.candidateColumn(header), TableReader.column(header, "question"),
                TableReader.column(header, "answer"));
    }

    /**
     * The columns of a "wide" table (one row per candidate, one column per question, as form tools export) that
     * name a question of the rubric, in header order, with the question id each names.
     */
    public Map<String, String> questionColumns(List<String> header, String candidateColumn) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String h : header) {
            Question q = h.equals(candidateColumn) ? null : resolver.resolveLabel(h);
            if (q != null) {
                out.putIfAbsent(h, q.id());
            }
        }
        return out;
    }

    /**
     * One line of a JSON Lines table, read as batch reads it: strict UTF-8, one object with {@code candidate},
     * {@code question} (a string or a number) and {@code answer} (a string, or null or absent for none).
     *
     * @param candidate the candidate, or null
     * @param question  the question label as written, or null
     * @param answer    the answer as written; empty when null or absent
     * @param problem   why the line cannot be graded ({@code not valid UTF-8 text}, {@code malformed JSON: ...},
     *                  {@code missing field 'candidate'}, ...), or null
     */
    public record JsonLine(String candidate, String question, String answer, String problem) {
    }

    /** The line's fields, or its problem; null for a blank line. A leading byte order mark is dropped. */
    public static JsonLine jsonLine(byte[] bytes) {
        TableReader.JsonLine line = TableReader.parseJsonLine(bytes, 0, bytes.length, true);
        return line == null ? null : new JsonLine(line.candidate(), line.question(), line.answer(), line.problem());
    }
}
