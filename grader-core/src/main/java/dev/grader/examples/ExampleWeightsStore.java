package dev.grader.examples;

import dev.grader.Api;
import java.util.Optional;

/**
 * Where fitted {@link ExampleWeights} are kept between runs: fitting grades every example once, which a
 * command-line run that grades one answer should not pay each time. The key names everything the weights depend
 * on (rubric, examples, judge settings, scoring policy, fitting method), so a stored value is never stale.
 *
 */
@Api(status = Api.Status.EXPERIMENTAL)
public interface ExampleWeightsStore {

    /** The weights stored under the key, if any (and readable). */
    Optional<ExampleWeights> load(String key);

    /** Stores the weights; a failure to store must not fail grading. */
    void save(String key, ExampleWeights weights);
}
