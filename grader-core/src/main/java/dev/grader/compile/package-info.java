/**
 * The question-bank compiler: parses banks (the plain-text layout, its Markdown twin, JSON Lines) into raw
 * questions, then turns model answers into atomic weighted key points, common wrong answers into
 * misconceptions and follow-ups into probes linked to the key points they test.
 *
 * <p>Entry point: {@link dev.grader.compile.BankCompiler}.
 */
package dev.grader.compile;
