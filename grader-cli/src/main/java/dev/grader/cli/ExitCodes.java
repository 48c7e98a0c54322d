package dev.grader.cli;

import dev.grader.InvalidInputException;
import dev.grader.OutputWriteException;
import picocli.CommandLine.IExitCodeExceptionMapper;

/** Every exit code of the CLI, and the one place where exceptions become exit codes. */
final class ExitCodes {

    /** The command did what was asked. */
    static final int OK = 0;
    /** The command ran but found problems (lint findings) or some items failed. */
    static final int FINDINGS = 1;
    /** Bad usage or bad input (a parse error, a missing or malformed file): nothing useful was done. */
    static final int INPUT_ERROR = 2;
    /**
     * A bug in grader. Same value as {@link #INPUT_ERROR}: a script cannot recover from either, and 1 stays
     * reserved for "ran fine, found problems".
     */
    static final int INTERNAL_ERROR = 2;
    /**
     * Output could not be written after the work was done (a full device, a folder that became read-only): what
     * was written is complete; fix the cause and rerun ({@code batch} resumes where it stopped).
     */
    static final int OUTPUT_ERROR = 3;
    /** Stopped by Ctrl-C (SIGINT): what finished is saved. 128 + the signal number, as shells report it. */
    static final int INTERRUPTED = 130;

    private ExitCodes() {
    }

    static IExitCodeExceptionMapper mapper() {
        return ExitCodes::of;
    }

    static int of(Throwable exception) {
        if (exception instanceof OutputWriteException) {
            return OUTPUT_ERROR;
        }
        return exception instanceof InvalidInputException ? INPUT_ERROR : INTERNAL_ERROR;
    }
}
