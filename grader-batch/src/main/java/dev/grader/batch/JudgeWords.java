package dev.grader.batch;

import dev.grader.JudgeInfo;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The judge as a reviewer reads it at the top of {@code report.html}: what graded ("offline: word matching and
 * sentence embeddings", "openai gpt-4o-mini, unsure answers only"), not thresholds. The thresholds are in
 * {@code summary.json} and, with {@code --verbose}, on the page too ({@link #withSettings}).
 */
final class JudgeWords {

    private JudgeWords() {
    }

    static String of(JudgeInfo info) {
        Map<String, Object> s = info.settings();
        return switch (info.name()) {
            case "offline" -> offline(s);
            case "llm" -> model(s);
            case "escalate" -> "offline, with the answers it is unsure of sent to " + member(s, "llm");
            case "blend" -> "offline and " + member(s, "llm") + ", verdicts blended";
            case "consensus" -> "consensus of " + consensus(s);
            default -> info.name();
        };
    }

    /** {@code offline (covered 0.5, embeddings all-minilm-l6-v2-q, ...)}: every setting, for those who tune. */
    static String withSettings(JudgeInfo info) {
        Map<String, Object> settings = info.settings();
        return settings.isEmpty() ? info.name() : info.name() + " (" + settings.entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ")) + ")";
    }

    private static String offline(Map<String, ?> s) {
        return String.valueOf(s.get("embeddings")).startsWith("off") ? "offline (word matching)"
                : "offline (word matching and sentence embeddings)";
    }

    private static String model(Map<?, ?> s) {
        Object provider = s.get("provider");
        Object model = s.get("model");
        return provider == null ? "a model" : provider + (model == null ? "" : " " + model);
    }

    private static String member(Map<String, ?> s, String name) {
        return s.get(name) instanceof Map<?, ?> m ? model(m) : "a model";
    }

    private static String consensus(Map<String, ?> s) {
        if (!(s.get("judges") instanceof List<?> judges) || judges.isEmpty()) {
            return "several judges";
        }
        List<String> names = judges.stream().map(j -> j instanceof Map<?, ?> m ? model(m) : "a judge").toList();
        boolean sameModel = names.stream().distinct().count() == 1;
        return sameModel ? names.size() + " samples of " + names.get(0) : String.join(", ", names);
    }
}
