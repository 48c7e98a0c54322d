package dev.grader.rubric;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.grader.Api;

/**
 * Where a rubric came from.
 *
 * @param file   the bank's file name (no directories, so the rubric is the same wherever it was compiled)
 * @param sha256 hex SHA-256 of the bank's bytes
 * @param format the bank format that was parsed: {@code text}, {@code markdown} or {@code jsonl}
 */
@Api(status = Api.Status.STABLE)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RubricSource(String file, String sha256, String format) {
}
