/**
 * The offline judge's signals, one concern per class: prepared key-point texts, analysed answers with their
 * windows (sentences and clauses), lexical matching with stems, typos and compounds, polarity (negation,
 * antonyms, swapped subjects), and sentence embeddings.
 *
 * <p>Internal: used by {@link dev.grader.judge.OfflineJudge}; not a stable API.
 */
package dev.grader.match;
