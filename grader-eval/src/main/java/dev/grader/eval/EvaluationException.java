package dev.grader.eval;

/**
 * Grading failed during an evaluation for a reason other than bad input: a bug in a judge, or an interrupt.
 *
 * <p>Status: experimental.
 */
public class EvaluationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public EvaluationException(String message, Throwable cause) {
        super(message, cause);
    }
}
