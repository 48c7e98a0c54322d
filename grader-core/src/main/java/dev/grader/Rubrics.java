package dev.grader;

import dev.grader.rubric.Rubric;
import dev.grader.rubric.RubricReader;
import java.nio.file.Path;

/**
 * Loading rubrics: from a file, from the class path, from a string. Every load validates against the rubric
 * JSON Schema and fails with an {@link InvalidInputException} naming the file, place and rule.
 *
 * <p>Status: stable.
 */
public final class Rubrics {

    /** Class-path resource of the rubric grader ships with (Go net/http server concurrency, 33 questions). */
    public static final String DEFAULT_RESOURCE = "/dev/grader/rubrics/net-http-server-concurrency.json";

    private Rubrics() {
    }

    /** The shipped net/http server concurrency rubric. */
    public static Rubric defaultRubric() {
        return RubricReader.readResource(DEFAULT_RESOURCE);
    }

    public static Rubric fromFile(Path file) {
        return RubricReader.read(file);
    }

    /** A rubric from the class path, such as {@code /dev/grader/rubrics/net-http-server-concurrency.json}. */
    public static Rubric fromClasspath(String resource) {
        return RubricReader.readResource(resource.startsWith("/") ? resource : "/" + resource);
    }

    /**
     * A rubric from JSON text.
     *
     * @param json   the rubric
     * @param source a name for error messages
     */
    public static Rubric fromString(String json, String source) {
        return RubricReader.parse(json, source);
    }
}
