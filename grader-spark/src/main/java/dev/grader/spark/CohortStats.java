package dev.grader.spark;


import dev.grader.rubric.KeyPoint;
import dev.grader.rubric.Question;
import dev.grader.rubric.Rubric;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * {@code cohort/}: the statistics of batch's {@code report.html} as tables, from the {@link CohortTally} of the
 * answers that count, for the assigned questions. They are small (a row per question, key point, misconception),
 * so they are finished on the driver, exactly (sums in 0.0001 units, means rounded half up), and sorted as the page
 * sorts them: key points by how many answers missed them, misconceptions by how many answers stated them, ties in
 * rubric order.
 */
final class CohortStats {

    static final StructType QUESTIONS = new StructType()
            .add("question", DataTypes.StringType)
            .add("prompt", DataTypes.StringType)
            .add("answered", DataTypes.LongType)
            .add("meanScore", DataTypes.DoubleType)
            .add("needsReview", DataTypes.LongType);

    static final StructType KEY_POINTS = new StructType()
            .add("question", DataTypes.StringType)
            .add("keyPoint", DataTypes.StringType)
            .add("text", DataTypes.StringType)
            .add("answers", DataTypes.LongType)
            .add("missed", DataTypes.LongType)
            .add("partial", DataTypes.LongType)
            .add("contradicted", DataTypes.LongType)
            .add("covered", DataTypes.LongType);

    static final StructType MISCONCEPTIONS = new StructType()
            .add("question", DataTypes.StringType)
            .add("misconception", DataTypes.StringType)
            .add("source", DataTypes.StringType)
            .add("text", DataTypes.StringType)
            .add("correction", DataTypes.StringType)
            .add("answers", DataTypes.LongType);

    static final StructType SPREAD = new StructType()
            .add("candidates", DataTypes.LongType)
            .add("graded", DataTypes.LongType)
            .add("min", DataTypes.DoubleType)
            .add("lowerQuartile", DataTypes.DoubleType)
            .add("median", DataTypes.DoubleType)
            .add("upperQuartile", DataTypes.DoubleType)
            .add("max", DataTypes.DoubleType)
            .add("mean", DataTypes.DoubleType)
            .add("standardDeviation", DataTypes.DoubleType);

    private CohortStats() {
    }

    /** Per assigned question, in rubric order: answers graded, mean score (4 decimals), answers to review. */
    static List<Row> questions(CohortTally tally, Rubric rubric, List<String> assigned) {
        List<Row> out = new ArrayList<>();
        for (Question q : ordered(rubric, assigned)) {
            long[] g = tally.graded(q.id());
            Double mean = g[0] == 0 ? null : BigDecimal.valueOf(g[1])
                    .divide(BigDecimal.valueOf(g[0] * 10_000L), 4, RoundingMode.HALF_UP).doubleValue();
            out.add(RowFactory.create(q.id(), q.prompt(), g[0], mean, g[2]));
        }
        return out;
    }

    /** Every key point of the assigned questions with how the answers fared on it, the most missed first. */
    static List<Row> keyPoints(CohortTally tally, Rubric rubric, List<String> assigned) {
        List<Row> out = new ArrayList<>();
        for (Question q : ordered(rubric, assigned)) {
            for (KeyPoint k : q.gradedKeyPoints()) {
                long[] p = tally.point(q.id(), k.id()); // covered, partial, missed, contradicted
                out.add(RowFactory.create(q.id(), k.id(), k.text(), p[0] + p[1] + p[2] + p[3], p[2], p[1], p[3],
                        p[0]));
            }
        }
        out.sort(Comparator.comparingLong((Row r) -> -r.getLong(4))); // stable: ties keep rubric order
        return out;
    }

    /** Misconceptions stated (rubric ones, and contradicted key points), the most common first. */
    static List<Row> misconceptions(CohortTally tally, Rubric rubric, List<String> assigned) {
        Map<String, Integer> order = new HashMap<>();
        for (Question q : ordered(rubric, assigned)) {
            order.put(q.id(), order.size());
        }
        List<Row> out = new ArrayList<>();
        for (CohortTally.Stated m : tally.misconceptions(assigned)) {
            out.add(RowFactory.create(m.question, m.id, m.source, m.text, m.correction, m.answers));
        }
        out.sort(Comparator.comparingLong((Row r) -> -r.getLong(5))
                .thenComparingInt(r -> order.getOrDefault(r.getString(0), Integer.MAX_VALUE))
                .thenComparing(r -> r.getString(2)).thenComparing(r -> r.getString(1)));
        return out;
    }

    /** Candidates per tenth of the percentage scale, as the page's histogram (100 % in the last bin). */
    static long[] histogram(Map<Double, Long> percentCounts) {
        long[] bins = new long[10];
        percentCounts.forEach((p, n) -> bins[Math.min(9, (int) Math.floor(p / 10.0))] += n);
        return bins;
    }

    /**
     * How the graded candidates' percentages spread, from their distinct values and counts, exactly: quartiles
     * interpolated between ranks ("type 7", as spreadsheets and the page compute them), one decimal.
     */
    static Row spread(Map<Double, Long> percentCounts, long candidates) {
        List<Map.Entry<Double, Long>> sorted = new ArrayList<>(percentCounts.entrySet());
        sorted.sort(Map.Entry.comparingByKey());
        long n = sorted.stream().mapToLong(Map.Entry::getValue).sum();
        if (n == 0) {
            return RowFactory.create(candidates, 0L, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0);
        }
        BigDecimal total = BigDecimal.ZERO;
        for (Map.Entry<Double, Long> e : sorted) {
            total = total.add(BigDecimal.valueOf(e.getKey()).multiply(BigDecimal.valueOf(e.getValue())));
        }
        BigDecimal mean = total.divide(BigDecimal.valueOf(n), MathContext.DECIMAL128);
        BigDecimal squares = BigDecimal.ZERO;
        for (Map.Entry<Double, Long> e : sorted) {
            BigDecimal d = BigDecimal.valueOf(e.getKey()).subtract(mean);
            squares = squares.add(d.multiply(d).multiply(BigDecimal.valueOf(e.getValue())));
        }
        double sd = Math.sqrt(squares.divide(BigDecimal.valueOf(n), MathContext.DECIMAL128).doubleValue());
        return RowFactory.create(candidates, n, sorted.get(0).getKey(), quantile(sorted, n, 0.25),
                quantile(sorted, n, 0.5), quantile(sorted, n, 0.75), sorted.get(sorted.size() - 1).getKey(),
                mean.setScale(1, RoundingMode.HALF_UP).doubleValue(), CandidateTotals.halfUp(sd, 1));
    }

    private static double quantile(List<Map.Entry<Double, Long>> sorted, long n, double q) {
        double h = (n - 1) * q;
        long lo = (long) Math.floor(h);
        long hi = Math.min(n - 1, lo + 1);
        double a = valueAt(sorted, lo);
        double b = valueAt(sorted, hi);
        return CandidateTotals.halfUp(a + (h - lo) * (b - a), 1);
    }

    private static double valueAt(List<Map.Entry<Double, Long>> sorted, long index) {
        long seen = 0;
        for (Map.Entry<Double, Long> e : sorted) {
            seen += e.getValue();
            if (index < seen) {
                return e.getKey();
            }
        }
        return sorted.get(sorted.size() - 1).getKey();
    }

    /** The assigned questions in rubric order. */
    static List<Question> ordered(Rubric rubric, List<String> assigned) {
        Map<String, Question> byId = new LinkedHashMap<>();
        for (Question q : rubric.questions()) {
            if (assigned.contains(q.id())) {
                byId.putIfAbsent(q.id(), q);
            }
        }
        return new ArrayList<>(byId.values());
    }
}
