package dev.grader.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.grader.JudgeInfo;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JudgeWordsTest {

    private static final Map<String, Object> OFFLINE = Map.of("embeddings", "all-minilm-l6-v2-q", "covered", 0.65,
            "lexicalWeight", 0.5);
    private static final Map<String, Object> MODEL = Map.of("provider", "openai", "model", "gpt-4o-mini",
            "temperature", 0.0);

    @Test
    void saysWhatGradedWithoutThresholds() {
        assertEquals("offline (word matching and sentence embeddings)", JudgeWords.of(new JudgeInfo("offline", OFFLINE)));
        assertEquals("offline (word matching)", JudgeWords.of(new JudgeInfo("offline", Map.of("embeddings", "off"))));
        assertEquals("openai gpt-4o-mini", JudgeWords.of(new JudgeInfo("llm", MODEL)));
        assertEquals("offline, with the answers it is unsure of sent to openai gpt-4o-mini", JudgeWords.of(
                new JudgeInfo("escalate", Map.of("margin", 0.1, "offline", OFFLINE, "llm", MODEL))));
        assertEquals("offline and openai gpt-4o-mini, verdicts blended", JudgeWords.of(
                new JudgeInfo("blend", Map.of("offline", OFFLINE, "llm", MODEL))));
        assertEquals("consensus of 3 samples of openai gpt-4o-mini", JudgeWords.of(
                new JudgeInfo("consensus", Map.of("samples", 3, "judges", List.of(MODEL, MODEL, MODEL)))));
    }

    @Test
    void withSettingsListsEveryOne() {
        assertEquals("offline (covered 0.65, embeddings all-minilm-l6-v2-q, lexicalWeight 0.5)",
                JudgeWords.withSettings(new JudgeInfo("offline", OFFLINE)));
    }
}
