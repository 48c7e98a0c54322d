package dev.grader.batch;

/**
 * A submission with its place in the output: the file name and the name reports show.
 *
 * @param submission the submission
 * @param file       the base name of its files in {@code candidates/} (sanitised, unique in the cohort)
 * @param display    the name reports show: the candidate id, or the pseudonym (then equal to {@code file})
 * @param anonymized whether reports must not name the candidate
 */
record Planned(Submission submission, String file, String display, boolean anonymized) {

    String candidateId() {
        return submission.candidateId();
    }
}
