package dev.grader.batch;

import dev.grader.GradeReport;
import dev.grader.GradeReport.KeyPointResult;
import dev.grader.GradeReport.MisconceptionResult;
import dev.grader.batch.CandidateResult.QuestionResult;
import dev.grader.rubric.Question;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The cohort, added one candidate result at a time: a {@link CohortRow} per candidate and running aggregates
 * (per-question means, key points missed, misconceptions stated, judge usage). Nothing of a result is kept beyond
 * its row, so memory grows by a row per candidate, not by a report.
 */
final class Cohort {

    static final int HISTOGRAM_BINS = 10;

    private final List<Question> questions;
    private final List<CohortRow> rows = new ArrayList<>();
    private final double[] scoreSum;
    private final int[] answered;
    private final Map<String, PointStat> points = new LinkedHashMap<>();
    private final Map<String, MisconceptionStat> misconceptions = new LinkedHashMap<>();
    private final Map<String, QuestionFailure> failures = new LinkedHashMap<>();
    private Usage usage = Usage.NONE;
    private int provisional;
    private String fallbackReason;
    private List<CohortRow> ranked;

    /**
     * A question whose grading failed for some candidates' answers: they count neither in those candidates'
     * totals nor in their maximum.
     *
     * @param question the question id
     * @param answers  answers not graded
     * @param reason   the first failure
     */
    record QuestionFailure(String question, int answers, String reason) {
    }

    Cohort(List<Question> questions) {
        this.questions = List.copyOf(questions);
        this.scoreSum = new double[questions.size()];
        this.answered = new int[questions.size()];
        for (Question q : questions) {
            q.gradedKeyPoints().forEach(k -> points.put(q.id() + "\u0000" + k.id(), new PointStat(q.id(), k.id(),
                    k.text())));
        }
    }

    /** How often the answers to its question missed, partly covered or contradicted a key point. */
    static final class PointStat {
        final String question;
        final String id;
        final String text;
        int missed;
        int partial;
        int contradicted;

        PointStat(String question, String id, String text) {
            this.question = question;
            this.id = id;
            this.text = text;
        }
    }

    /** How many candidates stated a misconception (a rubric one, or the opposite of a key point). */
    static final class MisconceptionStat {
        final String question;
        final String id;
        final String text;
        final String correction;
        final String source;
        int count;

        MisconceptionStat(String question, MisconceptionResult m) {
            this.question = question;
            this.id = m.id();
            this.text = m.text();
            this.correction = m.correction();
            this.source = m.source();
        }
    }

    List<Question> questions() {
        return questions;
    }

    void add(Planned p, CandidateResult r) {
        List<Double> scores = new ArrayList<>(questions.size());
        for (int i = 0; i < questions.size(); i++) {
            QuestionResult q = i < r.questions().size() ? r.questions().get(i) : null;
            if (q != null && q.failed()) {
                failures.merge(q.question(), new QuestionFailure(q.question(), 1, q.reason()),
                        (a, b) -> new QuestionFailure(a.question(), a.answers() + 1, a.reason()));
            }
            if (q == null || !q.answered()) {
                scores.add(null);
                continue;
            }
            GradeReport g = q.report();
            scores.add(g.score());
            scoreSum[i] += g.score();
            answered[i]++;
            for (KeyPointResult k : g.keyPoints()) {
                PointStat stat = points.get(q.question() + "\u0000" + k.id());
                if (stat != null) {
                    switch (k.status()) {
                        case MISSED -> stat.missed++;
                        case PARTIAL -> stat.partial++;
                        case CONTRADICTED -> stat.contradicted++;
                        default -> {
                        }
                    }
                }
            }
            for (MisconceptionResult m : g.misconceptions()) {
                misconceptions.computeIfAbsent(q.question() + "\u0000" + m.source() + "\u0000" + m.id(),
                        x -> new MisconceptionStat(q.question(), m)).count++;
            }
        }
        usage = usage.plus(r.usage());
        String reason = null;
        if (r.usage().fallbacks() > 0) {
            provisional++;
            reason = "provisional: " + r.usage().fallbacks() + " answer(s) graded by the offline judge because the "
                    + "model could not be used; rerun to grade them again";
            if (fallbackReason == null) {
                r.questions().stream().filter(QuestionResult::answered).map(q -> q.report().usage())
                        .filter(u -> u != null && u.fallback() != null).findFirst()
                        .ifPresent(u -> fallbackReason = u.fallback());
            }
        }
        rows.add(row(p, CohortRow.GRADED, reason, scores, r.totals()));
        ranked = null;
    }

    void addUngraded(Planned p, String status, String reason) {
        rows.add(row(p, status, reason, List.of(), null));
        ranked = null;
    }

    private static CohortRow row(Planned p, String status, String reason, List<Double> scores,
                                 CandidateResult.Totals totals) {
        return new CohortRow(p.file(), p.display(), p.anonymized() ? null : p.candidateId(),
                p.anonymized() ? null : p.submission().source(), status, reason, scores, totals, 0);
    }

    /**
     * Graded candidates by percentage, best first (ties by file name), with competition ranks (1, 2, 2, 4); then
     * the others by file name.
     */
    List<CohortRow> ranked() {
        if (ranked != null) {
            return ranked;
        }
        List<CohortRow> graded = rows.stream().filter(CohortRow::graded)
                .sorted(Comparator.comparingDouble((CohortRow r) -> -r.totals().percent())
                        .thenComparing(CohortRow::file))
                .toList();
        List<CohortRow> out = new ArrayList<>(rows.size());
        for (int i = 0; i < graded.size(); i++) {
            CohortRow r = graded.get(i);
            boolean tie = i > 0 && graded.get(i - 1).totals().percent() == r.totals().percent();
            out.add(r.withRank(tie ? out.get(i - 1).rank() : i + 1));
        }
        rows.stream().filter(r -> !r.graded()).sorted(Comparator.comparing(CohortRow::file)).forEach(out::add);
        ranked = List.copyOf(out);
        return ranked;
    }

    int graded() {
        return (int) rows.stream().filter(CohortRow::graded).count();
    }

    /** Candidates whose percentage falls in each tenth: 0–10, ..., 90–100 (100 in the last). */
    int[] histogram() {
        int[] bins = new int[HISTOGRAM_BINS];
        for (CohortRow r : rows) {
            if (r.graded()) {
                bins[Math.min(HISTOGRAM_BINS - 1, (int) Math.floor(r.totals().percent() / (100.0 / HISTOGRAM_BINS)))]++;
            }
        }
        return bins;
    }

    /** Mean percentage of graded candidates, one decimal; 0 for none. */
    double meanPercent() {
        return spread().mean();
    }

    /** Median percentage of graded candidates, one decimal; 0 for none. */
    double medianPercent() {
        return spread().median();
    }

    /**
     * How the graded candidates' percentages spread, each rounded to one decimal; all 0 for no candidate.
     * Quartiles interpolate between ranks (the common "type 7" definition, as spreadsheets compute them).
     *
     * @param min               the lowest
     * @param lowerQuartile     25th percentile
     * @param median            50th percentile
     * @param upperQuartile     75th percentile
     * @param max               the highest
     * @param mean              the mean
     * @param standardDeviation the population standard deviation
     */
    record Spread(double min, double lowerQuartile, double median, double upperQuartile, double max, double mean,
                  double standardDeviation) {
    }

    Spread spread() {
        double[] p = rows.stream().filter(CohortRow::graded).mapToDouble(r -> r.totals().percent()).sorted()
                .toArray();
        if (p.length == 0) {
            return new Spread(0, 0, 0, 0, 0, 0, 0);
        }
        double mean = java.util.Arrays.stream(p).average().orElse(0);
        double variance = java.util.Arrays.stream(p).map(x -> (x - mean) * (x - mean)).sum() / p.length;
        return new Spread(p[0], Numbers.round(quantile(p, 0.25), 1), Numbers.round(quantile(p, 0.5), 1),
                Numbers.round(quantile(p, 0.75), 1), p[p.length - 1], Numbers.round(mean, 1),
                Numbers.round(Math.sqrt(variance), 1));
    }

    private static double quantile(double[] sorted, double q) {
        double h = (sorted.length - 1) * q;
        int lo = (int) Math.floor(h);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    /** Answers given across graded candidates. */
    int answersGiven() {
        int n = 0;
        for (int a : answered) {
            n += a;
        }
        return n;
    }

    /** Candidates who answered question {@code i} (rubric order). */
    int answered(int i) {
        return answered[i];
    }

    /** Mean score (0..1, four decimals) of the answers to question {@code i}; null when nobody answered. */
    Double meanScore(int i) {
        return answered[i] == 0 ? null : Numbers.round(scoreSum[i] / answered[i], 4);
    }

    /** Key points by how many answers missed them, most first; ties in rubric order. Never-missed ones are left out. */
    List<PointStat> mostMissed(int limit) {
        return points.values().stream().filter(s -> s.missed > 0)
                .sorted(Comparator.comparingInt((PointStat s) -> -s.missed))
                .limit(limit).toList();
    }

    /** Misconceptions by how many candidates stated them, most first; ties in rubric order of their question. */
    List<MisconceptionStat> mostCommonMisconceptions(int limit) {
        return misconceptions.values().stream()
                .sorted(Comparator.comparingInt((MisconceptionStat s) -> -s.count)
                        .thenComparingInt(s -> indexOf(s.question)).thenComparing(s -> s.source)
                        .thenComparing(s -> s.id))
                .limit(limit).toList();
    }

    private int indexOf(String questionId) {
        for (int i = 0; i < questions.size(); i++) {
            if (questions.get(i).id().equals(questionId)) {
                return i;
            }
        }
        return questions.size();
    }

    /** Answers to the question of {@code questionId}. */
    int answeredOf(String questionId) {
        int i = indexOf(questionId);
        return i < questions.size() ? answered[i] : 0;
    }

    /** Graded candidates with an answer that fell back to the offline judge. */
    int provisional() {
        return provisional;
    }

    /** Why the first provisional answer fell back, or null. */
    String fallbackReason() {
        return fallbackReason;
    }

    Usage usage() {
        return usage;
    }

    /** Questions whose grading failed, in rubric order. */
    List<QuestionFailure> failures() {
        return questions.stream().map(q -> failures.get(q.id())).filter(java.util.Objects::nonNull).toList();
    }
}
