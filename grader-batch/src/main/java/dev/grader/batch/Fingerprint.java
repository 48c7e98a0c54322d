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
    private final dev.grader.examples.GradedExamples examples;
    private final java.util.function.BiFunction<Planned, byte[], java.util.Set<String>> answered;

    Fingerprint(Grader grader, boolean anonymized, java.util.List<dev.grader.rubric.Question> assigned) {
        this(grader, anonymized, assigned, dev.grader.examples.GradedExamples.NONE, (p, content) -> java.util.Set.of());
    }

    /**
     * @param examples the graded examples the grader uses
     * @param answered the questions a submission answers, from its bytes: a candidate depends on the examples
     *                 only through those (a rerun with examples for Q4 regrades who answered Q4, no one else)
     */
    Fingerprint(Grader grader, boolean anonymized, java.util.List<dev.grader.rubric.Question> assigned,
                dev.grader.examples.GradedExamples examples,
                java.util.function.BiFunction<Planned, byte[], java.util.Set<String>> answered) {
        this.examples = examples;
        this.answered = answered;
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
    String of(Planned p, byte[] content) {
        return Hashing.sha256(String.join("\n", settings, p.candidateId(), p.file(), Hashing.sha256(content))
                + examplesDigest(p, content));
    }

    /**
     * The examples a submission's grades depend on: none unless it answers a question that has examples; then
     * all of them, as the weights of grading by example are fitted over the whole set.
     */
    private String examplesDigest(Planned p, byte[] content) {
        if (examples.isEmpty()) {
            return "";
        }
        for (String question : answered.apply(p, content)) {
            if (!examples.forQuestion(question).isEmpty()) {
                return "\nexamples " + examples.sha256();
            }
        }
        return "";
    }
}
