package dev.grader.match;

/**
 * How well one window states one rubric text, by words.
 *
 * @param score           matched weight over the text's total weight, 0..1 (after the relation rule)
 * @param matchedStems    how many distinct words of the text were found
 * @param polarityConflict whether the window negates a word the text affirms, or affirms one it negates
 * @param antonymShare    share of the text's weight contradicted by an opposite word in the window
 */
record LexicalMatch(double score, int matchedStems, boolean polarityConflict, double antonymShare, int specificStems) {

    static final LexicalMatch NONE = new LexicalMatch(0, 0, false, 0, 0);
}
