package dev.grader.cli;

import dev.grader.Judge;
import dev.grader.embeddings.MiniLmEncoder;
import java.util.List;
import java.util.Map;

/**
 * Loads the sentence-embedding model on a background thread while the command does other work (reading and
 * validating the rubric, reading the answer, waiting for a learner to type). The model takes about a second to
 * load and loads on first use anyway; started early, that second overlaps with the rest on another core.
 */
final class EmbeddingWarmUp {

    /** Longest wait for a load in progress when the process exits; a load takes about a second. */
    private static final long EXIT_WAIT_MILLIS = 30_000;

    private static volatile Thread running;

    private EmbeddingWarmUp() {
    }

    /** Starts loading the model if {@code judge} uses it; returns at once either way. */
    static void startFor(Judge judge) {
        if (!usesEmbeddings(judge.info().settings())) {
            return;
        }
        Thread thread = new Thread(EmbeddingWarmUp::load, "grader-embedding-warm-up");
        thread.setDaemon(true);
        running = thread;
        thread.start();
    }

    /**
     * Waits for a load still in progress. The process must not exit meanwhile: ONNX Runtime's native code
     * crashes the JVM when it is torn down while a session is being created (a command that fails fast on bad
     * input would otherwise end in a segmentation fault instead of its error message).
     */
    static void awaitBeforeExit() {
        Thread thread = running;
        if (thread == null) {
            return;
        }
        try {
            thread.join(EXIT_WAIT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * An {@code embeddings} setting naming a model (not {@code off}, nor {@code off (...)} when the embeddings
     * module is missing), at any depth (policies nest their judges' settings).
     */
    static boolean usesEmbeddings(Map<String, Object> settings) {
        for (Map.Entry<String, Object> e : settings.entrySet()) {
            if (e.getKey().equals("embeddings") && e.getValue() instanceof String name && !name.startsWith("off")) {
                return true;
            }
            if (e.getValue() instanceof Map<?, ?> nested && usesEmbeddings(stringKeys(nested))) {
                return true;
            }
        }
        return false;
    }

    private static void load() {
        try {
            MiniLmEncoder.shared().encode(List.of("warm up"));
        } catch (RuntimeException | LinkageError e) {
            // The grade that needs the model loads it again and reports what is wrong.
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> stringKeys(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }
}
