/**
 * Answers already graded by a person ({@link dev.grader.examples.GradedExamples}), from which grading by example
 * learns how the reference-based judge errs on answers like them.
 */
package dev.grader.examples;
