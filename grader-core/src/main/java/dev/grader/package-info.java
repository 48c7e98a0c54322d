/**
 * Grading free-text answers against a rubric: {@link dev.grader.Grader} (built once, thread-safe), the
 * {@link dev.grader.GradeReport} it returns, {@link dev.grader.Rubrics} to load rubrics, and the
 * {@link dev.grader.Judge} abstraction every judge and policy implements.
 *
 * <p>Start here; the other exported packages hold the rubric model, the bank compiler, the judges, scoring and
 * the report renderers. {@link dev.grader.Api} marks how stable each public type is.
 */
package dev.grader;
