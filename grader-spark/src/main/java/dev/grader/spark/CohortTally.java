package dev.grader.spark;

import dev.grader.rubric.Question;
import dev.grader.rubric.Rubric;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The cohort's statistics in one pass over {@code answers/}: a tally per partition, merged up a tree
 * ({@code treeAggregate}), so its size is that of the rubric (a few counters per question, key point and
 * misconception), whatever the cohort's. Counts are exact: scores are summed in 0.0001 units.
 *
 * <ul>
 *   <li>rows per error kind, and provisional grades (a fallback of the model);</li>
 *   <li>per question: graded answers, their score, how many need review, and answers at all (graded, or whose
 *       grading failed): the questions "the answers answer";</li>
 *   <li>per key point: answers that covered, partly covered, missed or contradicted it;</li>
 *   <li>per misconception (a rubric one, or a contradicted key point): answers stating it.</li>
 * </ul>
 */
final class CohortTally implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The columns a tally reads. */
    static final String[] COLUMNS = {"question", "errorKind", "score", "needsReview", "keyPoints", "misconceptions",
        "fallback"};

    private final Map<String, Long> kinds = new TreeMap<>();
    private long rows;
    private long fallbacks;
    private final Map<String, long[]> questions = new HashMap<>();   // graded, units, review, answered
    private final Map<String, long[]> points = new HashMap<>();      // covered, partial, missed, contradicted
    private final Map<String, Stated> misconceptions = new HashMap<>();

    /** A misconception as first seen, and how many answers stated it. */
    static final class Stated implements Serializable {
        private static final long serialVersionUID = 1L;
        final String question;
        final String id;
        final String source;
        final String text;
        final String correction;
        long answers;

        Stated(String question, String id, String source, String text, String correction) {
            this.question = question;
            this.id = id;
            this.source = source;
            this.text = text;
            this.correction = correction;
        }
    }

    /** The tally of these rows (of {@code answers/}). */
    static CohortTally of(Dataset<Row> answers) {
        return answers.select(java.util.Arrays.stream(COLUMNS).map(org.apache.spark.sql.functions::col)
                        .toArray(org.apache.spark.sql.Column[]::new))
                .toJavaRDD()
                .treeAggregate(new CohortTally(), CohortTally::add, CohortTally::merge);
    }

    private CohortTally add(Row r) {
        rows++;
        String question = r.getString(0);
        String kind = r.getString(1);
        if (kind != null) {
            kinds.merge(kind, 1L, Long::sum);
        }
        if (!r.isNullAt(6)) {
            fallbacks++;
        }
        if (question == null) {
            return this;
        }
        long[] q = questions.computeIfAbsent(question, k -> new long[4]);
        if (GradeColumns.GRADING_FAILED.equals(kind)) {
            q[3]++;
        }
        if (kind != null) {
            return this;
        }
        q[0]++;
        q[1] += Math.round(r.getDouble(2) * 10_000);
        q[2] += r.getBoolean(3) ? 1 : 0;
        q[3]++;
        for (Object o : r.getList(4)) {
            Row k = (Row) o;
            long[] p = points.computeIfAbsent(question + "\u0000" + k.getString(0), x -> new long[4]);
            switch (k.getString(3)) {
                case "covered" -> p[0]++;
                case "partial" -> p[1]++;
                case "missed" -> p[2]++;
                case "contradicted" -> p[3]++;
                default -> {
                }
            }
        }
        for (Object o : r.getList(5)) {
            Row m = (Row) o;
            misconceptions.computeIfAbsent(question + "\u0000" + m.getString(3) + "\u0000" + m.getString(0),
                    x -> new Stated(question, m.getString(0), m.getString(3), m.getString(1), m.getString(2)))
                    .answers++;
        }
        return this;
    }

    private CohortTally merge(CohortTally o) {
        o.kinds.forEach((k, n) -> kinds.merge(k, n, Long::sum));
        rows += o.rows;
        fallbacks += o.fallbacks;
        o.questions.forEach((k, v) -> add(questions.computeIfAbsent(k, x -> new long[4]), v, 1));
        o.points.forEach((k, v) -> add(points.computeIfAbsent(k, x -> new long[4]), v, 1));
        o.misconceptions.forEach((k, v) -> {
            Stated s = misconceptions.get(k);
            if (s == null) {
                misconceptions.put(k, v);
            } else {
                s.answers += v.answers;
            }
        });
        return this;
    }

    /** The question, key point and misconception counts less those of {@code o} (rows another row supersedes). */
    CohortTally without(CohortTally o) {
        o.questions.forEach((k, v) -> add(questions.computeIfAbsent(k, x -> new long[4]), v, -1));
        o.points.forEach((k, v) -> add(points.computeIfAbsent(k, x -> new long[4]), v, -1));
        o.misconceptions.forEach((k, v) -> {
            Stated s = misconceptions.get(k);
            if (s != null) {
                s.answers -= v.answers;
            }
        });
        return this;
    }

    private static void add(long[] into, long[] from, int sign) {
        for (int i = 0; i < into.length; i++) {
            into[i] += sign * from[i];
        }
    }

    /** Rows per error kind. */
    Map<String, Long> kinds() {
        return kinds;
    }

    long rows() {
        return rows;
    }

    /** Answers graded by the offline judge because the model could not be used. */
    long fallbacks() {
        return fallbacks;
    }

    /**
     * The questions the cohort answers (an answer graded, or whose grading failed), in rubric order; every question
     * of the rubric when none, as {@code grader batch} decides its assigned questions.
     */
    List<String> answered(Rubric rubric) {
        List<String> out = rubric.questions().stream().map(Question::id)
                .filter(id -> questions.containsKey(id) && questions.get(id)[3] > 0).distinct().toList();
        return out.isEmpty() ? rubric.questionIds() : out;
    }

    /** Graded answers, their score in 0.0001 units, and how many need review, of one question. */
    long[] graded(String question) {
        long[] q = questions.get(question);
        return q == null ? new long[3] : new long[] {q[0], q[1], q[2]};
    }

    /** Graded answers to these questions. */
    long graded(List<String> ids) {
        return ids.stream().mapToLong(id -> graded(id)[0]).sum();
    }

    /** Covered, partial, missed, contradicted counts of a key point. */
    long[] point(String question, String keyPoint) {
        long[] p = points.get(question + "\u0000" + keyPoint);
        return p == null ? new long[4] : p.clone();
    }

    /** Misconceptions stated in answers to these questions, with at least one answer. */
    List<Stated> misconceptions(List<String> ids) {
        return misconceptions.values().stream().filter(s -> s.answers > 0 && ids.contains(s.question)).toList();
    }
}
