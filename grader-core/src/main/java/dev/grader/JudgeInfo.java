package dev.grader;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What judged an answer and with which settings, for the report's audit trail. Never holds secrets.
 *
 * @param name     {@code offline}, {@code llm}, or a policy name such as {@code escalate}
 * @param settings settings that influence verdicts (model, thresholds, prompt version), sorted by key
 */
@Api(status = Api.Status.STABLE)
public record JudgeInfo(String name, Map<String, Object> settings) {

    public JudgeInfo {
        Objects.requireNonNull(name, "name");
        settings = settings == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(settings));
    }
}
