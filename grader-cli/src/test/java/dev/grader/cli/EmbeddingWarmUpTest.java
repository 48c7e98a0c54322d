package dev.grader.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.grader.judge.OfflineJudge;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EmbeddingWarmUpTest {

    @Test
    void warmsUpForTheOfflineJudgeWithEmbeddingsOnly() {
        assertTrue(EmbeddingWarmUp.usesEmbeddings(OfflineJudge.create().info().settings()));
        assertFalse(EmbeddingWarmUp.usesEmbeddings(OfflineJudge.builder().embeddings(false).build().info()
                .settings()));
    }

    @Test
    void looksIntoTheSettingsOfJudgesAPolicyCombines() {
        assertTrue(EmbeddingWarmUp.usesEmbeddings(Map.of("offline", Map.of("embeddings", "all-minilm-l6-v2-q"),
                "llm", Map.of("model", "gpt-4o-mini"))));
        assertFalse(EmbeddingWarmUp.usesEmbeddings(Map.of("offline", Map.of("embeddings", "off"),
                "llm", Map.of("model", "gpt-4o-mini"))));
        assertFalse(EmbeddingWarmUp.usesEmbeddings(Map.of("model", "gpt-4o-mini")));
    }
}
