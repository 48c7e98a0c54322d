package dev.grader.match;

/**
 * A stretch of the answer that may state a claim: a sentence or one of its clauses.
 *
 * @param start    first char
 * @param end      after the last char
 * @param from     first token index
 * @param to       after the last token index
 * @param clause   whether it is a clause of a longer sentence
 * @param listItem whether it is an item of a bare list of terms ("goroutine, channel, mutex, ...")
 * @param subject  the entity it is about (after resolving a leading pronoun), or null
 * @param sentence index of its sentence (of the first, for two joined sentences)
 * @param joined   whether it joins two adjacent sentences, for a claim stated across both
 */
record Window(int start, int end, int from, int to, boolean clause, boolean listItem, String subject, int sentence,
        boolean joined) {
}
