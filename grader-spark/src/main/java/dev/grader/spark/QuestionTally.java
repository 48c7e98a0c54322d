package dev.grader.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import dev.grader.rubric.Question;
import dev.grader.rubric.Rubric;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The answers that count, tallied per question in one Spark aggregation (a row per question and error kind): which
 * questions the cohort answers, and per question the graded answers, their score in 0.0001 units and how many need
 * review; plus one report, whose audit names the judge.
 */
final class QuestionTally {

    /**
     * The graded answers of one question.
     *
     * @param answers     how many
     * @param units       the sum of their scores in 0.0001 units
     * @param needsReview how many need review
     */
    record Graded(long answers, long units, long needsReview) {
    }

    private final Map<String, Graded> graded = new HashMap<>();
    private final Set<String> answered = new LinkedHashSet<>();
    private String report;

    private QuestionTally() {
    }

    static QuestionTally of(Dataset<Row> counted) {
        QuestionTally t = new QuestionTally();
        for (Row r : counted.groupBy(col("question"), col("errorKind"))
                .agg(count(lit(1)), sum(CandidateTotals.units(col("score"))),
                        count(when(col("needsReview"), lit(1))), first(col("report"), true))
                .collectAsList()) {
            String question = r.getString(0);
            String kind = r.getString(1);
            if (kind == null) {
                t.graded.put(question, new Graded(r.getLong(2), r.isNullAt(3) ? 0 : r.getLong(3), r.getLong(4)));
                t.answered.add(question);
                if (t.report == null && !r.isNullAt(5)) {
                    t.report = r.getString(5);
                }
            } else if (kind.equals(GradeColumns.GRADING_FAILED)) {
                t.answered.add(question);
            }
        }
        return t;
    }

    /**
     * The questions the cohort answers (with an answer that was graded, or whose grading failed), in rubric order;
     * every question of the rubric when none, as {@code grader batch} decides its assigned questions.
     */
    List<String> answered(Rubric rubric) {
        List<String> out = rubric.questions().stream().map(Question::id).filter(answered::contains).distinct()
                .toList();
        return out.isEmpty() ? rubric.questionIds() : out;
    }

    Graded graded(String question) {
        return graded.getOrDefault(question, new Graded(0, 0, 0));
    }

    /** Graded answers to these questions. */
    long graded(List<String> questions) {
        return questions.stream().mapToLong(q -> graded(q).answers()).sum();
    }

    /** One report's JSON, or null when nothing was graded. */
    String report() {
        return report;
    }
}
