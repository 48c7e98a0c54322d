package dev.grader.rubric;

import dev.grader.Api;
import dev.grader.internal.AtomicFiles;
import dev.grader.internal.Json;
import java.io.IOException;
import java.nio.file.Path;

/** Writes rubrics in their canonical form: same rubric, byte-identical file. */
@Api(status = Api.Status.STABLE)
public final class RubricWriter {

    private RubricWriter() {
    }

    /** The canonical JSON text of a rubric, ending with a newline. */
    public static String toJson(Rubric rubric) {
        return Json.pretty(rubric);
    }

    /** Writes atomically: an interrupted write never leaves a half-written rubric behind. */
    public static void write(Rubric rubric, Path file) throws IOException {
        AtomicFiles.writeString(file, toJson(rubric));
    }
}
