package dev.grader.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

class GradingOptionsTest {

    @Test
    void settingsAreCheckedWhenSet() {
        assertEquals("judge must be one of offline, openai, ollama, anthropic, found 'gpt'", assertThrows(
                IllegalArgumentException.class, () -> GradingOptions.builder().judge("gpt")).getMessage());
        assertEquals("maxCalls must be at least 0, found -1", assertThrows(IllegalArgumentException.class,
                () -> GradingOptions.builder().maxCalls(-1)).getMessage());
        assertEquals("baseUrl must start with http:// or https://, found 'localhost:8080'", assertThrows(
                IllegalArgumentException.class, () -> GradingOptions.builder().baseUrl("localhost:8080")).getMessage());
        assertEquals("policy escalate needs a model: set judge to openai, ollama or anthropic", assertThrows(
                IllegalArgumentException.class, () -> GradingOptions.builder().policy("escalate").build()).getMessage());
        assertEquals("several models need policy consensus", assertThrows(IllegalArgumentException.class,
                () -> GradingOptions.builder().judge("openai").model("a,b").build()).getMessage());
    }

    @Test
    void defaultsAreTheCommandsAndTravelToExecutors() throws Exception {
        GradingOptions d = GradingOptions.defaults();
        assertEquals("offline", d.policy());
        assertEquals(true, d.embeddings());
        assertEquals(4 << 20, d.maxAnswerBytes());
        assertEquals("llm", GradingOptions.builder().judge("openai").build().policy());
        try (ObjectOutputStream out = new ObjectOutputStream(new ByteArrayOutputStream())) {
            out.writeObject(GradingOptions.builder().judge("openai").price("m", 1, 2).questions(List.of("Q1")).build());
        }
    }

    @Test
    void graderKeysTellApartWhatChangesReports() {
        GradingOptions a = GradingOptions.builder().embeddings(false).build();
        assertEquals(a.judgeKey(), GradingOptions.builder().embeddings(false).batchSize(9).maxCalls(5).build()
                .judgeKey());
        assertNotEquals(a.judgeKey(), GradingOptions.defaults().judgeKey());
        assertNotEquals(a.judgeKey(), GradingOptions.builder().embeddings(false).judge("ollama").build().judgeKey());
    }
}
