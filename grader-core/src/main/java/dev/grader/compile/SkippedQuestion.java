package dev.grader.compile;

import dev.grader.Api;

/**
 * A question of a bank that could not be compiled and was left out of the rubric, when the caller asked for the
 * rest rather than a failure ({@link BankCompiler#compileSkippingInvalid}).
 *
 * @param id       the question id, or null when the bank does not say (a malformed line)
 * @param location where it is in the bank ({@code line 7}), or null
 * @param reason   what is wrong, in words for the user
 */
@Api(status = Api.Status.EXPERIMENTAL)
public record SkippedQuestion(String id, String location, String reason) {

    /** {@code bank.jsonl: line 7: question T7: no key points ...}: the one-line form for consoles. */
    public String message(String source) {
        boolean named = id == null || reason.contains("question " + id) || reason.contains("'" + id + "'");
        String r = named ? reason : "question " + id + ": " + reason;
        return source + (location == null ? "" : ": " + location) + ": " + r;
    }
}
