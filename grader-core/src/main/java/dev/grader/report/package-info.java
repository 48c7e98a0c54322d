/**
 * Renderers of a {@link dev.grader.GradeReport}: a terminal view ({@link dev.grader.report.TextReportRenderer}),
 * GitHub-flavoured Markdown ({@link dev.grader.report.MarkdownReportRenderer}) and JSON
 * ({@link dev.grader.report.ReportRenderer#json()}).
 */
package dev.grader.report;
