package dev.grader.eval;

import dev.grader.Api;
import dev.grader.OutputWriteException;
import java.util.Objects;

/**
 * Every answer was graded, but the predictions file could not be written: the measurements are still here, so
 * a caller can report them before the error.
 */
@Api(status = Api.Status.EXPERIMENTAL)
public class PredictionsNotWrittenException extends OutputWriteException {

    private static final long serialVersionUID = 1L;

    private final transient EvaluationResult result;

    /**
     * @param file   the predictions file
     * @param reason why it could not be written, such as {@code no space left on device}
     * @param result the evaluation's result
     * @param cause  the I/O failure
     */
    public PredictionsNotWrittenException(String file, String reason, EvaluationResult result, Throwable cause) {
        super(file, "cannot write predictions: " + reason, cause);
        this.result = Objects.requireNonNull(result, "result");
    }

    /** The measurements of the run whose predictions were not written. */
    public EvaluationResult result() {
        return result;
    }
}
