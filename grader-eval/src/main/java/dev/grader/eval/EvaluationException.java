package dev.grader.eval;

import dev.grader.Api;

/**
 * Grading failed during an evaluation for a reason other than bad input: a bug in a judge, or an interrupt.
 */
@Api(status = Api.Status.EXPERIMENTAL)
public class EvaluationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public EvaluationException(String message, Throwable cause) {
        super(message, cause);
    }
}
