/**
 * Grading sheets: a rubric rendered for people, as terminal text or Markdown ({@code grader show}).
 * Internal to the CLI.
 */
package dev.grader.cli.sheet;
