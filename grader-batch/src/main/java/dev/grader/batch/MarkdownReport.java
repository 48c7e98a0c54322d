package dev.grader.batch;

import dev.grader.GradeReport;
import dev.grader.batch.CandidateResult.QuestionResult;
import dev.grader.report.MarkdownReportRenderer;
import java.util.List;

/**
 * A candidate's Markdown feedback report: the total and a table of scores per question, then one section per
 * question — the answer's report as {@link MarkdownReportRenderer} writes it (key points covered, partly covered,
 * missed or contradicted, with the candidate's words quoted; misconceptions with corrections; the follow-up
 * questions for a live interview round; feedback) followed by the answer as graded — or a line saying the question
 * was not answered. Every text is escaped.
 */
final class MarkdownReport {

    private static final MarkdownReportRenderer RENDERER = MarkdownReportRenderer.create();

    private MarkdownReport() {
    }

    static String render(CandidateResult r, String rubricTitle) {
        StringBuilder md = new StringBuilder(32_768);
        CandidateResult.Totals t = r.totals();
        md.append("# Feedback: ").append(Markdown.inline(r.candidate())).append("\n\n");
        md.append(Markdown.inline(rubricTitle)).append(" · ").append(t.max()).append(" questions\n\n");
        md.append("**Total: ").append(Numbers.plain(Numbers.round(t.score(), 2))).append(" of ").append(t.max())
                .append(" (").append(Numbers.plain(t.percent())).append(" %)** · answered ").append(t.answered())
                .append(" of ").append(t.max());
        if (t.needsReview() > 0) {
            md.append(" · ").append(t.needsReview()).append(t.needsReview() == 1 ? " answer" : " answers")
                    .append(" flagged for human review");
        }
        md.append("\n\nEach question scores 0–100 %; the total adds them up, an unanswered question counting 0.\n\n");
        if (!r.notes().isEmpty()) {
            md.append("How the submission was read:\n\n");
            r.notes().forEach(n -> md.append("- ").append(Markdown.inline(n)).append('\n'));
            md.append('\n');
        }
        scoreTable(md, r.questions());
        for (QuestionResult q : r.questions()) {
            question(md, q);
        }
        return md.toString().stripTrailing() + "\n";
    }

    private static void scoreTable(StringBuilder md, List<QuestionResult> questions) {
        md.append("| # | Question | Score | Verdict |\n|---|---|--:|---|\n");
        for (QuestionResult q : questions) {
            md.append("| ").append(Markdown.inline(q.question())).append(" | ").append(Markdown.inline(q.prompt()))
                    .append(" | ");
            if (q.failed()) {
                md.append("— | not graded (grader's failure; not counted)");
            } else if (q.answered()) {
                md.append(Numbers.percent(q.report().score())).append(" % | ").append(q.report().verdict().label());
                if (q.report().needsReview()) {
                    md.append(", needs review");
                }
            } else {
                md.append("— | unanswered");
            }
            md.append(" |\n");
        }
        md.append('\n');
    }

    private static void question(StringBuilder md, QuestionResult q) {
        if (q.failed()) {
            md.append("## ").append(Markdown.inline(q.question())).append(" · ").append(Markdown.inline(q.prompt()))
                    .append("\n\n**Not graded**: ").append(Markdown.inline(q.reason()))
                    .append(". This is the grader's failure, not the candidate's: the question counts neither in the "
                            + "total nor in the maximum.\n\n### Answer\n\n").append(Markdown.quoteBlock(q.answer()))
                    .append('\n');
            return;
        }
        if (!q.answered()) {
            md.append("## ").append(Markdown.inline(q.question())).append(" · ").append(Markdown.inline(q.prompt()))
                    .append("\n\n**Unanswered**: the submission has no answer to this question; it counts 0.\n\n");
            return;
        }
        GradeReport g = q.report();
        md.append(RENDERER.render(g)).append('\n');
        md.append("### Answer as graded").append(g.answer() != null && g.answer().truncated()
                ? " (only its beginning was graded: it is over the size limit)" : "").append("\n\n")
                .append(Markdown.quoteBlock(q.answer())).append('\n');
    }
}
