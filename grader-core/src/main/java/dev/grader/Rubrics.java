package dev.grader;

import dev.grader.rubric.Rubric;
import dev.grader.rubric.RubricReader;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Loading rubrics: from a file, from the class path, from a string. Every load validates against the rubric
 * JSON Schema and fails with an {@link InvalidInputException} naming the file, place and rule.
 */
@Api(status = Api.Status.STABLE)
public final class Rubrics {

    /** Class-path resource of the rubric grader ships with (Go net/http server concurrency, 33 questions). */
    public static final String DEFAULT_RESOURCE = "/dev/grader/rubrics/net-http-server-concurrency.json";

    /** Class-path resource of the graded example answers that ship with the default rubric. */
    public static final String DEFAULT_EXAMPLES_RESOURCE =
            "/dev/grader/rubrics/net-http-server-concurrency.examples.jsonl";

    /** The file name suffix of a rubric's graded examples, found beside it: {@code bank.json} has {@code bank.examples.jsonl}. */
    public static final String EXAMPLES_SUFFIX = ".examples.jsonl";

    private Rubrics() {
    }

    /** The graded example answers that ship with {@link #defaultRubric()}: at least four per question. */
    public static dev.grader.examples.GradedExamples defaultExamples() {
        try (java.io.InputStream in = Rubrics.class.getResourceAsStream(DEFAULT_EXAMPLES_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + DEFAULT_EXAMPLES_RESOURCE);
            }
            return dev.grader.examples.GradedExamples.parse(
                    new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8),
                    "net-http-server-concurrency.examples.jsonl");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * The graded examples kept beside a rubric file ({@code rubric.json}, or the bank {@code rubric.txt}, has
     * {@code rubric.examples.jsonl}), or none when there is no such file.
     *
     * @throws InvalidInputException if the file exists but has a bad line
     */
    public static dev.grader.examples.GradedExamples examplesBeside(Path rubricFile) {
        Path beside = rubricFile.resolveSibling(examplesFileName(rubricFile.getFileName().toString()));
        return java.nio.file.Files.isRegularFile(beside) ? dev.grader.examples.GradedExamples.read(beside)
                : dev.grader.examples.GradedExamples.NONE;
    }

    /** The name of a rubric's examples file: {@code bank.json} → {@code bank.examples.jsonl}. */
    public static String examplesFileName(String rubricFileName) {
        int dot = rubricFileName.lastIndexOf('.');
        return (dot > 0 ? rubricFileName.substring(0, dot) : rubricFileName) + EXAMPLES_SUFFIX;
    }

    /** The shipped net/http server concurrency rubric. */
    public static Rubric defaultRubric() {
        return RubricReader.readResource(DEFAULT_RESOURCE);
    }

    /**
     * A rubric file (UTF-8 JSON).
     *
     * @throws InvalidInputException if the file is missing or unreadable, not JSON, or breaks the schema (the
     *                               message names the file, line and rule)
     */
    public static Rubric fromFile(Path file) {
        return RubricReader.read(Objects.requireNonNull(file, "file"));
    }

    /**
     * A rubric from the class path, such as {@code /dev/grader/rubrics/net-http-server-concurrency.json}.
     *
     * @throws InvalidInputException if there is no such resource, or it is not a valid rubric
     */
    public static Rubric fromClasspath(String resource) {
        Objects.requireNonNull(resource, "resource");
        return RubricReader.readResource(resource.startsWith("/") ? resource : "/" + resource);
    }

    /**
     * A rubric from JSON text.
     *
     * @param json   the rubric
     * @param source a name for error messages
     * @throws InvalidInputException if the text is not JSON or breaks the schema
     */
    public static Rubric fromString(String json, String source) {
        return RubricReader.parse(Objects.requireNonNull(json, "json"), Objects.requireNonNull(source, "source"));
    }
}
