/**
 * The rubric model (immutable records), its JSON form, schema validation and semantic checks.
 *
 * <p>A {@link dev.grader.rubric.Rubric} is what {@code grader compile} writes and every judge reads:
 * questions with weighted key points, known misconceptions and follow-up probes.
 */
package dev.grader.rubric;
