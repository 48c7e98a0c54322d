/**
 * Judges: the offline judge (lexical and embedding signals, negation-aware) and the policies that combine
 * judges (escalate, blend, consensus); the offline judge's settings and the {@link dev.grader.judge.SentenceEncoder}
 * service through which a module such as {@code grader-embeddings} gives it sentence embeddings.
 */
package dev.grader.judge;
