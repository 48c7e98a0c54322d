package dev.grader.report;

import dev.grader.Api;
import dev.grader.GradeReport;
import dev.grader.GradeReport.FollowUpProbe;
import dev.grader.GradeReport.KeyPointResult;
import dev.grader.GradeReport.MisconceptionResult;
import java.util.List;
import java.util.Objects;

/**
 * The report as GitHub-flavoured Markdown, for pull requests, issues and documents: the same content as the
 * {@linkplain TextReportRenderer text view} under headings, key points as a table with their status, evidence
 * and misconception quotes as block quotes. Not wrapped: the viewer wraps.
 *
 * <p>Every text is escaped, candidate text above all: a quoted answer cannot break the table ({@code |}), open
 * a code span, add links, images, HTML, headings or lists. Line breaks in quotes become spaces.
 */
@Api(status = Api.Status.STABLE)
public final class MarkdownReportRenderer implements ReportRenderer {

    private static final MarkdownReportRenderer INSTANCE = new MarkdownReportRenderer();

    private MarkdownReportRenderer() {
    }

    public static MarkdownReportRenderer create() {
        return INSTANCE;
    }

    @Override
    public String render(GradeReport report) {
        Objects.requireNonNull(report, "report");
        StringBuilder out = new StringBuilder();
        String prompt = UntrustedText.line(report.prompt());
        paragraph(out, "## " + escape(UntrustedText.line(report.question()))
                + (prompt.isEmpty() ? "" : " · " + escape(prompt)));
        paragraph(out, "Score " + TextReportRenderer.bar(report.score()) + " **" + ReportFacts.percent(report.score())
                + "** · " + ReportFacts.points(report) + " · **" + report.verdict().label() + "**");
        keyPoints(out, report.keyPoints());
        misconceptions(out, report.misconceptions());
        errors(out, report.errors());
        examples(out, report.examples());
        followUps(out, report.followUps());
        String feedback = UntrustedText.line(report.feedback());
        if (!feedback.isEmpty()) {
            paragraph(out, "### Feedback");
            paragraph(out, escape(feedback));
        }
        if (report.needsReview() && !report.reviewReasons().isEmpty()) {
            paragraph(out, "**Needs review:** " + escape(UntrustedText.line(String.join("; ", report.reviewReasons()))));
        }
        String usage = ReportFacts.usage(report.usage());
        if (usage != null) {
            paragraph(out, "*Usage: " + escape(usage) + "*");
        }
        return out.toString().stripTrailing() + "\n";
    }

    private static void keyPoints(StringBuilder out, List<KeyPointResult> points) {
        if (points.isEmpty()) {
            return;
        }
        paragraph(out, "### Key points");
        StringBuilder table = new StringBuilder("| | Key point | Status | Weight |\n|:-:|---|---|--:|\n");
        for (KeyPointResult p : points) {
            table.append("| ").append(ReportFacts.mark(p.status())).append(" | ")
                    .append(escape(UntrustedText.line(p.text()))).append(" | ").append(p.status().label())
                    .append(" | ").append(ReportFacts.number(p.weight())).append(" |\n");
        }
        paragraph(out, table.toString());
        List<KeyPointResult> quoted = points.stream().filter(p -> p.evidence() != null).toList();
        if (quoted.isEmpty()) {
            return;
        }
        paragraph(out, "### Evidence");
        for (KeyPointResult p : quoted) {
            paragraph(out, "**" + ReportFacts.mark(p.status()) + " " + escape(UntrustedText.line(p.text())) + "**");
            paragraph(out, blockQuote(p.evidence().quote()));
        }
    }

    private static void misconceptions(StringBuilder out, List<MisconceptionResult> misconceptions) {
        if (misconceptions.isEmpty()) {
            return;
        }
        paragraph(out, "### Misconceptions");
        for (MisconceptionResult m : misconceptions) {
            paragraph(out, "**" + ReportFacts.MISCONCEPTION + " " + escape(UntrustedText.line(m.text())) + "**");
            if (m.evidence() != null) {
                paragraph(out, blockQuote(m.evidence().quote()));
            }
            String correction = UntrustedText.line(m.correction());
            if ("rubric".equals(m.source()) && !correction.isEmpty()) {
                paragraph(out, "Correction: " + escape(correction));
            }
        }
    }

    private static void errors(StringBuilder out, List<GradeReport.WrongClaimResult> errors) {
        if (errors.isEmpty()) {
            return;
        }
        paragraph(out, "### Wrong claims the rubric does not list");
        for (GradeReport.WrongClaimResult e : errors) {
            paragraph(out, "**" + ReportFacts.MISCONCEPTION + " " + escape(UntrustedText.line(e.claim())) + "**");
            if (e.evidence() != null) {
                paragraph(out, blockQuote(e.evidence().quote()));
            }
            String correction = UntrustedText.line(e.correction());
            if (!correction.isEmpty()) {
                paragraph(out, "Correction: " + escape(correction));
            }
        }
    }

    private static void examples(StringBuilder out, dev.grader.Assessment.ExampleVote vote) {
        if (vote == null || vote.nearest().isEmpty()) {
            return;
        }
        paragraph(out, "### Graded examples");
        dev.grader.Assessment.Neighbour n = vote.nearest().get(0);
        paragraph(out, escape(ReportFacts.gradedLike(n)));
        paragraph(out, blockQuote(n.answer()));
        paragraph(out, escape(ReportFacts.exampleShift(vote)));
    }

    private static void followUps(StringBuilder out, List<FollowUpProbe> probes) {
        if (probes.isEmpty()) {
            return;
        }
        paragraph(out, "### Follow-up questions");
        StringBuilder list = new StringBuilder();
        for (int i = 0; i < probes.size(); i++) {
            FollowUpProbe f = probes.get(i);
            list.append(i + 1).append(". ").append(escape(UntrustedText.line(f.question())));
            if (ReportFacts.isGenerated(f)) {
                list.append(" *(").append(ReportFacts.GENERATED).append(")*");
            }
            list.append('\n');
        }
        paragraph(out, list.toString());
    }

    private static String blockQuote(String quote) {
        return "> " + escape(UntrustedText.quote(quote, ReportFacts.MAX_QUOTE_CHARS));
    }

    private static void paragraph(StringBuilder out, String text) {
        out.append(text.stripTrailing()).append("\n\n");
    }

    /**
     * Backslash-escapes every character GitHub-flavoured Markdown could read as syntax inside a line: emphasis,
     * strikethrough, code, links and images, HTML and entities, table cells, math, and a block marker at the
     * start (heading, quote, list item, thematic break). The text must be one line ({@link UntrustedText#line}).
     */
    static String escape(String line) {
        StringBuilder sb = new StringBuilder(line.length() + 8);
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if ("\\`*_[]<>|#~$&!".indexOf(c) >= 0 || (i == 0 && "-+=".indexOf(c) >= 0) || orderedListMarker(line, i)) {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.toString();
    }

    /** The {@code .} or {@code )} of a leading {@code 12.} or {@code 3)}, which would start an ordered list. */
    private static boolean orderedListMarker(String line, int i) {
        char c = line.charAt(i);
        if ((c != '.' && c != ')') || i == 0) {
            return false;
        }
        for (int j = 0; j < i; j++) {
            if (line.charAt(j) < '0' || line.charAt(j) > '9') {
                return false;
            }
        }
        return true;
    }
}
