package dev.grader.spark;

import dev.grader.GradeReport;
import dev.grader.Grader;
import dev.grader.examples.GradedExample;
import dev.grader.llm.CallBudget;
import dev.grader.llm.LlmUsage;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.Function2;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.util.LongAccumulator;

/**
 * Grades one partition: takes the executor's grader (built once per JVM), checks each row, and grades the rows in
 * batches of {@link GradingOptions#batchSize()}: identical answers to one question in a batch are graded once, and
 * with a model the batch's answers are sent {@link GradingOptions#concurrency()} at a time. Rows come out in the
 * order they came in, a batch at a time, so a partition of any size is graded in bounded memory.
 *
 * <p>Grading is a pure function of answer, rubric and settings (a model's reply is, with the reply cache), so a
 * task that Spark runs again after a lost executor gives the same rows, and the output committer keeps one copy.
 * With a model, the run's request budget is split evenly across partitions: partition {@code i} of {@code n} gets
 * {@code maxCalls / n}, plus one for the first {@code maxCalls % n}.
 */
final class PartitionGrading implements Function2<Integer, Iterator<Row>, Iterator<Row>>, Serializable {

    private static final long serialVersionUID = 1L;

    /** Test hook: runs before each batch, in the task; null in production. */
    static volatile Consumer<TaskContext> beforeBatch;

    private final Broadcast<String> rubricJson;
    private final Broadcast<ArrayList<GradedExample>> examples;
    private final String rubricSha;
    private final GradingOptions options;
    private final int partitions;
    private final int keep;
    private final int question;
    private final int answerBytes;
    private final int readKind;
    private final int readError;
    private final boolean answerText;
    private final RunMeters meters;

    /**
     * @param keep        how many leading input columns to copy to the output
     * @param question    index of the question label column
     * @param answerBytes index of the answer's bytes (binary) column
     * @param readKind    index of a read-error kind column, or -1
     * @param readError   index of a read-error column, or -1
     * @param answerText  whether to append the answer as graded after the grade columns
     */
    PartitionGrading(Broadcast<String> rubricJson, Broadcast<ArrayList<GradedExample>> examples, String rubricSha,
                     GradingOptions options, int partitions, int keep,
                     int question, int answerBytes, int readKind, int readError, boolean answerText,
                     RunMeters meters) {
        this.rubricJson = rubricJson;
        this.examples = examples;
        this.rubricSha = rubricSha;
        this.options = options;
        this.partitions = partitions;
        this.keep = keep;
        this.question = question;
        this.answerBytes = answerBytes;
        this.readKind = readKind;
        this.readError = readError;
        this.answerText = answerText;
        this.meters = meters;
    }

    /** The request budget of partition {@code index} of {@code partitions}: an even split of {@code maxCalls}. */
    static int share(int maxCalls, int partitions, int index) {
        return maxCalls / partitions + (index < maxCalls % partitions ? 1 : 0);
    }

    @Override
    public Iterator<Row> call(Integer index, Iterator<Row> rows) {
        ExecutorGraders.Prepared prepared = ExecutorGraders.get(rubricSha, rubricJson::value,
                () -> examples == null ? null : examples.value(), options);
        CallBudget budget = options.maxCalls() < 0 ? CallBudget.unlimited()
                : CallBudget.of(share(options.maxCalls(), partitions, index));
        LlmUsage usage = new LlmUsage();
        Grader grader = prepared.grader(budget, usage);
        ExecutorService pool = options.usesModel() && options.concurrency() > 1
                ? Executors.newFixedThreadPool(options.concurrency(), daemon()) : null;
        TaskContext task = TaskContext.get();
        if (task != null) {
            task.addTaskCompletionListener((TaskContext t) -> {
                if (pool != null) {
                    pool.shutdownNow();
                }
                meters.addUsage(usage);
            });
        }
        return new Batches(rows, prepared, grader, pool, task);
    }

    private static java.util.concurrent.ThreadFactory daemon() {
        return r -> {
            Thread t = new Thread(r, "grader-spark-llm");
            t.setDaemon(true);
            return t;
        };
    }

    /** The output rows of a partition, graded a batch at a time as they are pulled. */
    private final class Batches implements Iterator<Row> {

        private final Iterator<Row> input;
        private final ExecutorGraders.Prepared prepared;
        private final Grader grader;
        private final ExecutorService pool;
        private final TaskContext task;
        private Iterator<Row> current = java.util.Collections.emptyIterator();

        Batches(Iterator<Row> input, ExecutorGraders.Prepared prepared, Grader grader, ExecutorService pool,
                TaskContext task) {
            this.input = input;
            this.prepared = prepared;
            this.grader = grader;
            this.pool = pool;
            this.task = task;
        }

        @Override
        public boolean hasNext() {
            while (!current.hasNext() && input.hasNext()) {
                current = nextBatch().iterator();
            }
            return current.hasNext();
        }

        @Override
        public Row next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return current.next();
        }

        private List<Row> nextBatch() {
            Consumer<TaskContext> hook = beforeBatch;
            if (hook != null) {
                hook.accept(task);
            }
            List<Row> rows = new ArrayList<>(options.batchSize());
            List<AnswerCheck.Checked> checks = new ArrayList<>(options.batchSize());
            Map<Key, GradeOutcome> distinct = new LinkedHashMap<>();
            while (rows.size() < options.batchSize() && input.hasNext()) {
                Row row = input.next();
                AnswerCheck.Checked c = AnswerCheck.check(prepared.rules, prepared.assigned,
                        readKind < 0 ? null : row.getString(readKind), readError < 0 ? null : row.getString(readError),
                        row.getString(question),
                        row.isNullAt(answerBytes) ? null : (byte[]) row.get(answerBytes), options.maxAnswerBytes());
                rows.add(row);
                checks.add(c);
                if (c.gradable()) {
                    distinct.putIfAbsent(new Key(c.questionId(), c.text()), null);
                }
            }
            grade(distinct);
            List<Row> out = new ArrayList<>(rows.size());
            for (int i = 0; i < rows.size(); i++) {
                AnswerCheck.Checked c = checks.get(i);
                Object[] grade;
                if (c.gradable()) {
                    GradeOutcome o = distinct.get(new Key(c.questionId(), c.text()));
                    grade = o.report() != null ? GradeColumns.graded(c.questionId(), o.report())
                            : GradeColumns.failed(c.questionId(), GradeColumns.GRADING_FAILED, o.failure());
                    meters.answer(o.report() != null);
                } else {
                    grade = GradeColumns.failed(c.questionId(), c.kind(), c.error());
                    meters.problem();
                }
                out.add(row(rows.get(i), grade, c.text()));
            }
            return out;
        }

        private void grade(Map<Key, GradeOutcome> distinct) {
            if (pool == null || distinct.size() < 2) {
                distinct.replaceAll((k, v) -> gradeOne(k));
                return;
            }
            Map<Key, Future<GradeOutcome>> futures = new LinkedHashMap<>();
            distinct.keySet().forEach(k -> futures.put(k, pool.submit(() -> gradeOne(k))));
            for (Map.Entry<Key, Future<GradeOutcome>> f : futures.entrySet()) {
                try {
                    distinct.put(f.getKey(), f.getValue().get());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("grading interrupted (task killed)", e);
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof Error error) {
                        throw error;
                    }
                    distinct.put(f.getKey(), GradeOutcome.failed(e.getCause()));
                }
            }
        }

        private GradeOutcome gradeOne(Key k) {
            try {
                return new GradeOutcome(grader.grade(k.questionId(), k.text()), null);
            } catch (RuntimeException e) {
                return GradeOutcome.failed(e);
            }
        }

        private Row row(Row in, Object[] grade, String text) {
            Object[] values = new Object[keep + grade.length + (answerText ? 1 : 0)];
            for (int i = 0; i < keep; i++) {
                values[i] = in.get(i);
            }
            System.arraycopy(grade, 0, values, keep, grade.length);
            if (answerText) {
                values[values.length - 1] = text;
            }
            return RowFactory.create(values);
        }
    }

    /** One distinct answer of a batch. */
    private record Key(String questionId, String text) {
    }

    /** A report, or why grading failed. */
    private record GradeOutcome(GradeReport report, String failure) {

        static GradeOutcome failed(Throwable e) {
            String message = e.getMessage();
            return new GradeOutcome(null, message == null || message.isBlank() ? e.getClass().getSimpleName()
                    : message.lines().findFirst().orElse(message));
        }
    }

    /** Counters of a run, summed on the driver (every task attempt counts: they are what was spent). */
    static final class RunMeters implements Serializable {

        private static final long serialVersionUID = 1L;

        final LongAccumulator graded;
        final LongAccumulator failed;
        final LongAccumulator problems;
        final LongAccumulator requests;
        final LongAccumulator cacheHits;
        final LongAccumulator fallbacks;

        RunMeters(org.apache.spark.SparkContext sc) {
            this.graded = sc.longAccumulator("grader.graded");
            this.failed = sc.longAccumulator("grader.gradingFailed");
            this.problems = sc.longAccumulator("grader.problems");
            this.requests = sc.longAccumulator("grader.llmRequests");
            this.cacheHits = sc.longAccumulator("grader.llmCacheHits");
            this.fallbacks = sc.longAccumulator("grader.llmFallbacks");
        }

        void answer(boolean ok) {
            (ok ? graded : failed).add(1);
        }

        void problem() {
            problems.add(1);
        }

        void addUsage(LlmUsage usage) {
            requests.add(usage.requests());
            cacheHits.add(usage.cacheHits());
            fallbacks.add(usage.fallbacks());
        }
    }
}
