package dev.grader.compile;

import dev.grader.rubric.CodeBlock;
import dev.grader.rubric.Note;
import java.util.List;

/**
 * A question as written in a bank, before key point extraction.
 *
 * @param id              id as written ({@code Q4})
 * @param level           level heading or null
 * @param prompt          the question
 * @param modelAnswer     model answer prose, paragraphs separated by {@code \n}, code removed
 * @param acceptedAnswers alternative full-credit answers
 * @param wrongAnswers    common wrong answers with corrections
 * @param followUps       follow-up questions with answers
 * @param notes           other labelled paragraphs
 * @param code            code blocks found anywhere in the question
 * @param line            line of the question in the bank
 */
record RawQuestion(
        String id,
        String level,
        String prompt,
        String modelAnswer,
        List<String> acceptedAnswers,
        List<RawWrongAnswer> wrongAnswers,
        List<RawFollowUp> followUps,
        List<Note> notes,
        List<CodeBlock> code,
        int line) {

    /** A wrong claim and the explanation of why it is wrong (may be empty). */
    record RawWrongAnswer(String text, String correction, List<String> aliases) {

        RawWrongAnswer(String text, String correction) {
            this(text, correction, List.of());
        }

    }

    /** A follow-up question and its answer (may be empty). */
    record RawFollowUp(String question, String answer) {
    }
}
