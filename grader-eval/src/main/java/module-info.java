/**
 * How well grader agrees with human grades: gold answers in, agreement metrics, breakdowns and predictions out.
 */
module dev.grader.eval {
    requires transitive dev.grader.core;
    requires com.fasterxml.jackson.core;
    requires com.fasterxml.jackson.databind;

    exports dev.grader.eval;

    opens dev.grader.eval to com.fasterxml.jackson.databind;
}
