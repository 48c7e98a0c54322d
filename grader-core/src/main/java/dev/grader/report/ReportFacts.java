package dev.grader.report;

import dev.grader.GradeReport;
import dev.grader.GradeReport.FollowUpProbe;
import dev.grader.JudgeTrace;
import dev.grader.PointStatus;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** What the text and Markdown views say alike: marks, numbers, the usage line. */
final class ReportFacts {

    /** Evidence quotes longer than this many chars are cut at a word boundary and end with an ellipsis. */
    static final int MAX_QUOTE_CHARS = 200;

    static final String GENERATED = "generated";

    /** The mark of a misconception stated: the same as a contradicted key point's. */
    static final String MISCONCEPTION = "⚠";

    private ReportFacts() {
    }

    static String mark(PointStatus status) {
        return switch (status) {
            case COVERED -> "✔";
            case PARTIAL -> "◐";
            case MISSED -> "✘";
            case CONTRADICTED -> "⚠";
        };
    }

    /** "Graded like an answer that scored 4/5 (similarity 0.82):" of the nearest graded example. */
    static String gradedLike(dev.grader.Assessment.Neighbour n) {
        return String.format(Locale.ROOT, "Graded like an answer that scored %s/%s (%s, similarity %.2f):",
                plain(n.score()), plain(n.scale()), UntrustedText.line(n.exampleId()), n.similarity());
    }

    /** How the examples moved the score: "The examples moved the score from 62% to 48%." */
    static String exampleShift(dev.grader.Assessment.ExampleVote vote) {
        double after = Math.max(0, Math.min(1, vote.referenceScore() + vote.adjustment()));
        String nearest = " (the nearest examples scored " + percent(vote.examplesScore()) + " on average)";
        if (percent(after).equals(percent(vote.referenceScore()))) {
            return "The examples left the score at " + percent(after) + nearest + ".";
        }
        return "The examples moved the score from " + percent(vote.referenceScore()) + " to " + percent(after)
                + nearest + ".";
    }

    private static String plain(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }

    /** {@code 14%}: rounded like the feedback paragraph, so both always agree. */
    static String percent(double score) {
        return String.format(Locale.ROOT, "%.0f%%", score * 100);
    }

    /** {@code 1 of 7 points}, {@code 4.5 of 6 points}. */
    static String points(GradeReport report) {
        return number(report.points()) + " of " + number(report.maxPoints()) + " points";
    }

    /** At most two decimals, no trailing zeros: {@code 1}, {@code 1.5}, {@code 0.33}. */
    static String number(double value) {
        BigDecimal rounded = BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros();
        return rounded.signum() == 0 ? "0" : rounded.toPlainString();
    }

    static boolean isGenerated(FollowUpProbe probe) {
        return GENERATED.equals(probe.origin());
    }

    /**
     * What the model calls cost, or {@code null} when no model was asked (the offline judge alone): such as
     * {@code 2 model calls (1 from cache), 1,200 prompt + 310 completion tokens, $0.0021}.
     */
    static String usage(JudgeTrace usage) {
        if (usage == null || usage.llmCalls() + usage.cacheHits() == 0) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        String calls = usage.llmCalls() + (usage.llmCalls() == 1 ? " model call" : " model calls");
        parts.add(usage.cacheHits() > 0 ? calls + " (" + usage.cacheHits() + " from cache)" : calls);
        if (usage.promptTokens() + usage.completionTokens() > 0) {
            parts.add(String.format(Locale.ROOT, "%,d prompt + %,d completion tokens", usage.promptTokens(),
                    usage.completionTokens()));
        }
        if (usage.costUsd() > 0) {
            parts.add(Dollars.format(usage.costUsd()));
        }
        usage.unpricedModel().ifPresent(model -> parts.add("cost unknown (no price for model '" + model + "')"));
        if (usage.callsSaved() > 0) {
            parts.add(usage.callsSaved() + (usage.callsSaved() == 1 ? " call" : " calls") + " saved");
        }
        return String.join(", ", parts);
    }
}
