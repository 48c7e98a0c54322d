/**
 * {@code grader quiz}: a drill that asks questions, reads multi-line answers, grades them, asks one follow-up
 * and ends with a summary of what to review. Internal: driven by the command, not a library API.
 */
package dev.grader.cli.quiz;
