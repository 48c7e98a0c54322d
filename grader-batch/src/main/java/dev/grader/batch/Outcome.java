package dev.grader.batch;

/**
 * How one candidate's grading ended in this run.
 *
 * @param planned the candidate
 * @param kind    graded, unreadable, failed, or pending (cancelled first)
 * @param reason  why it is not graded, or null
 * @param usage   judge usage of its answers, {@link Usage#NONE} unless graded
 */
record Outcome(Planned planned, Kind kind, String reason, Usage usage) {

    /** The ways a candidate's grading ends. */
    enum Kind { GRADED, UNREADABLE, FAILED, PENDING }

    static Outcome graded(Planned p, Usage usage) {
        return new Outcome(p, Kind.GRADED, null, usage);
    }

    static Outcome unreadable(Planned p, String reason) {
        return new Outcome(p, Kind.UNREADABLE, reason, Usage.NONE);
    }

    static Outcome failed(Planned p, String reason) {
        return new Outcome(p, Kind.FAILED, reason, Usage.NONE);
    }

    static Outcome pending(Planned p) {
        return new Outcome(p, Kind.PENDING, null, Usage.NONE);
    }
}
