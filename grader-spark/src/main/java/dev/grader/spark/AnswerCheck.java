package dev.grader.spark;

import dev.grader.batch.TableRules;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/**
 * Decides whether a row can be graded, before any judge sees it: the question must name a (assigned) question of
 * the rubric, the answer must be present, within the size limit, valid UTF-8 and not blank. Answers are graded
 * without their surrounding whitespace, as {@code grader batch} grades the answers of a table.
 */
final class AnswerCheck {

    private static final char REPLACEMENT = '\uFFFD';

    private AnswerCheck() {
    }

    /**
     * What a row is: gradable ({@code error} null) or not.
     *
     * @param questionId the question the row names, or null
     * @param text       the answer as it will be graded (stripped), or null when not gradable
     * @param kind       the error kind (see {@link GradeColumns}), or null
     * @param error      the error in words, or null
     */
    record Checked(String questionId, String text, String kind, String error) {

        boolean gradable() {
            return kind == null;
        }
    }

    /**
     * @param rules       the rubric's table rules (resolve question labels)
     * @param assigned    the assigned question ids, or null for all
     * @param readKind    the kind of a problem found when the row was read, or null
     * @param readError   a problem found when the row was read (a malformed JSON line), or null
     * @param question    the question label as given
     * @param answer      the answer's bytes as stored (UTF-8), or null
     * @param maxBytes    the size limit of an answer
     */
    static Checked check(TableRules rules, Set<String> assigned, String readKind, String readError, String question,
                         byte[] answer, int maxBytes) {
        String id = question == null || question.isBlank() ? null : rules.questionId(question);
        if (readError != null) {
            return new Checked(id, null, readKind != null ? readKind : GradeColumns.MALFORMED, readError);
        }
        if (question == null || question.isBlank()) {
            return new Checked(null, null, GradeColumns.UNKNOWN_QUESTION, "no question");
        }
        if (id == null) {
            return new Checked(null, null, GradeColumns.UNKNOWN_QUESTION, "question '" + clip(question.strip())
                    + "' is not in the rubric");
        }
        if (assigned != null && !assigned.contains(id)) {
            return new Checked(id, null, GradeColumns.NOT_ASSIGNED, "question " + id
                    + " is not among the assigned questions");
        }
        if (answer == null) {
            return new Checked(id, null, GradeColumns.EMPTY, "no answer (null)");
        }
        if (answer.length > maxBytes) {
            return new Checked(id, null, GradeColumns.OVERSIZED, String.format(Locale.ROOT,
                    "answer of %,d bytes, over the limit of %,d", answer.length, maxBytes));
        }
        String text;
        try {
            text = strictUtf8(answer);
        } catch (MalformedInputException e) {
            return new Checked(id, null, GradeColumns.INVALID_UTF8, describeInvalid(answer));
        } catch (CharacterCodingException e) {
            return new Checked(id, null, GradeColumns.INVALID_UTF8, "not valid UTF-8");
        }
        int replaced = text.indexOf(REPLACEMENT);
        if (replaced >= 0) {
            // a text source (CSV) decoded bytes that were not UTF-8 into U+FFFD: the answer is not what was written
            return new Checked(id, null, GradeColumns.INVALID_UTF8, "not valid UTF-8: the answer holds U+FFFD, the "
                    + "replacement character, at char " + replaced + " (its bytes were not UTF-8 when the table "
                    + "was read); save the table as UTF-8");
        }
        String graded = text.strip();
        if (graded.isEmpty()) {
            return new Checked(id, null, GradeColumns.EMPTY, "empty answer");
        }
        return new Checked(id, graded, null, null);
    }

    private static String strictUtf8(byte[] bytes) throws CharacterCodingException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        return decoder.decode(ByteBuffer.wrap(bytes)).toString();
    }

    /** {@code not valid UTF-8 (byte 0xE9 at offset 57)}, as batch words it. */
    static String describeInvalid(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        java.nio.CharBuffer out = java.nio.CharBuffer.allocate(bytes.length + 1);
        decoder.decode(in, out, true);
        int at = in.position();
        return at < bytes.length ? String.format(Locale.ROOT, "not valid UTF-8 (byte 0x%02X at offset %d)",
                bytes[at] & 0xFF, at) : "not valid UTF-8";
    }

    /** A label as long as a message line allows. */
    static String clip(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }
}
