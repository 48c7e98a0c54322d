package dev.grader.match;

/**
 * The global parameters of offline matching, tuned once on development data (never per question).
 *
 * @param covered              combined match at or above which a key point is covered
 * @param partial              combined match at or above which it is partial
 * @param lexicalWeight        share of the lexical score in the combined match (the rest is semantic)
 * @param semanticFloor        cosine similarity that counts as no semantic support
 * @param semanticCeiling      cosine similarity that counts as full semantic support
 * @param listItemFactor       multiplier for matches inside a bare list of terms
 * @param contradictionSupport lexical score a window needs before its polarity can contradict a claim
 * @param misconception        combined match at or above which a misconception is stated
 * @param contrastMargin       how much better a misconception must match than the truth and its correction
 * @param semanticLift         how far meaning may lift a match above its lexical score: a paraphrase needs some
 *                             shared words, and an on-topic but wrong sentence is similar in meaning too
 */
public record MatchSettings(
        double covered,
        double partial,
        double lexicalWeight,
        double semanticFloor,
        double semanticCeiling,
        double listItemFactor,
        double contradictionSupport,
        double misconception,
        double contrastMargin,
        double semanticLift) {

    /**
     * Defaults tuned on the development sets (seed-dev, SAF, SemEval-2013) by coordinate search over these
     * global values only; see ARCHITECTURE.md.
     */
    public static final MatchSettings DEFAULT = new MatchSettings(0.65, 0.15, 0.5, 0.0, 0.7, 0.5, 0.5, 0.5, 0.05,
            0.3);

    /** Settings for lexical matching alone (no embeddings). */
    public static final MatchSettings LEXICAL = new MatchSettings(0.6, 0.15, 1.0, 0.0, 0.7, 0.5, 0.5, 0.5, 0.05,
            1.0);

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
    }
}
