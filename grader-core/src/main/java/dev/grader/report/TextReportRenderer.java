package dev.grader.report;

import dev.grader.Api;
import dev.grader.GradeReport;
import dev.grader.GradeReport.FollowUpProbe;
import dev.grader.GradeReport.KeyPointResult;
import dev.grader.GradeReport.MisconceptionResult;
import dev.grader.PointStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The terminal view of a report:
 * <ul>
 *   <li>the question, then the score as a bar and a percentage, points of the maximum, and the verdict;</li>
 *   <li>each key point with its status mark (✔ covered, ◐ partial, ✘ missed, ⚠ contradicted) and the quoted
 *       evidence, cut with … when long;</li>
 *   <li>misconceptions stated, with the quote and the correction;</li>
 *   <li>follow-up questions, the rubric's first, generated ones marked;</li>
 *   <li>the feedback paragraph; why a human should review, if so; model usage, when a model was asked.</li>
 * </ul>
 * Prose is wrapped at the width given. ANSI colour and bold only with {@code colour(true)}: the caller knows
 * whether it writes to a terminal.
 *
 * <pre>{@code
 * ReportRenderer renderer = TextReportRenderer.builder().colour(true).width(80).build();
 * System.out.print(renderer.render(report));
 * }</pre>
 */
@Api(status = Api.Status.STABLE)
public final class TextReportRenderer implements ReportRenderer {

    /** Lines wider than this are hard to read, even on a wide terminal. */
    public static final int DEFAULT_WIDTH = 100;
    /** The narrowest width accepted. */
    public static final int MIN_WIDTH = 40;

    static final int BAR_CELLS = 20;
    private static final String ITEM = "  ";
    private static final String DETAIL = "    ";

    private final Ansi ansi;
    private final int width;
    private final boolean question;
    private final boolean followUps;

    private TextReportRenderer(Builder builder) {
        this.ansi = Ansi.of(builder.colour);
        this.width = builder.width;
        this.question = builder.question;
        this.followUps = builder.followUps;
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String render(GradeReport report) {
        Objects.requireNonNull(report, "report");
        Output out = new Output();
        header(out, report);
        keyPoints(out, report.keyPoints());
        misconceptions(out, report.misconceptions());
        errors(out, report.errors());
        examples(out, report.examples());
        if (followUps) {
            followUps(out, report.followUps());
        }
        feedback(out, report);
        return out.toString();
    }

    private void header(Output out, GradeReport report) {
        if (question) {
            String prompt = UntrustedText.line(report.prompt());
            String id = UntrustedText.line(report.question());
            String first = prompt.isEmpty() ? id : id + " · ";
            for (String line : Wrap.lines(prompt, width, first, " ".repeat(Wrap.columns(first)))) {
                out.line(ansi.bold(line));
            }
            out.blank();
        }
        String score = "Score " + bar(report.score()) + " " + ReportFacts.percent(report.score());
        String rest = ReportFacts.points(report) + " · " + report.verdict().label();
        String styledScore = "Score " + ansi.verdict(report.verdict(), bar(report.score())) + " "
                + ansi.bold(ReportFacts.percent(report.score()));
        String styledRest = ReportFacts.points(report) + " · " + ansi.verdict(report.verdict(), report.verdict().label());
        if (Wrap.columns(score) + 3 + Wrap.columns(rest) <= width) {
            out.line(styledScore + " · " + styledRest);
        } else {
            out.line(styledScore);
            out.line("      " + styledRest);
        }
    }

    /** {@value #BAR_CELLS} cells, filled in proportion to the score. */
    static String bar(double score) {
        int filled = (int) Math.round(Math.max(0, Math.min(1, score)) * BAR_CELLS);
        return "█".repeat(filled) + "░".repeat(BAR_CELLS - filled);
    }

    private void keyPoints(Output out, List<KeyPointResult> points) {
        if (points.isEmpty()) {
            return;
        }
        out.section(ansi.bold("Key points"));
        for (KeyPointResult p : points) {
            String mark = ReportFacts.mark(p.status());
            item(out, mark, ansi.status(p.status(), mark), p.text());
            if (p.evidence() != null) {
                quote(out, p.evidence().quote());
            }
        }
    }

    private void misconceptions(Output out, List<MisconceptionResult> misconceptions) {
        if (misconceptions.isEmpty()) {
            return;
        }
        out.section(ansi.bold("Misconceptions"));
        for (MisconceptionResult m : misconceptions) {
            String mark = ReportFacts.MISCONCEPTION;
            item(out, mark, ansi.status(PointStatus.CONTRADICTED, mark), m.text());
            if (m.evidence() != null) {
                quote(out, m.evidence().quote());
            }
            String correction = UntrustedText.line(m.correction());
            if ("rubric".equals(m.source()) && !correction.isEmpty()) {
                wrapped(out, correction, DETAIL + "→ ", DETAIL + "  ");
            }
        }
    }

    private void errors(Output out, List<GradeReport.WrongClaimResult> errors) {
        if (errors.isEmpty()) {
            return;
        }
        out.section(ansi.bold("Wrong claims the rubric does not list"));
        for (GradeReport.WrongClaimResult e : errors) {
            String mark = ReportFacts.MISCONCEPTION;
            item(out, mark, ansi.status(PointStatus.CONTRADICTED, mark), e.claim());
            if (e.evidence() != null) {
                quote(out, e.evidence().quote());
            }
            String correction = UntrustedText.line(e.correction());
            if (!correction.isEmpty()) {
                wrapped(out, correction, DETAIL + "\u2192 ", DETAIL + "  ");
            }
        }
    }

    private void examples(Output out, dev.grader.Assessment.ExampleVote vote) {
        if (vote == null || vote.nearest().isEmpty()) {
            return;
        }
        out.section(ansi.bold("Graded examples"));
        dev.grader.Assessment.Neighbour n = vote.nearest().get(0);
        wrapped(out, ReportFacts.gradedLike(n), ITEM, ITEM);
        quote(out, n.answer());
        wrapped(out, ReportFacts.exampleShift(vote), ITEM, ITEM);
    }

    private void followUps(Output out, List<FollowUpProbe> probes) {
        if (probes.isEmpty()) {
            return;
        }
        out.section(ansi.bold("Follow-up questions"));
        for (FollowUpProbe f : probes) {
            List<String> lines = new ArrayList<>(Wrap.lines(UntrustedText.line(f.question()), width, ITEM + "? ",
                    ITEM + "  "));
            if (ReportFacts.isGenerated(f)) {
                String tag = "(" + ReportFacts.GENERATED + ")";
                int last = lines.size() - 1;
                if (Wrap.columns(lines.get(last)) + 1 + tag.length() <= width) {
                    lines.set(last, lines.get(last) + " " + ansi.dim(tag));
                } else {
                    lines.add(ITEM + "  " + ansi.dim(tag));
                }
            }
            lines.forEach(out::line);
        }
    }

    private void feedback(Output out, GradeReport report) {
        String feedback = UntrustedText.line(report.feedback());
        if (!feedback.isEmpty()) {
            out.section(ansi.bold("Feedback"));
            wrapped(out, feedback, ITEM, ITEM);
        }
        boolean review = report.needsReview() && !report.reviewReasons().isEmpty();
        String usage = ReportFacts.usage(report.usage());
        if (review || usage != null) {
            out.blank();
        }
        if (review) {
            String label = "Needs review:";
            List<String> lines = Wrap.lines(UntrustedText.line(String.join("; ", report.reviewReasons())), width,
                    label + " ", "  ");
            out.line(ansi.warning(label) + lines.get(0).substring(label.length()));
            lines.subList(1, lines.size()).forEach(out::line);
        }
        if (usage != null) {
            Wrap.lines(usage, width, "Usage: ", "  ").forEach(l -> out.line(ansi.dim(l)));
        }
    }

    /** {@code "  ✘ text"}, wrapped under the text; the mark is styled after wrapping. */
    private void item(Output out, String mark, String styledMark, String text) {
        String first = ITEM + mark + " ";
        List<String> lines = Wrap.lines(UntrustedText.line(text), width, first, DETAIL);
        out.line(ITEM + styledMark + lines.get(0).substring(ITEM.length() + mark.length()));
        lines.subList(1, lines.size()).forEach(out::line);
    }

    private void quote(Output out, String quote) {
        String text = "“" + UntrustedText.quote(quote, ReportFacts.MAX_QUOTE_CHARS) + "”";
        Wrap.lines(text, width, DETAIL, DETAIL + " ").forEach(l -> out.line(ansi.dim(l)));
    }

    private void wrapped(Output out, String text, String first, String rest) {
        Wrap.lines(text, width, first, rest).forEach(out::line);
    }

    /** Lines with single blank lines between sections and one final newline. */
    private static final class Output {
        private final StringBuilder sb = new StringBuilder();

        void line(String text) {
            sb.append(text).append('\n');
        }

        void blank() {
            int n = sb.length();
            if (n > 0 && !(n >= 2 && sb.charAt(n - 1) == '\n' && sb.charAt(n - 2) == '\n')) {
                sb.append('\n');
            }
        }

        void section(String heading) {
            blank();
            line(heading);
        }

        @Override
        public String toString() {
            return sb.toString();
        }
    }

    /** Configures a {@link TextReportRenderer}: plain, {@value #DEFAULT_WIDTH} columns, every section shown. */
    public static final class Builder {
        private boolean colour;
        private int width = DEFAULT_WIDTH;
        private boolean question = true;
        private boolean followUps = true;

        private Builder() {
        }

        /** ANSI colour and bold (default off): only when writing to a terminal that wants them. */
        public Builder colour(boolean colour) {
            this.colour = colour;
            return this;
        }

        /** The column to wrap prose at, at least {@value #MIN_WIDTH} (default {@value #DEFAULT_WIDTH}). */
        public Builder width(int width) {
            if (width < MIN_WIDTH) {
                throw new IllegalArgumentException("width must be at least " + MIN_WIDTH + ", found " + width);
            }
            this.width = width;
            return this;
        }

        /** Whether to open with the question (default true); a drill that has just asked it turns it off. */
        public Builder question(boolean question) {
            this.question = question;
            return this;
        }

        /** Whether to list the follow-up questions (default true); a drill that asks one itself turns it off. */
        public Builder followUps(boolean followUps) {
            this.followUps = followUps;
            return this;
        }

        public TextReportRenderer build() {
            return new TextReportRenderer(this);
        }
    }
}
