package dev.grader.judge;

import dev.grader.Api;

/**
 * The global parameters of offline matching, tuned on development data (never per question).
 *
 * @param covered              combined match at or above which a key point is covered
 * @param partial              combined match at or above which it is partial
 * @param lexicalWeight        share of the lexical score in the combined match (the rest is semantic)
 * @param semanticFloor        cosine similarity that counts as no semantic support
 * @param semanticCeiling      cosine similarity that counts as full semantic support
 * @param listItemFactor       multiplier for matches inside a list of terms that states no relation
 * @param listCredit           the most credit a key point earns from a list of terms alone, 0..1
 * @param contradictionSupport lexical score a window needs before its polarity can contradict a claim
 * @param misconception        combined match at or above which a window may state a misconception
 * @param mythLexical          lexical score a window needs before it may state a misconception: wrong claims
 *                             resemble true ones in meaning, so they are told by their words
 * @param mythClaim            share of a misconception's own claim words (those neither the question nor its
 *                             correction use) a window must state
 * @param contrastMargin       how much better a misconception must match a window than any key point does
 * @param semanticLift         how far meaning may lift a match above its lexical score: a paraphrase needs some
 *                             shared words, and an on-topic but wrong sentence is similar in meaning too
 * @param partialEvidence      lexical score that, with {@code meaningWithWords}, shows a window states part of a
 *                             key point even without its distinctive words
 * @param meaningWithWords     cosine that, with {@code partialEvidence}, shows the same
 * @param meaningClosest       cosine at which a window nearer in meaning to a key point than to any other of
 *                             its question states part of it, without shared words
 */
@Api(status = Api.Status.EXPERIMENTAL)
public record MatchSettings(
        double covered,
        double partial,
        double lexicalWeight,
        double semanticFloor,
        double semanticCeiling,
        double listItemFactor,
        double listCredit,
        double contradictionSupport,
        double misconception,
        double mythLexical,
        double mythClaim,
        double contrastMargin,
        double semanticLift,
        double partialEvidence,
        double meaningWithWords,
        double meaningClosest) {

    /**
     * Defaults tuned on the development sets (SAF, SemEval-2013, the shipped graded examples) by coordinate
     * search over these global values only; see ARCHITECTURE.md.
     */
    public static final MatchSettings DEFAULT = new MatchSettings(0.65, 0.15, 0.5, 0.0, 0.7, 0.5, 0.2, 0.5, 0.6,
            0.3, 0.4, 0.1, 0.3, 0.15, 0.35, 0.4);

    /** Settings for lexical matching alone (no embeddings). */
    public static final MatchSettings LEXICAL = new MatchSettings(0.6, 0.15, 1.0, 0.0, 0.7, 0.5, 0.2, 0.5, 0.6,
            0.3, 0.4, 0.1, 1.0, 0.15, 0.35, 0.3);

    public MatchSettings {
        if (!(partial > 0 && partial < covered && covered <= 1)) {
            throw new IllegalArgumentException("need 0 < partial < covered <= 1, found partial=" + partial
                    + " covered=" + covered);
        }
        if (!(lexicalWeight >= 0 && lexicalWeight <= 1)) {
            throw new IllegalArgumentException("lexicalWeight must be in 0..1, found " + lexicalWeight);
        }
        if (!(semanticCeiling > semanticFloor)) {
            throw new IllegalArgumentException("semanticCeiling (" + semanticCeiling + ") must exceed semanticFloor ("
                    + semanticFloor + ")");
        }
        if (!(listCredit >= 0 && listCredit <= 1)) {
            throw new IllegalArgumentException("listCredit must be in 0..1, found " + listCredit);
        }
    }
}
