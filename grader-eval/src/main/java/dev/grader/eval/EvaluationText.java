package dev.grader.eval;

import dev.grader.Api;
import dev.grader.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The text form of an evaluation result: a summary block of the overall metrics ({@code n/a} when undefined),
 * then the per-kind, per-label and per-question tables with aligned columns. Plain text, no colours: fit for a
 * terminal, a file or an issue comment.
 */
@Api(status = Api.Status.EXPERIMENTAL)
public final class EvaluationText {

    private EvaluationText() {
    }

    /** The whole report, ending in a newline. */
    public static String render(EvaluationResult result) {
        StringBuilder out = new StringBuilder();
        out.append("rubric ").append(result.rubric()).append(": ").append(result.rows()).append(" answers, ")
                .append(result.graded()).append(" graded\n\n");
        out.append(summary(result));
        if (!result.kinds().isEmpty()) {
            out.append("\nby kind\n").append(kinds(result.kinds()));
        }
        if (!result.labels().isEmpty()) {
            out.append("\nby label\n").append(labels(result.labels()));
        }
        if (!result.questions().isEmpty()) {
            out.append("\nby question\n").append(questions(result.questions()));
        }
        return out.toString();
    }

    static String summary(EvaluationResult result) {
        Metrics m = result.metrics();
        String units = Double.isNaN(result.scale()) ? "" : "  (gold scale 0.." + trim(result.scale()) + ")";
        List<String[]> lines = new ArrayList<>();
        lines.add(new String[] {"n", Integer.toString(m.n())});
        lines.add(new String[] {"pearson", number(m.pearson())});
        lines.add(new String[] {"spearman", number(m.spearman())});
        lines.add(new String[] {"qwk", number(m.qwk())});
        lines.add(new String[] {"rmse", number(m.rmse()) + units});
        lines.add(new String[] {"mae", number(m.mae())});
        lines.add(new String[] {"rmseCalibrated", number(m.rmseCalibrated())});
        lines.add(new String[] {"maeCalibrated", number(m.maeCalibrated())});
        lines.add(new String[] {"accuracy", number(m.accuracy()) + labelled(m)});
        lines.add(new String[] {"macroF1", number(m.macroF1())});
        Metrics without = result.withoutExamples();
        if (without != null) {
            lines.add(new String[] {"withoutExamples", "pearson " + number(without.pearson()) + ", spearman "
                    + number(without.spearman()) + ", qwk " + number(without.qwk()) + ", rmse " + number(without.rmse())
                    + ", mae " + number(without.mae()) + " (the same answers scored before graded examples corrected "
                    + "them)"});
        }
        MisconceptionAgreement mc = result.misconceptions();
        if (mc != null) {
            lines.add(new String[] {"misconceptions", "reported for " + mc.statedReported() + " of " + mc.stated()
                    + " answers that state one (" + percent(mc.recall()) + "); false alarms " + mc.cleanReported()
                    + " of " + mc.clean() + " (" + percent(mc.falseAlarmRate()) + ")"});
        }
        ReviewAgreement review = result.review();
        if (review != null) {
            lines.add(new String[] {"needsReview", review.flagged() + " of " + m.n() + " answers ("
                    + percent(review.flaggedShare()) + "); mean error " + number(review.maeFlagged()) + " flagged, "
                    + number(review.maeUnflagged()) + " others; pearson of the others " + number(review.pearsonUnflagged())});
        }
        for (Skipped s : result.skipped()) {
            lines.add(new String[] {"skipped", s.rows() + (s.rows() == 1 ? " answer, " : " answers, ") + s.reason()
                    + ": " + list(s.questions())});
        }
        StringBuilder out = new StringBuilder();
        for (String[] line : lines) {
            out.append(String.format(Locale.ROOT, "%-16s%s\n", line[0], line[1]));
        }
        for (String note : result.notes()) {
            out.append("note: ").append(note).append('\n');
        }
        return out.toString();
    }

    private static String kinds(List<KindBreakdown> kinds) {
        TextTable table = new TextTable(List.of("kind", "n", "mean pred", "max pred", "mean gold", "misconception"));
        for (KindBreakdown k : kinds) {
            table.row(List.of(k.kind(), Integer.toString(k.n()), number(k.meanPredicted()), number(k.maxPredicted()),
                    number(k.meanGold()), percent(k.misconceptionShare())));
        }
        return table.render();
    }

    private static String labels(List<LabelBreakdown> labels) {
        List<String> header = new ArrayList<>(List.of("label", "n", "mean pred", "mean gold"));
        for (Verdict v : Verdict.values()) {
            header.add(v.label());
        }
        header.add("flagged");
        TextTable table = new TextTable(header);
        for (LabelBreakdown l : labels) {
            List<String> row = new ArrayList<>(List.of(l.label(), Integer.toString(l.n()), number(l.meanPredicted()),
                    number(l.meanGold())));
            for (Verdict v : Verdict.values()) {
                row.add(Integer.toString(l.verdicts().get(v)));
            }
            row.add(percent(l.flaggedShare()));
            table.row(row);
        }
        return table.render();
    }

    private static String questions(List<QuestionBreakdown> questions) {
        TextTable table = new TextTable(List.of("question", "n", "mean gold", "mean pred", "pearson"));
        for (QuestionBreakdown q : questions) {
            table.row(List.of(q.question(), Integer.toString(q.n()), number(q.meanGold()), number(q.meanPredicted()),
                    number(q.pearson())));
        }
        return table.render();
    }

    private static String labelled(Metrics m) {
        return Double.isNaN(m.accuracy()) ? "" : "  (" + m.labelled() + " labelled)";
    }

    /** Three decimals, or {@code n/a} for an undefined value. */
    static String number(double value) {
        return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%.3f", value);
    }

    static String percent(double share) {
        return Double.isNaN(share) ? "n/a" : String.format(Locale.ROOT, "%.1f%%", share * 100);
    }

    private static String trim(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }

    private static String list(List<String> ids) {
        int shown = Math.min(ids.size(), 10);
        String head = String.join(", ", ids.subList(0, shown));
        return ids.size() > shown ? head + ", ... (" + ids.size() + " questions)" : head;
    }
}
