/**
 * Judges: the offline judge (lexical and embedding signals, negation-aware) and the policies that combine
 * judges (escalate, blend, consensus).
 */
package dev.grader.judge;
