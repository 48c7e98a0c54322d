package dev.grader.eval;

import dev.grader.Api;
import dev.grader.Grader;
import dev.grader.InvalidInputException;
import dev.grader.internal.AtomicFiles;
import dev.grader.internal.IoErrors;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Grades every gold answer with a {@link Grader} and measures agreement with the human grades.
 *
 * <ul>
 *   <li>answers are graded in parallel on a bounded pool ({@link #DEFAULT_THREADS} by default); results keep
 *       input order, so the result is the same for any number of threads;</li>
 *   <li>answers to questions the rubric lacks are skipped and counted ({@link EvaluationResult#skipped()}), as are
 *       answers to questions the caller marks unavailable (a question of the bank that did not compile) and
 *       answers whose grading failed (by question, with the first error): one bad question never stops a run;</li>
 *   <li>an answer to an id the bank gave several questions ({@code X}, {@code X#2}) is graded against the one
 *       whose words it shares most;</li>
 *   <li>progress is reported to an {@link EvaluationProgress} on the calling thread;</li>
 *   <li>optionally, one prediction per answer is written as JSON Lines, atomically; the file is checked for
 *       writing before any grading, and if grading fails midway the predictions made so far are written.</li>
 * </ul>
 *
 * <pre>{@code
 * EvaluationResult result = Evaluation.builder(grader)
 *         .threads(4)
 *         .predictions(Path.of("predictions.jsonl"))
 *         .build()
 *         .run(GoldReader.read(Path.of("answers.jsonl")));
 * System.out.println(result.metrics().pearson());
 * }</pre>
 */
@Api(status = Api.Status.EXPERIMENTAL)
public final class Evaluation {

    /** One grading thread per available processor. */
    public static final int DEFAULT_THREADS = Runtime.getRuntime().availableProcessors();

    private final Grader grader;
    private final int threads;
    private final EvaluationProgress progress;
    private final Path predictions;
    private final Map<String, String> unavailable;
    private final int folds;
    private final java.util.function.Function<dev.grader.examples.GradedExamples, Grader> foldGraders;

    private Evaluation(Builder builder) {
        this.grader = builder.grader;
        this.threads = builder.threads;
        this.progress = builder.progress;
        this.predictions = builder.predictions;
        this.unavailable = Map.copyOf(builder.unavailable);
        this.folds = builder.folds;
        this.foldGraders = builder.foldGraders;
    }

    /** An evaluation of this grader; set options on the builder, then {@link Builder#build()}. */
    public static Builder builder(Grader grader) {
        return new Builder(Objects.requireNonNull(grader, "grader"));
    }

    /**
     * Grades the gold answers and measures agreement.
     *
     * @param gold the human-graded answers, in the order predictions are written
     * @throws InvalidInputException          if the predictions file cannot be written (checked before grading),
     *                                        or grading reports bad input
     * @throws PredictionsNotWrittenException if every answer was graded but writing the predictions failed: the
     *                                        exception carries the result
     * @throws EvaluationException            if grading an answer fails for another reason (the message names
     *                                        the answer)
     */
    public EvaluationResult run(List<GoldAnswer> gold) {
        Objects.requireNonNull(gold, "gold");
        Set<String> known = new HashSet<>(grader.rubric().questionIds());
        SharedIds shared = new SharedIds(grader.rubric());
        List<GoldAnswer> gradable = new ArrayList<>();
        Map<String, Integer> unknown = new LinkedHashMap<>();
        Map<String, Map<String, Integer>> unavailableByReason = new LinkedHashMap<>();
        for (GoldAnswer answer : gold) {
            if (unavailable.containsKey(answer.question())) {
                unavailableByReason.computeIfAbsent(unavailable.get(answer.question()), r -> new LinkedHashMap<>())
                        .merge(answer.question(), 1, Integer::sum);
            } else if (shared.sharedIds().contains(answer.question())) {
                // the bank uses this id for several questions: grade against the one the answer is about
                String resolved = shared.resolve(answer.question(), answer.answer());
                gradable.add(new GoldAnswer(answer.id(), resolved, answer.answer(), answer.score(), answer.scale(),
                        answer.label(), answer.kind(), answer.misconceptions(), answer.line()));
            } else if (known.contains(answer.question())) {
                gradable.add(answer);
            } else {
                unknown.merge(answer.question(), 1, Integer::sum);
            }
        }
        List<Skipped> skipped = new ArrayList<>();
        if (!unknown.isEmpty()) {
            skipped.add(new Skipped(Skipped.QUESTION_NOT_IN_RUBRIC,
                    unknown.values().stream().mapToInt(Integer::intValue).sum(), List.copyOf(unknown.keySet())));
        }
        unavailableByReason.forEach((reason, counts) -> skipped.add(new Skipped(reason,
                counts.values().stream().mapToInt(Integer::intValue).sum(), List.copyOf(counts.keySet()))));

        if (predictions != null) {
            try {
                AtomicFiles.checkWritable(predictions);
            } catch (IOException e) {
                throw new InvalidInputException(predictions.toString(), null,
                        "cannot write predictions: " + IoErrors.reason(e), e);
            }
        }
        List<Graded> all = grade(gradable);
        // answers whose grading failed are left out, counted by question with the first error
        List<GoldAnswer> graded = new ArrayList<>();
        List<Prediction> predicted = new ArrayList<>();
        Map<String, int[]> failedCounts = new LinkedHashMap<>();
        Map<String, String> firstError = new LinkedHashMap<>();
        for (int i = 0; i < gradable.size(); i++) {
            Graded p = all.get(i);
            if (p.failure() == null) {
                graded.add(gradable.get(i));
                predicted.add(p.prediction());
            } else {
                failedCounts.computeIfAbsent(gradable.get(i).question(), q -> new int[1])[0]++;
                firstError.putIfAbsent(gradable.get(i).question(), p.failure());
            }
        }
        failedCounts.forEach((question, n) -> skipped.add(new Skipped(Skipped.GRADING_FAILED + ": "
                + firstError.get(question), n[0], List.of(question))));
        EvaluationResult result = Agreement.summarize(grader.rubric().id(), graded, predicted, skipped);
        if (predictions != null) {
            try {
                write(predicted, predictions);
            } catch (IOException e) {
                throw new PredictionsNotWrittenException(predictions.toString(), IoErrors.reason(e), result, e);
            }
        }
        return result;
    }

    /**
     * The grader of each answer: the evaluation's own, or, with cross-validated examples, the grader whose examples
     * are the other folds of the answer's question (answer {@code j} of a question, in file order, is in fold
     * {@code j mod folds}).
     */
    private List<Grader> gradersFor(List<GoldAnswer> answers) {
        if (folds <= 0) {
            return java.util.Collections.nCopies(answers.size(), grader);
        }
        int[] fold = new int[answers.size()];
        Map<String, Integer> seen = new java.util.HashMap<>();
        for (int i = 0; i < answers.size(); i++) {
            fold[i] = (seen.merge(answers.get(i).question(), 1, Integer::sum) - 1) % folds;
        }
        List<Grader> byFold = new ArrayList<>();
        for (int f = 0; f < folds; f++) {
            List<dev.grader.examples.GradedExample> examples = new ArrayList<>();
            for (int i = 0; i < answers.size(); i++) {
                if (fold[i] != f) {
                    GoldAnswer a = answers.get(i);
                    examples.add(new dev.grader.examples.GradedExample(a.id(), a.question(), a.answer(), a.score(),
                            a.scale(), a.kind(), a.misconceptions()));
                }
            }
            byFold.add(foldGraders.apply(dev.grader.examples.GradedExamples.of(examples, "fold " + (f + 1) + " of "
                    + folds)));
        }
        List<Grader> out = new ArrayList<>();
        for (int i = 0; i < answers.size(); i++) {
            out.add(byFold.get(fold[i]));
        }
        return out;
    }

    private List<Graded> grade(List<GoldAnswer> answers) {
        List<Grader> graders = gradersFor(answers);
        int total = answers.size();
        progress.update(0, total);
        Graded[] results = new Graded[total];
        if (total == 0) {
            return List.of();
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, total), daemonThreads());
        // set on this thread once a task's Future.get() returned: its slot of results is then safe to read
        boolean[] collected = new boolean[total];
        try {
            CompletionService<Integer> done = new ExecutorCompletionService<>(pool);
            for (int i = 0; i < total; i++) {
                int index = i;
                done.submit(() -> {
                    results[index] = gradeOne(graders.get(index), answers.get(index));
                    return index;
                });
            }
            for (int finished = 1; finished <= total; finished++) {
                collected[awaitNext(done)] = true;
                progress.update(finished, total);
            }
        } catch (RuntimeException e) {
            pool.shutdownNow();
            throw keepingGraded(e, results, collected);
        } finally {
            pool.shutdownNow();
        }
        // Every slot was written by a task whose Future.get() returned above: its write happens-before this read.
        return List.of(results);
    }

    /** One answer's prediction, or why grading it failed. */
    private record Graded(Prediction prediction, String failure) {
    }

    /** The prediction, or the failure: a question that cannot be graded must not stop the others. */
    private static Graded gradeOne(Grader grader, GoldAnswer answer) {
        try {
            return new Graded(Prediction.of(answer, grader.grade(answer.question(), answer.answer())), null);
        } catch (InvalidInputException e) {
            throw e;
        } catch (RuntimeException e) {
            String message = e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName()
                    : e.getMessage().lines().findFirst().orElse("");
            return new Graded(null, message);
        }
    }

    /** The index of the next answer graded. */
    private static int awaitNext(CompletionService<Integer> done) {
        try {
            return done.take().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EvaluationException("evaluation interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new EvaluationException("grading failed: " + cause, cause);
        }
    }

    /**
     * Grading stopped: the predictions made so far go to the predictions file (in input order, without the failed
     * answer and those not reached), and the error says how many.
     */
    private RuntimeException keepingGraded(RuntimeException failure, Graded[] results, boolean[] collected) {
        if (predictions == null) {
            return failure;
        }
        List<Prediction> graded = new ArrayList<>();
        for (int i = 0; i < results.length; i++) {
            if (collected[i] && results[i].prediction() != null) {
                graded.add(results[i].prediction());
            }
        }
        String kept;
        try {
            write(graded, predictions);
            kept = "; the " + graded.size() + " predictions made are in " + predictions;
        } catch (IOException e) {
            kept = "; the predictions made could not be written either: " + IoErrors.reason(e);
        }
        if (failure instanceof InvalidInputException bad) {
            return new InvalidInputException(bad.source(), bad.location(), bad.problem() + kept, bad);
        }
        return new EvaluationException(failure.getMessage() + kept, failure);
    }

    private static void write(List<Prediction> predicted, Path file) throws IOException {
        StringBuilder lines = new StringBuilder(predicted.size() * 256);
        for (Prediction p : predicted) {
            lines.append(EvaluationJson.toJsonLine(p)).append('\n');
        }
        AtomicFiles.writeString(file, lines.toString());
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "grader-eval-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Options of an {@link Evaluation}; each is validated when set. */
    public static final class Builder {

        private final Grader grader;
        private int threads = DEFAULT_THREADS;
        private EvaluationProgress progress = EvaluationProgress.NONE;
        private Path predictions;
        private final Map<String, String> unavailable = new LinkedHashMap<>();
        private int folds;
        private java.util.function.Function<dev.grader.examples.GradedExamples, Grader> foldGraders;

        private Builder(Grader grader) {
            this.grader = grader;
        }

        /** Grading threads, at least 1; defaults to {@link #DEFAULT_THREADS}. */
        public Builder threads(int threads) {
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be at least 1, found " + threads);
            }
            this.threads = threads;
            return this;
        }

        /** Where to report progress; defaults to {@link EvaluationProgress#NONE}. */
        public Builder progress(EvaluationProgress progress) {
            this.progress = Objects.requireNonNull(progress, "progress");
            return this;
        }

        /** Also write one prediction per graded answer to this JSON Lines file (replaced atomically). */
        public Builder predictions(Path file) {
            this.predictions = Objects.requireNonNull(file, "file");
            return this;
        }

        /**
         * Answers to this question are not graded but counted as skipped for this reason, such as a question of
         * the bank that could not be compiled.
         */
        /**
         * Grades as a teacher would who had graded the rest: the gold answers of each question are split into
         * {@code folds} folds (answer {@code j}, in file order, in fold {@code j mod folds}), and each fold is graded
         * by {@code graders.apply(examples)} with the other folds as graded examples.
         */
        public Builder crossValidatedExamples(int folds,
                                              java.util.function.Function<dev.grader.examples.GradedExamples,
                                                      Grader> graders) {
            if (folds < 2) {
                throw new IllegalArgumentException("folds must be at least 2, found " + folds);
            }
            this.folds = folds;
            this.foldGraders = Objects.requireNonNull(graders, "graders");
            return this;
        }

        public Builder unavailable(String questionId, String reason) {
            unavailable.put(Objects.requireNonNull(questionId, "questionId"), Objects.requireNonNull(reason, "reason"));
            return this;
        }

        public Evaluation build() {
            return new Evaluation(this);
        }
    }
}
