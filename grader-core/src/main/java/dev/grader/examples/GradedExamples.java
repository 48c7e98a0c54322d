package dev.grader.examples;

import dev.grader.Api;
import dev.grader.InvalidInputException;
import dev.grader.internal.Hashing;
import dev.grader.rubric.Rubric;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Answers already graded by a person, by question: what grading by example learns from. Read from the
 * {@code eval} gold format (JSON Lines or CSV with question, answer, score and scale), checked against a rubric
 * like a gold file is.
 *
 * <pre>{@code
 * GradedExamples examples = GradedExamples.read(Path.of("graded.jsonl"));
 * Grader grader = Grader.builder().rubric(rubric).examples(examples).build();
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
@Api(status = Api.Status.EXPERIMENTAL)
public final class GradedExamples {

    /** No examples: grading is exactly reference-based. */
    public static final GradedExamples NONE = new GradedExamples(List.of(), List.of(), "none");

    private final List<GradedExample> all;
    private final List<String> places;
    private final List<String> sources;
    private final String source;
    private final Map<String, List<GradedExample>> byQuestion;
    private final String sha256;

    private GradedExamples(List<GradedExample> all, List<String> places, String source) {
        this(all, places, Collections.nCopies(all.size(), source), source);
    }

    private GradedExamples(List<GradedExample> all, List<String> places, List<String> sources, String source) {
        this.all = List.copyOf(all);
        this.places = List.copyOf(places);
        this.sources = List.copyOf(sources);
        this.source = source;
        Map<String, List<GradedExample>> by = new LinkedHashMap<>();
        for (GradedExample e : this.all) {
            by.computeIfAbsent(e.questionId(), k -> new ArrayList<>()).add(e);
        }
        by.replaceAll((k, v) -> List.copyOf(v));
        this.byQuestion = Collections.unmodifiableMap(by);
        StringBuilder content = new StringBuilder();
        for (GradedExample e : this.all) {
            content.append(e.questionId()).append('\u0000').append(e.answer()).append('\u0000').append(e.fraction())
                    .append('\n');
        }
        this.sha256 = Hashing.sha256(content.toString());
    }

    /**
     * These examples and {@code more}, as one set: each example keeps the file and line it came from, for
     * messages.
     */
    public GradedExamples plus(GradedExamples more) {
        if (more.isEmpty()) {
            return this;
        }
        if (isEmpty()) {
            return more;
        }
        List<GradedExample> together = new ArrayList<>(all);
        together.addAll(more.all);
        List<String> where = new ArrayList<>(places);
        where.addAll(more.places);
        List<String> from = new ArrayList<>(sources);
        from.addAll(more.sources);
        return new GradedExamples(together, where, from, source + " and " + more.source);
    }

    /** Examples given in code; {@code source} names them in messages. */
    public static GradedExamples of(List<GradedExample> examples, String source) {
        Objects.requireNonNull(examples, "examples");
        List<String> places = new ArrayList<>();
        for (int i = 0; i < examples.size(); i++) {
            places.add("example " + (i + 1));
        }
        return new GradedExamples(examples, places, Objects.requireNonNull(source, "source"));
    }

    /**
     * Reads a file of graded examples: {@code .csv}/{@code .tsv} as a table, anything else as JSON Lines.
     *
     * @throws InvalidInputException naming the file and line of the first problem
     */
    public static GradedExamples read(Path file) {
        List<GradedExample> read = ExampleReader.read(Objects.requireNonNull(file, "file"));
        return new GradedExamples(read, places(read), file.toString());
    }

    /** Reads graded examples from JSON Lines (or CSV when {@code source} ends in .csv/.tsv). */
    public static GradedExamples parse(String text, String source) {
        List<GradedExample> read = ExampleReader.parse(Objects.requireNonNull(text, "text"),
                Objects.requireNonNull(source, "source"));
        return new GradedExamples(read, places(read), source);
    }

    private static List<String> places(List<GradedExample> read) {
        return read.stream().map(e -> e.id().startsWith("line ") ? e.id() : "example '" + e.id() + "'").toList();
    }

    /**
     * Checks every example against the rubric it is used with, like a gold file: an unknown question is one
     * clear line naming the file, the example and the valid ids.
     *
     * @return this
     * @throws InvalidInputException on the first example of a question the rubric lacks
     */
    public GradedExamples checkAgainst(Rubric rubric) {
        List<String> ids = rubric.questionIds();
        for (int i = 0; i < all.size(); i++) {
            String q = all.get(i).questionId();
            if (rubric.question(q).isEmpty()) {
                throw new InvalidInputException(sources.get(i), places.get(i), "unknown question '" + q + "'; rubric "
                        + rubric.id() + " has " + abbreviate(ids));
            }
        }
        return this;
    }

    private static String abbreviate(List<String> ids) {
        return ids.size() <= 6 ? String.join(", ", ids)
                : String.join(", ", ids.subList(0, 3)) + ", ..., " + ids.get(ids.size() - 1);
    }

    /** Every example, in file order. */
    public List<GradedExample> all() {
        return all;
    }

    /** The examples of one question, in file order; empty when it has none. */
    public List<GradedExample> forQuestion(String questionId) {
        return byQuestion.getOrDefault(questionId, List.of());
    }

    /** The questions that have examples, in order of first appearance. */
    public List<String> questionIds() {
        return List.copyOf(byQuestion.keySet());
    }

    public boolean isEmpty() {
        return all.isEmpty();
    }

    public int size() {
        return all.size();
    }

    /** Where the examples came from (a file name), for messages and audits. */
    public String source() {
        return source;
    }

    /** SHA-256 of the questions, answers and grades: the same examples give the same hash. */
    public String sha256() {
        return sha256;
    }
}
