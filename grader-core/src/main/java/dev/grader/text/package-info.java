/**
 * Text analysis shared by the compiler and the judges: tokens that keep code identifiers whole and split,
 * stems (Snowball English), stop words that keep negators, negation scope, and segmentation of
 * answers into sentences and clauses with their offsets.
 */
package dev.grader.text;
