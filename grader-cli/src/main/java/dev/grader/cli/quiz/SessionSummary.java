package dev.grader.cli.quiz;

import dev.grader.GradeReport;
import dev.grader.GradeReport.KeyPointResult;
import dev.grader.GradeReport.MisconceptionResult;
import dev.grader.PointStatus;
import dev.grader.report.ReportRenderer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * What a quiz session amounted to: per question the score and verdict, the average, follow-ups answered and
 * graded, and what to review: misconceptions stated, then contradicted, missed and partial key points, the
 * weightiest first.
 */
public final class SessionSummary {

    /** Review items listed before "and N more". */
    static final int REVIEW_ITEMS = 6;
    private static final int BAR_CELLS = 10;

    private final int asked;
    private final List<GradeReport> answered = new ArrayList<>();
    private final List<GradeReport> followUpsGraded = new ArrayList<>();
    private int followUpsAnswered;
    private int skipped;

    SessionSummary(int asked) {
        this.asked = asked;
    }

    void answered(GradeReport report) {
        answered.add(report);
    }

    /** A question left unanswered with an empty answer. */
    void skipped() {
        skipped++;
    }

    /** A follow-up answered; {@code report} is null when it could not be graded. */
    void followUp(GradeReport report) {
        followUpsAnswered++;
        if (report != null) {
            followUpsGraded.add(report);
        }
    }

    /** Questions answered (follow-ups not counted). */
    public int answered() {
        return answered.size();
    }

    /** The mean score of the questions answered, 0..1; 0 when none was. */
    public double averageScore() {
        return answered.stream().mapToDouble(GradeReport::score).average().orElse(0);
    }

    void print(Screen screen) {
        screen.bold("Session summary");
        if (answered.isEmpty()) {
            screen.plain("No question answered" + (skipped > 0 ? " (" + skipped + " skipped)." : "."), "  ", "  ");
            return;
        }
        screen.plain("Answered " + answered.size() + " of " + asked + (asked == 1 ? " question" : " questions")
                + (skipped > 0 ? " (" + skipped + " skipped)" : "")
                + " · average score " + ReportRenderer.percent(averageScore()), "  ", "  ");
        int idWidth = answered.stream().mapToInt(r -> r.question().length()).max().orElse(0);
        for (GradeReport r : answered) {
            screen.line("    " + pad(r.question(), idWidth) + "  " + bar(r.score()) + " " + pad(ReportRenderer.percent(r.score()), 4, true)
                    + "  " + r.verdict().label());
        }
        if (followUpsAnswered > 0) {
            String graded = followUpsGraded.isEmpty() ? "none graded"
                    : followUpsGraded.size() + " graded, average score " + ReportRenderer.percent(followUpsGraded.stream()
                    .mapToDouble(GradeReport::score).average().orElse(0));
            screen.plain("Follow-ups: " + followUpsAnswered + " answered, " + graded, "  ", "  ");
        }
        List<String> review = review();
        screen.blank();
        if (review.isEmpty()) {
            screen.bold("Nothing to review: every key point covered.");
            return;
        }
        screen.bold("To review");
        review.stream().limit(REVIEW_ITEMS).forEach(item -> screen.plain(item, "  ", "      "));
        if (review.size() > REVIEW_ITEMS) {
            screen.plain("and " + (review.size() - REVIEW_ITEMS) + " more", "  ", "  ");
        }
    }

    /** Misconceptions stated first, then key points by status (contradicted, missed, partial) and weight. */
    List<String> review() {
        record Weak(String question, KeyPointResult point, int order) {
        }
        List<String> items = new ArrayList<>();
        List<Weak> weak = new ArrayList<>();
        for (GradeReport r : answered) {
            for (MisconceptionResult m : r.misconceptions()) {
                if ("rubric".equals(m.source())) {
                    items.add("⚠ " + r.question() + " · " + m.text() + " — " + (m.correction().isBlank()
                            ? "a common misconception" : m.correction()));
                }
            }
            for (KeyPointResult p : r.keyPoints()) {
                if (p.status() != PointStatus.COVERED) {
                    weak.add(new Weak(r.question(), p, weak.size()));
                }
            }
        }
        weak.sort(Comparator.comparingInt((Weak w) -> rank(w.point().status()))
                .thenComparing(Comparator.comparingDouble((Weak w) -> w.point().weight()).reversed())
                .thenComparingInt(Weak::order));
        for (Weak w : weak) {
            items.add(ReportRenderer.mark(w.point().status()) + " " + w.question() + " · " + w.point().text());
        }
        return items;
    }

    private static int rank(PointStatus status) {
        return switch (status) {
            case CONTRADICTED -> 0;
            case MISSED -> 1;
            case PARTIAL -> 2;
            case COVERED -> 3;
        };
    }

    private static String bar(double score) {
        int filled = (int) Math.round(Math.max(0, Math.min(1, score)) * BAR_CELLS);
        return "█".repeat(filled) + "░".repeat(BAR_CELLS - filled);
    }

    private static String pad(String text, int width) {
        return pad(text, width, false);
    }

    private static String pad(String text, int width, boolean right) {
        String padding = " ".repeat(Math.max(0, width - text.length()));
        return right ? padding + text : text + padding;
    }
}
