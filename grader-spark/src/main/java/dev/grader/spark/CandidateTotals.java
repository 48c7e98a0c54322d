package dev.grader.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.map_from_entries;
import static org.apache.spark.sql.functions.round;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * {@code candidates/}: per candidate the numbers {@code grader batch} puts in {@code summary.csv}, computed with
 * Spark aggregations. Every assigned question weighs the same: a candidate's {@code total} is the sum of their
 * question scores (unanswered ones count 0), {@code max} the number of assigned questions (less those whose grading
 * failed), {@code percent} = 100 × total / max to one decimal. Ranks are competition ranks by percent (1, 2, 2, 4).
 *
 * <p>Scores are summed exactly, in units of 0.0001 (every score has four decimals), so the sum does not depend on
 * the order in which partitions arrive: a retried task cannot change a total, and the totals equal batch's.
 */
final class CandidateTotals {

    static final StructType SCHEMA = new StructType()
            .add("rank", DataTypes.IntegerType)
            .add("candidate", DataTypes.StringType)
            .add("status", DataTypes.StringType)
            .add("reason", DataTypes.StringType)
            .add("scores", DataTypes.createMapType(DataTypes.StringType, DataTypes.DoubleType))
            .add("total", DataTypes.DoubleType)
            .add("max", DataTypes.IntegerType)
            .add("percent", DataTypes.DoubleType)
            .add("answered", DataTypes.IntegerType)
            .add("unanswered", DataTypes.IntegerType)
            .add("needsReview", DataTypes.IntegerType)
            .add("failed", DataTypes.IntegerType);

    static final String GRADED = "graded";
    static final String UNREADABLE = "unreadable";

    private CandidateTotals() {
    }

    /** A score as a whole number of 0.0001 units. */
    static Column units(Column score) {
        return round(score.multiply(10_000)).cast(DataTypes.LongType);
    }

    /**
     * Per candidate, unranked: every candidate of the answers table; graded when some row names a question of the
     * rubric, unreadable otherwise.
     */
    static Dataset<Row> unranked(Dataset<Row> answers, Dataset<Row> counted, List<String> assigned) {
        Column kind = col("errorKind");
        Column readable = kind.isNull().or(kind.notEqual(GradeColumns.MALFORMED));
        Dataset<Row> people = answers.filter(col("candidate").isNotNull())
                .groupBy("candidate")
                .agg(count(when(readable, lit(1))).as("rows"),
                        count(when(readable.and(col("question").isNotNull()), lit(1))).as("named"));
        Column graded = kind.isNull();
        Dataset<Row> stats = counted.filter(col("question").isin(assigned.toArray()))
                .groupBy(col("candidate").as("__candidate"))
                .agg(count(when(graded, lit(1))).as("answered"),
                        count(when(kind.equalTo(GradeColumns.GRADING_FAILED), lit(1))).as("failed"),
                        sum(when(graded, units(col("score"))).otherwise(lit(0L))).as("units"),
                        count(when(graded.and(col("needsReview")), lit(1))).as("needsReview"),
                        map_from_entries(collect_list(when(graded, struct(col("question"), col("score")))))
                                .as("scores"));
        Dataset<Row> joined = people.join(stats, col("candidate").equalTo(col("__candidate")), "left")
                .select("candidate", "rows", "named", "answered", "failed", "units", "needsReview", "scores");
        return joined.map(new Totals(assigned.size()), Encoders.row(SCHEMA));
    }

    /** Ranks {@code unranked} by percent: the distinct percentages (at most 1,001) are ranked on the driver. */
    static Dataset<Row> ranked(Dataset<Row> unranked, Map<Double, Long> percentCounts) {
        return unranked.map(new Ranks(ranks(percentCounts)), Encoders.row(SCHEMA))
                .orderBy(col("rank").asc_nulls_last(), col("candidate"));
    }

    /** The competition rank of each percentage: 1 + the number of candidates above it. */
    static Map<Double, Integer> ranks(Map<Double, Long> percentCounts) {
        TreeMap<Double, Long> descending = new TreeMap<>(java.util.Comparator.reverseOrder());
        descending.putAll(percentCounts);
        Map<Double, Integer> out = new HashMap<>();
        long above = 0;
        for (Map.Entry<Double, Long> e : descending.entrySet()) {
            out.put(e.getKey(), (int) (above + 1));
            above += e.getValue();
        }
        return out;
    }

    /** Rounds as batch does ({@code Numbers.round}): half up, from the double's shortest decimal form. */
    static double halfUp(double value, int decimals) {
        return BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP).doubleValue();
    }

    /** A candidate's totals from the aggregates. */
    private record Totals(int assigned) implements MapFunction<Row, Row>, Serializable {

        @Override
        public Row call(Row r) {
            String candidate = r.getString(0);
            long rows = r.getLong(1);
            long named = r.getLong(2);
            if (named == 0) {
                return RowFactory.create(null, candidate, UNREADABLE, "no recognisable answers: none of its " + rows
                        + (rows == 1 ? " row names" : " rows name") + " a question of the rubric", null, null, null,
                        null, null, null, null, null);
            }
            int answered = r.isNullAt(3) ? 0 : (int) r.getLong(3);
            int failed = r.isNullAt(4) ? 0 : (int) r.getLong(4);
            long units = r.isNullAt(5) ? 0 : r.getLong(5);
            int review = r.isNullAt(6) ? 0 : (int) r.getLong(6);
            Object scores = r.isNullAt(7) ? scala.collection.immutable.Map$.MODULE$.empty() : r.get(7);
            int max = assigned - failed;
            double total = units / 10_000.0;
            double percent = max == 0 ? 0 : halfUp(100 * total / max, 1);
            return RowFactory.create(null, candidate, GRADED, null, scores, total, max, percent, answered,
                    max - answered, review, failed);
        }
    }

    /** Adds the rank of a graded candidate. */
    private record Ranks(Map<Double, Integer> ranks) implements MapFunction<Row, Row>, Serializable {

        @Override
        public Row call(Row r) {
            Object[] values = new Object[r.length()];
            for (int i = 0; i < values.length; i++) {
                values[i] = r.get(i);
            }
            if (!r.isNullAt(7)) {
                values[0] = ranks.get(r.getDouble(7));
            }
            return RowFactory.create(values);
        }
    }
}
