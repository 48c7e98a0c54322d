package dev.grader.compile;

/**
 * One structural element of a bank, whatever its format: the text and Markdown parsers both produce a
 * stream of blocks that {@link QuestionAssembler} turns into questions.
 *
 * @param kind     what it is
 * @param text     its text (heading text, paragraph, code)
 * @param id       the question id for {@link Kind#QUESTION}, the label for {@link Kind#LABEL}, the fence
 *                 language for {@link Kind#CODE} (may be null)
 * @param line     1-based line where it starts, for messages
 */
record Block(Kind kind, String text, String id, int line) {

    enum Kind { TITLE, LEVEL, QUESTION, LABEL, TEXT, CODE }
}
