package dev.grader.report;

import dev.grader.Api;
import dev.grader.GradeReport;
import dev.grader.PointStatus;
import dev.grader.internal.Json;

/**
 * Turns a {@link GradeReport} into text for people or programs. Renderers are stateless, thread-safe and
 * deterministic: the same report always renders to the same string.
 *
 * <pre>{@code
 * String forTerminal = ReportRenderer.text(false).render(report);   // plain; true adds ANSI colour and bold
 * String forGitHub = ReportRenderer.markdown().render(report);
 * String forPrograms = ReportRenderer.json().render(report);        // the report's JSON form
 * }</pre>
 *
 * <p>Answers are untrusted: renderers neutralise control characters (a quoted answer cannot move the cursor or
 * recolour a terminal) and Markdown syntax (a quoted answer cannot break a table or add a link).
 */
@Api(status = Api.Status.STABLE)
@FunctionalInterface
public interface ReportRenderer {

    /** The report as text, ending with a newline. */
    String render(GradeReport report);

    /** The terminal view, wrapped at {@link TextReportRenderer#DEFAULT_WIDTH} columns. */
    static ReportRenderer text(boolean colour) {
        return TextReportRenderer.builder().colour(colour).build();
    }

    /** GitHub-flavoured Markdown. */
    static ReportRenderer markdown() {
        return MarkdownReportRenderer.create();
    }

    /** Pretty JSON with a final newline: the report's stable machine-readable form. */
    static ReportRenderer json() {
        return Json::pretty;
    }

    /** The mark the renderers show for a status (✔ covered, ◐ partial, ✘ missed, ⚠ contradicted). */
    static String mark(PointStatus status) {
        return ReportFacts.mark(status);
    }

    /** A score as the renderers print it: {@code 53%}. */
    static String percent(double score) {
        return ReportFacts.percent(score);
    }
}
