package dev.grader.match;

/**
 * How well one window states one rubric text, by words.
 *
 * @param score           matched weight over the text's total weight, 0..1 (after the relation rule)
 * @param matchedStems    how many distinct words of the text were found
 * @param polarityConflict whether the window negates a word the text affirms, or affirms one it negates
 * @param antonymShare    share of the text's weight contradicted by an opposite word in the window
 * @param exchangedShare share of the text's weight said in the place of its opposite, also a word of the text
 *                       ("closes active connections ... until no idle ones remain" for the reverse)
 * @param onlyAffirmsDenied whether the conflict is only that the window affirms a word the text negates ("the
 *                        body" against "(not the body)"), which a sentence of several clauses may say of another thing
 */
record LexicalMatch(double score, int matchedStems, boolean polarityConflict, double antonymShare,
                    double exchangedShare, int specificStems, boolean onlyAffirmsDenied) {

    static final LexicalMatch NONE = new LexicalMatch(0, 0, false, 0, 0, 0, false);
}
