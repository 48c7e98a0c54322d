package dev.grader.spark;

import dev.grader.Grader;
import dev.grader.Rubrics;
import dev.grader.Judge;
import dev.grader.batch.TableRules;
import dev.grader.examples.GradedExample;
import dev.grader.examples.GradedExamples;
import dev.grader.judge.ExampleJudge;
import dev.grader.judge.OfflineJudge;
import dev.grader.llm.CallBudget;
import dev.grader.llm.LlmUsage;
import dev.grader.rubric.Rubric;
import java.util.HashSet;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The graders of one executor JVM: built once per rubric and judge settings, lazily, when the first task needs one,
 * and shared by every task thread of the executor ({@link Grader} is thread-safe). The rubric travels as a broadcast
 * variable and is parsed once here; the offline judge prepares its questions once, and the sentence embedding model
 * (ONNX) is loaded once per JVM. A few rubrics are kept (the least recently used goes), so a long-lived executor
 * serving many jobs does not grow.
 */
final class ExecutorGraders {

    static final int MAX_ENTRIES = 8;

    private static final Map<String, Prepared> CACHE = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Prepared> eldest) {
            return size() > MAX_ENTRIES;
        }
    };

    private ExecutorGraders() {
    }

    /**
     * The prepared grading of a rubric under these options, built on first use.
     *
     * @param rubricSha  the rubric's SHA-256 (the cache key with the judge settings)
     * @param rubricJson the rubric's JSON, fetched only when not cached (a broadcast variable's value)
     * @param examples   the graded examples (a broadcast variable's value; null without), fetched likewise
     */
    static Prepared get(String rubricSha, Supplier<String> rubricJson, Supplier<List<GradedExample>> examples,
                        GradingOptions options) {
        NativeLibraries.prepare(options.nativeCacheDir());
        String key = rubricSha + "\n" + options.judgeKey() + "\n" + options.questions();
        synchronized (CACHE) {
            Prepared p = CACHE.get(key);
            if (p == null) {
                List<GradedExample> given = examples.get();
                p = new Prepared(Rubrics.fromString(rubricJson.get(), "rubric " + rubricSha.substring(0, 12)),
                        given == null ? GradedExamples.NONE : GradedExamples.of(given, "graded examples"), options);
                CACHE.put(key, p);
            }
            return p;
        }
    }

    /** How many graders this JVM holds; for tests. */
    static int size() {
        synchronized (CACHE) {
            return CACHE.size();
        }
    }

    /** A rubric prepared for grading under one set of options. */
    static final class Prepared {

        final Rubric rubric;
        final TableRules rules;
        final Set<String> assigned;
        final GradingOptions options;
        private final OfflineJudge offline;
        private final Judge corrected;
        private final GradedExamples examples;
        private final Grader offlineGrader;
        private volatile Grader udfGrader;

        private Prepared(Rubric rubric, GradedExamples examples, GradingOptions options) {
            this.rubric = rubric;
            this.rules = TableRules.of(rubric);
            this.options = options;
            this.assigned = options.questions() == null ? null : new HashSet<>(options.questions());
            this.offline = JudgeAssembly.offline(options);
            this.examples = examples;
            // As the grader command wires them: the examples correct the offline judge (fitted here, once).
            this.corrected = examples.isEmpty() ? offline
                    : ExampleJudge.builder(offline, examples).encoder(offline.sentenceEncoder()).build();
            // Building the grader prepares every question of the rubric in the offline judge, once.
            this.offlineGrader = Grader.builder().rubric(rubric).judge(corrected).build();
        }

        /**
         * The grader of one task: the shared offline grader, or, with a model, a grader whose model requests come
         * from {@code budget} (the task's share of the run's) over the shared offline judge.
         */
        Grader grader(CallBudget budget, LlmUsage usage) {
            if (!options.usesModel()) {
                return offlineGrader;
            }
            return Grader.builder().rubric(rubric)
                    .judge(JudgeAssembly.judge(options, offline, corrected, examples, budget, usage)).build();
        }

        /** The grader of the SQL function: one per executor, its model budget {@code maxCalls} for this JVM. */
        Grader udfGrader() {
            Grader g = udfGrader;
            if (g == null) {
                synchronized (this) {
                    g = udfGrader;
                    if (g == null) {
                        g = grader(options.maxCalls() < 0 ? CallBudget.unlimited() : CallBudget.of(options.maxCalls()),
                                new LlmUsage());
                        udfGrader = g;
                    }
                }
            }
            return g;
        }
    }
}
