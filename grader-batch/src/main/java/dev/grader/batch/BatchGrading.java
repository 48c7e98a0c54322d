package dev.grader.batch;

import dev.grader.Api;
import dev.grader.Grader;
import dev.grader.InvalidInputException;
import dev.grader.OutputWriteException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Grades a cohort of written take-homes and writes per-candidate and cohort reports.
 *
 * <ul>
 *   <li>Input: folders of submissions (one {@code .md}, {@code .txt} or {@code .docx} file per candidate, answers
 *       under headings such as {@code Q4}, {@code ## Q4.}, {@code Question 4:}, {@code 4)} or the question's
 *       text), or JSONL / CSV tables of {@code candidate, question, answer} rows.</li>
 *   <li>Parallel: candidates are graded on a bounded pool ({@link #DEFAULT_THREADS} by default); only the
 *       candidates in progress are in memory.</li>
 *   <li>Resumable: a candidate's result is written atomically when it is done, with a {@link Fingerprint} of its
 *       submission, the rubric and the judge settings; a rerun skips candidates whose fingerprint is unchanged
 *       ({@link Builder#force(boolean)} regrades them).</li>
 *   <li>Robust: an unreadable submission (binary, not UTF-8, empty, no recognisable answers) or a failed grading is
 *       reported with its reason, and the rest are graded.</li>
 *   <li>Cancellable: {@link #cancel()} (a Ctrl-C handler, say) stops the run; finished candidates are on disk and
 *       the cohort reports describe what is done.</li>
 *   <li>Stops when the output cannot be written (a full device): no candidate starts after the first failed
 *       write, what was written stays complete, and {@link BatchResult#failedWrites()} says how many writes
 *       failed and which first; a rerun finishes the batch once the cause is fixed.</li>
 *   <li>Output: see {@link OutputLayout}; cohort reports are rebuilt from the results on disk, one at a time.</li>
 *   <li>Anonymization: stable pseudonyms in every report and file name; the mapping goes to a file of its own.</li>
 *   <li>Assigned questions: a take-home assigns a few of the rubric's questions; totals and statistics count only
 *       those ({@link Builder#questions}; by default the questions the cohort's submissions answer).</li>
 * </ul>
 *
 * <pre>{@code
 * BatchResult result = BatchGrading.builder(grader)
 *         .outputDir(Path.of("out"))
 *         .threads(2)
 *         .progress((done, total) -> System.err.printf("%d/%d%n", done, total))
 *         .build()
 *         .run(List.of(Path.of("submissions")));
 * System.out.println(result.graded() + " graded, " + result.reused() + " up to date");
 * }</pre>
 *
 * <p>One instance runs one batch at a time; {@link #cancel()} may be called from any thread.
 */
@Api(status = Api.Status.EXPERIMENTAL)
public final class BatchGrading {

    /** One grading thread per available processor. */
    public static final int DEFAULT_THREADS = Runtime.getRuntime().availableProcessors();

    /** How long a cancelled run waits for candidates in progress to stop before it writes the summaries. */
    private static final long STOP_WAIT_SECONDS = 5;

    private final Grader grader;
    private final int threads;
    private final BatchProgress progress;
    private final Path outputDir;
    private final boolean anonymize;
    private final boolean force;
    private final boolean judgeSettings;
    private final dev.grader.examples.GradedExamples examples;
    private final int pickExamples;
    private final dev.grader.judge.SentenceEncoder pickEncoder;
    private final List<String> questionIds;
    private final AtomicBoolean cancelled = new AtomicBoolean();

    private BatchGrading(Builder b) {
        this.grader = b.grader;
        this.threads = b.threads;
        this.progress = b.progress;
        this.outputDir = b.outputDir;
        this.anonymize = b.anonymize;
        this.force = b.force;
        this.judgeSettings = b.judgeSettings;
        this.examples = b.examples;
        this.pickExamples = b.pickExamples;
        this.pickEncoder = b.pickEncoder;
        this.questionIds = b.questionIds;
    }

    /** A batch graded by this grader; set options on the builder, then {@link Builder#build()}. */
    public static Builder builder(Grader grader) {
        return new Builder(Objects.requireNonNull(grader, "grader"));
    }

    /**
     * Stops a running batch: no candidate starts any more, candidates in progress stop after their current answer
     * and are not written, and {@link #run} writes the cohort reports of what is done and returns with
     * {@link BatchResult#interrupted()} set. Safe to call from any thread, also before {@code run}.
     */
    public void cancel() {
        cancelled.set(true);
    }

    /**
     * Grades the submissions of {@code inputs} (folders, submission files, JSONL or CSV tables).
     *
     * @throws InvalidInputException when an input is missing, a folder has no files, the output folder is
     *                               unusable or holds a batch of the other anonymization mode
     */
    public BatchResult run(List<Path> inputs) {
        Objects.requireNonNull(inputs, "inputs");
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("inputs must not be empty");
        }
        OutputLayout layout = OutputLayout.prepare(outputDir, inputs, anonymize);
        QuestionResolver resolver = new QuestionResolver(grader.rubric());
        InputScanner.Inputs in = new InputScanner(resolver).scan(inputs);
        Pseudonyms pseudonyms = anonymize ? Pseudonyms.load(layout.anonymizationMap()) : null;
        List<Planned> plan = plan(in.submissions(), pseudonyms);
        if (pseudonyms != null) {
            plan.forEach(p -> pseudonyms.remember(p.file(), p.candidateId(), p.submission().source()));
            write(layout.anonymizationMap(), () -> pseudonyms.write(layout.anonymizationMap()));
        }
        OutputFailures failures = new OutputFailures();
        List<BatchProblem> problems = new ArrayList<>();
        for (BatchProblem p : in.problems()) {
            problems.add(p.candidate() == null || pseudonyms == null ? p
                    : new BatchProblem(p.source(), p.location(), pseudonyms.of(p.candidate()), p.reason()));
        }

        Assignment assignment = questionIds != null ? Assignment.chosen(grader.rubric(), questionIds)
                : Assignment.answeredIn(grader.rubric(), plan, new SubmissionParser(resolver));
        SubmissionParser answers = new SubmissionParser(resolver);
        Fingerprint fingerprint = new Fingerprint(grader, anonymize, assignment.questions(), examples,
                (planned, content) -> answeredIn(planned, content, answers));
        Map<String, String> expected = new ConcurrentHashMap<>();
        Map<String, Outcome> outcomes = new LinkedHashMap<>();
        List<Planned> queue = new ArrayList<>();
        int reused = 0;
        int provisionalRegraded = 0;
        int changed = 0;
        for (Planned p : plan) {
            Outcome early = check(p, fingerprint, expected);
            OutputLayout.Stored stored = early == null ? layout.stored(p.file()) : null;
            boolean upToDate = stored != null && expected.get(p.file()).equals(stored.fingerprint());
            if (early != null) {
                outcomes.put(p.file(), early);
            } else if (!force && upToDate && stored.fallbacks() == 0) {
                reused++;
                restoreMarkdown(layout, p.file(), failures);
            } else {
                // a grade that fell back to the offline judge is provisional: graded again until the model decides
                provisionalRegraded += !force && upToDate ? 1 : 0;
                changed += !force && stored != null && !upToDate ? 1 : 0;
                queue.add(p);
            }
        }

        boolean callerInterrupted = grade(queue, layout, assignment, fingerprint, expected, outcomes, failures);
        int gradedNow = 0;
        Usage usage = Usage.NONE;
        for (Planned p : plan) { // plan order, not the order parallel grading finished in: reports stay stable
            Outcome o = outcomes.get(p.file());
            if (o == null) {
                continue;
            }
            if (o.kind() == Outcome.Kind.GRADED) {
                gradedNow++;
                usage = usage.plus(o.usage());
            } else if (o.kind() == Outcome.Kind.UNREADABLE || o.kind() == Outcome.Kind.FAILED) {
                problems.add(new BatchProblem(o.planned().submission().source(), null, o.planned().display(),
                        o.reason()));
            }
        }

        ExamplesToGrade toGrade = pickExamples > 0 ? new ExamplesToGrade(assignment.questions()) : null;
        Cohort cohort = cohort(assignment, plan, outcomes, expected, layout, toGrade, failures.stopped()
                ? "not graded yet: the output could not be written; free space and rerun to finish"
                : "not graded yet: the run was interrupted; rerun to finish");
        boolean interrupted = cancelled.get();
        CohortReports.write(layout, grader, anonymize, judgeSettings, assignment, cohort, problems, in.skipped(),
                new SummaryJson.Run(interrupted, failures.stopped(), gradedNow, reused, changed, usage), failures);
        int picked = 0;
        Path pickedFile = null;
        if (toGrade != null && !interrupted && !failures.stopped()) {
            pickedFile = ExamplesToGrade.freeFile(layout.root());
            try {
                picked = toGrade.write(pickedFile, ExamplesToGrade.alreadyGraded(layout.root()), pickExamples,
                        pickEncoder);
            } catch (IOException e) {
                failures.record(pickedFile, e);
            }
        }
        if (callerInterrupted) {
            Thread.currentThread().interrupt();
        }
        List<CohortRow> rows = cohort.ranked();
        return new BatchResult(layout.root(), plan.size(), gradedNow, reused,
                count(rows, CohortRow.UNREADABLE), count(rows, CohortRow.FAILED), count(rows, CohortRow.PENDING),
                usage.answers(), usage.llmCalls(), usage.promptTokens() + usage.completionTokens(), usage.costUsd(),
                interrupted, problems, in.skipped(), failures.count(), failed(failures.first()),
                new BatchResult.Provisional(cohort.provisional(), cohort.usage().fallbacks(), provisionalRegraded,
                        cohort.fallbackReason()),
                assignment.ids(), assignment.fromSubmissions(),
                cohort.failures().stream().map(f -> new BatchResult.NotGraded(f.question(), f.answers(), f.reason()))
                        .toList(), picked, picked > 0 ? pickedFile : null, changed);
    }

    /** Names in the order of candidate ids (then sources), so the same cohort always gets the same names. */
    static List<Planned> plan(List<Submission> submissions, Pseudonyms pseudonyms) {
        List<Submission> sorted = new ArrayList<>(submissions);
        sorted.sort(Comparator.comparing(Submission::candidateId).thenComparing(Submission::source));
        Map<Submission, String> bases = new HashMap<>();
        for (Submission s : sorted) {
            bases.put(s, pseudonyms == null ? s.candidateId() : pseudonyms.of(s.candidateId()));
        }
        Map<Submission, String> names = OutputNames.assign(sorted, bases);
        List<Planned> plan = new ArrayList<>();
        for (Submission s : sorted) {
            String file = names.get(s);
            plan.add(new Planned(s, file, pseudonyms == null ? s.candidateId() : file, pseudonyms != null));
        }
        plan.sort(Comparator.comparing(Planned::file));
        return plan;
    }

    /** The questions a submission answers, or none when it cannot be parsed (it will fail on its own). */
    private static java.util.Set<String> answeredIn(Planned p, byte[] content, SubmissionParser parser) {
        try {
            return p.submission().read(content, parser).answers().keySet();
        } catch (RuntimeException e) {
            return java.util.Set.of();
        }
    }

    /** Reads a submission's bytes for its fingerprint; an outcome when it cannot even be read. */
    private static Outcome check(Planned p, Fingerprint fingerprint, Map<String, String> expected) {
        try {
            expected.put(p.file(), fingerprint.of(p, p.submission().content()));
            return null;
        } catch (UnreadableSubmissionException e) {
            return Outcome.unreadable(p, e.getMessage());
        } catch (IOException e) {
            return Outcome.unreadable(p, "cannot read: " + InputScanner.reason(e));
        }
    }

    private void restoreMarkdown(OutputLayout layout, String file, OutputFailures failures) {
        if (Files.exists(layout.markdown(file)) || failures.stopped()) {
            return;
        }
        CandidateResult stored = layout.read(file);
        if (stored != null) {
            try {
                layout.writeMarkdown(file, MarkdownReport.render(stored, grader.rubric().title()));
            } catch (OutputLayout.FailedWrite e) {
                failures.record(e.file(), e.failure());
            }
        }
    }

    /** {@code out/candidates/alice.md: No space left on device}, or null. */
    private static String failed(OutputFailures.First first) {
        return first == null ? null : first.file() + ": " + first.reason();
    }

    /**
     * Grades the queue on the pool, recording outcomes as candidates finish.
     *
     * @return whether the calling thread was interrupted (the run is then cancelled)
     */
    private boolean grade(List<Planned> queue, OutputLayout layout, Assignment assignment, Fingerprint fingerprint,
                          Map<String, String> expected, Map<String, Outcome> outcomes, OutputFailures failures) {
        int total = queue.size();
        progress.update(0, total);
        if (total == 0) {
            return false;
        }
        SubmissionParser parser = new SubmissionParser(new QuestionResolver(grader.rubric()));
        CandidateGrader candidates = new CandidateGrader(grader, assignment,
                () -> cancelled.get() || failures.stopped());
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, total), daemonThreads());
        CompletionService<Outcome> done = new ExecutorCompletionService<>(pool);
        boolean interrupted = false;
        int received = 0;
        // Progress counts candidates done (graded, or found unreadable), never one stopped midway: after a signal
        // the last count shown is the one the summary gives.
        int finished = 0;
        try {
            for (Planned p : queue) {
                done.submit(() -> work(p, parser, candidates, layout, fingerprint, expected, failures));
            }
            while (received < total && !cancelled.get() && !failures.stopped()) {
                Future<Outcome> next;
                try {
                    next = done.poll(100, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    interrupted = true;
                    cancelled.set(true);
                    break;
                }
                if (next != null) {
                    Outcome o = outcome(next);
                    outcomes.put(o.planned().file(), o);
                    received++;
                    if (o.kind() != Outcome.Kind.PENDING) {
                        finished++;
                        progress.update(finished, total);
                    }
                }
            }
        } finally {
            pool.shutdownNow();
        }
        if (cancelled.get() || failures.stopped()) {
            awaitStop(pool);
            // Candidates that finished while the run was stopping are done: count them.
            for (Future<Outcome> f = done.poll(); f != null; f = done.poll()) {
                Outcome o = outcome(f);
                outcomes.put(o.planned().file(), o);
                if (o.kind() != Outcome.Kind.PENDING) {
                    finished++;
                }
            }
            progress.update(finished, total);
        }
        return interrupted;
    }

    private Outcome work(Planned p, SubmissionParser parser, CandidateGrader candidates, OutputLayout layout,
                         Fingerprint fingerprint, Map<String, String> expected, OutputFailures failures) {
        if (cancelled.get() || failures.stopped()) {
            return Outcome.pending(p);
        }
        byte[] content;
        try {
            content = p.submission().content();
        } catch (UnreadableSubmissionException e) {
            return Outcome.unreadable(p, e.getMessage());
        } catch (IOException e) {
            return Outcome.unreadable(p, "cannot read: " + InputScanner.reason(e));
        }
        // The file may have changed since it was checked: the result describes what was read now.
        String fp = fingerprint.of(p, content);
        expected.put(p.file(), fp);
        try {
            ParsedSubmission parsed = p.submission().read(content, parser);
            CandidateResult result = candidates.grade(p, parsed, fp);
            layout.write(result, MarkdownReport.render(result, grader.rubric().title()));
            return Outcome.graded(p, result.usage());
        } catch (UnreadableSubmissionException e) {
            return Outcome.unreadable(p, e.getMessage());
        } catch (CancellationException e) {
            return Outcome.pending(p);
        } catch (OutputLayout.FailedWrite e) {
            failures.record(e.file(), e.failure()); // graded but not saved: graded again by the rerun
            return Outcome.pending(p);
        } catch (RuntimeException e) {
            return cancelled.get() || failures.stopped() ? Outcome.pending(p)
                    : Outcome.failed(p, "grading failed: " + describe(e));
        }
    }

    private static Outcome outcome(Future<Outcome> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading a finished task", e);
        } catch (ExecutionException e) {
            // work() turns every exception into an outcome; what remains is an Error (out of memory, say).
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("batch worker failed", e.getCause());
        }
    }

    private static void awaitStop(ExecutorService pool) {
        try {
            pool.awaitTermination(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The cohort from the results on disk: a candidate counts as graded when its stored result has the
     * fingerprint of its current submission, whoever wrote it (this run, an earlier one, a worker that finished
     * while the run was stopping).
     */
    private Cohort cohort(Assignment assignment, List<Planned> plan, Map<String, Outcome> outcomes,
                          Map<String, String> expected, OutputLayout layout, ExamplesToGrade toGrade,
                          String pendingReason) {
        Cohort cohort = new Cohort(assignment.questions());
        for (Planned p : plan) {
            Outcome o = outcomes.get(p.file());
            if (o != null && o.kind() == Outcome.Kind.UNREADABLE) {
                cohort.addUngraded(p, CohortRow.UNREADABLE, o.reason());
                continue;
            }
            if (o != null && o.kind() == Outcome.Kind.FAILED) {
                cohort.addUngraded(p, CohortRow.FAILED, o.reason());
                continue;
            }
            String fp = expected.get(p.file());
            CandidateResult stored = fp != null && fp.equals(layout.storedFingerprint(p.file()))
                    ? layout.read(p.file()) : null;
            if (stored != null) {
                cohort.add(p, stored);
                if (toGrade != null) {
                    toGrade.add(stored);
                }
            } else {
                cohort.addUngraded(p, CohortRow.PENDING, pendingReason);
            }
        }
        return cohort;
    }

    private static int count(List<CohortRow> rows, String status) {
        return (int) rows.stream().filter(r -> r.status().equals(status)).count();
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName()
                : message.lines().findFirst().orElse(message);
    }

    /** Writes a file of the output before grading starts; a failure ends the run (the CLI exits with 3). */
    static void write(Path file, IoAction action) {
        try {
            action.run();
        } catch (IOException e) {
            throw new OutputWriteException(file.toString(), "cannot write: " + InputScanner.reason(e), e);
        }
    }

    /** A file operation. */
    @FunctionalInterface
    interface IoAction {
        void run() throws IOException;
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "grader-batch-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Options of a {@link BatchGrading}; each is validated when set. */
    public static final class Builder {

        private final Grader grader;
        private int threads = DEFAULT_THREADS;
        private BatchProgress progress = BatchProgress.NONE;
        private Path outputDir;
        private boolean anonymize;
        private boolean force;
        private boolean judgeSettings;
        private List<String> questionIds;
        private dev.grader.examples.GradedExamples examples = dev.grader.examples.GradedExamples.NONE;
        private int pickExamples;
        private dev.grader.judge.SentenceEncoder pickEncoder;

        private Builder(Grader grader) {
            this.grader = grader;
        }

        /** The output folder (created when missing); required. */
        public Builder outputDir(Path dir) {
            this.outputDir = Objects.requireNonNull(dir, "dir");
            return this;
        }

        /** Candidates graded in parallel, at least 1; defaults to {@link #DEFAULT_THREADS}. */
        public Builder threads(int threads) {
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be at least 1, found " + threads);
            }
            this.threads = threads;
            return this;
        }

        /** Where to report progress; defaults to {@link BatchProgress#NONE}. */
        public Builder progress(BatchProgress progress) {
            this.progress = Objects.requireNonNull(progress, "progress");
            return this;
        }

        /** Candidates under stable pseudonyms in every report and file name (default false). */
        public Builder anonymize(boolean anonymize) {
            this.anonymize = anonymize;
            return this;
        }

        /** Regrade every candidate, also those whose result is up to date (default false). */
        public Builder force(boolean force) {
            this.force = force;
            return this;
        }

        /**
         * The questions the candidates were assigned, by id (rubric order is kept): totals, ranking and cohort
         * statistics count these only, and an assigned question a candidate left out counts 0. Default: the
         * questions that the cohort's submissions answer.
         *
         * @throws IllegalArgumentException for an empty list
         */
        public Builder questions(List<String> ids) {
            if (ids.isEmpty()) {
                throw new IllegalArgumentException("questions must not be empty");
            }
            this.questionIds = List.copyOf(ids);
            return this;
        }

        /**
         * Whether {@code report.html} names the judge's thresholds after the judge (default false: it says what
         * graded in plain words; {@code summary.json} always has every setting).
         */
        /**
         * The graded examples the grader was built with: a rerun regrades exactly the candidates who answered a
         * question whose examples changed.
         */
        public Builder examples(dev.grader.examples.GradedExamples examples) {
            this.examples = java.util.Objects.requireNonNull(examples, "examples");
            return this;
        }

        /**
         * After grading, picks per question {@code n} answers of the cohort for a person to grade (covering it:
         * the most typical, then each time the farthest in meaning from those picked, and some of the least sure)
         * and writes them to {@code OUTDIR/examples-to-grade.csv} with an empty score column.
         *
         * @param encoder sentence encoder for nearness in meaning, or null to compare words
         */
        public Builder pickExamples(int n, dev.grader.judge.SentenceEncoder encoder) {
            if (n < 1) {
                throw new IllegalArgumentException("pickExamples must be at least 1, found " + n);
            }
            this.pickExamples = n;
            this.pickEncoder = encoder;
            return this;
        }

        public Builder judgeSettings(boolean judgeSettings) {
            this.judgeSettings = judgeSettings;
            return this;
        }

        /**
         * @throws IllegalStateException if no output folder was set
         */
        public BatchGrading build() {
            if (outputDir == null) {
                throw new IllegalStateException("outputDir must be set before build()");
            }
            return new BatchGrading(this);
        }
    }
}
