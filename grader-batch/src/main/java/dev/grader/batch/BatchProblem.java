package dev.grader.batch;

import dev.grader.Api;

/**
 * Something of a batch's input that could not be graded: an unreadable submission, a malformed table row, a
 * grading failure.
 *
 * @param source    the file, as given on the command line
 * @param location  the place in it ({@code line 7}), or null for the whole file
 * @param candidate the candidate concerned (its pseudonym under anonymization), or null when unknown
 * @param reason    what is wrong, in words for the user
 */
@Api(status = Api.Status.EXPERIMENTAL)
public record BatchProblem(String source, String location, String candidate, String reason) {

    /** {@code answers.jsonl: line 7: malformed JSON ...}: the one-line form for consoles and logs. */
    public String message() {
        return source + (location == null ? "" : ": " + location) + ": " + reason;
    }
}
