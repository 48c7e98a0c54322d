package dev.grader.cli;

import dev.grader.InvalidInputException;
import dev.grader.Rubrics;
import dev.grader.rubric.Rubric;
import dev.grader.rubric.RubricLinter;
import dev.grader.rubric.RubricReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * The rubric a command works on: the file given on the command line or, without one, the rubric grader ships
 * with. Every failure is an {@link InvalidInputException} that names the file.
 */
final class RubricInput {

    private RubricInput() {
    }

    /** For grading: read, validated against the schema and the linter's errors (named after the file), bound. */
    static Rubric load(Path file) {
        Rubric rubric = read(file);
        if (file != null) {
            RubricLinter.requireUsable(rubric, file.toString());
        }
        return rubric;
    }

    /** For showing: read and validated against the schema only, so a rubric being fixed can still be looked at. */
    static Rubric read(Path file) {
        return file == null ? Rubrics.defaultRubric() : Rubrics.fromFile(file);
    }

    /** The name messages use for the rubric: the path as given, or the class-path resource. */
    static String name(Path file) {
        return file == null ? "classpath:" + Rubrics.DEFAULT_RESOURCE : file.toString();
    }

    /** The rubric's raw text, for checks that must see the file before it binds. */
    static String text(Path file) {
        String name = name(file);
        return RubricReader.decode(file == null ? shippedBytes(name) : fileBytes(file), name);
    }

    private static byte[] fileBytes(Path file) {
        return RubricReader.readBytes(file);
    }

    private static byte[] shippedBytes(String name) {
        try (InputStream in = RubricInput.class.getResourceAsStream(Rubrics.DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new InvalidInputException(name, null, "no such resource on the class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new InvalidInputException(name, null, "cannot read: " + e.getMessage(), e);
        }
    }
}
