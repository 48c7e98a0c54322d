package dev.grader.batch;

import dev.grader.Grader;
import dev.grader.Version;
import dev.grader.internal.Hashing;
import dev.grader.internal.Json;

/**
 * What a candidate's result depends on, hashed: the submission's bytes, the candidate id and file name, the
 * rubric, the questions assigned (they make the total), the judge and its verdict-relevant settings, the
 * scoring policy, grader's version, the batch output format and whether the run is anonymized. A rerun regrades a candidate exactly when its fingerprint changed.
 * The path a submission was given by is not part of it: running from another directory does not regrade.
 */
final class Fingerprint {

    private final String settings;

    Fingerprint(Grader grader, boolean anonymized, java.util.List<dev.grader.rubric.Question> assigned) {
        this.settings = Hashing.sha256(String.join("\n",
                "questions " + String.join(",", assigned.stream().map(dev.grader.rubric.Question::id).toList()),
                CandidateResult.FORMAT,
                Version.get(),
                grader.rubricSha256(),
                Json.compact(grader.judge().info()),
                Json.compact(grader.scoring()),
                anonymized ? "anonymized" : "named"));
    }

    /** The fingerprint of one candidate's submission. */
    String of(String candidateId, String file, byte[] content) {
        return Hashing.sha256(String.join("\n", settings, candidateId, file, Hashing.sha256(content)));
    }
}
