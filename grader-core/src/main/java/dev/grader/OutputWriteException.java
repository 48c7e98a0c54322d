package dev.grader;

import java.util.Objects;

/**
 * Output that could not be written once the work was done: a full device, a folder that became read-only. The
 * message is one line naming the file and the file system's reason. What was written before is complete (files
 * are replaced atomically), so rerunning once the cause is fixed finishes the job; the CLI exits with 3.
 */
@Api(status = Api.Status.STABLE)
public class OutputWriteException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String file;

    /**
     * @param file    the file that could not be written
     * @param problem what went wrong, such as {@code cannot write: No space left on device}
     * @param cause   the I/O failure
     */
    public OutputWriteException(String file, String problem, Throwable cause) {
        super(Objects.requireNonNull(file, "file") + ": " + Objects.requireNonNull(problem, "problem"), cause);
        this.file = file;
    }

    /** The file that could not be written. */
    public String file() {
        return file;
    }
}
