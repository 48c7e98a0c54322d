package dev.grader.batch;

/**
 * One candidate's rows of a JSONL or CSV table, already resolved to rubric questions (tables are read whole:
 * a candidate's rows may be anywhere in the file).
 *
 * @param candidateId the {@code candidate} value
 * @param source      the table's path as given
 * @param parsed      the answers and notes, or null when {@code unreadable} is set
 * @param unreadable  why none of the rows can be graded, or null
 * @param canonical   a canonical encoding of the answers and notes: what the fingerprint hashes
 */
record TableSubmission(String candidateId, String source, ParsedSubmission parsed, String unreadable,
                       byte[] canonical) implements Submission {

    @Override
    public byte[] content() {
        return canonical;
    }

    @Override
    public ParsedSubmission read(byte[] content, SubmissionParser parser) {
        if (unreadable != null) {
            throw new UnreadableSubmissionException(unreadable);
        }
        return parsed;
    }
}
