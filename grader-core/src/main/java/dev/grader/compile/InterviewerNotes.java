package dev.grader.compile;

import dev.grader.rubric.Note;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Interviewer notes written into a prompt, such as "Why is defer body.Close() important in handlers? (trick —
 * it's actually about clients)". Candidates see the prompt in quizzes and reports, so such a note would give the
 * answer away: it moves to the question's notes, which only graders see.
 */
final class InterviewerNotes {

    /** A trailing parenthetical that opens with a note's label and a dash or colon. */
    private static final Pattern TRAILING_NOTE = Pattern.compile(
            "\\s*\\((trick|trick question|hint|note|gotcha|spoiler|answer|interviewer|interviewer note|"
                    + "for the interviewer)\\s*(?:[\u2014\u2013:]|-{1,2})\\s*([^()]*)\\)\\s*$",
            Pattern.CASE_INSENSITIVE);

    private InterviewerNotes() {
    }

    /** The prompt without its trailing interviewer note, and the note (null when there is none). */
    record Split(String prompt, Note note) {
    }

    static Split split(String prompt) {
        Matcher m = TRAILING_NOTE.matcher(prompt);
        if (!m.find() || m.start() == 0 || m.group(2).isBlank()) {
            return new Split(prompt, null);
        }
        String label = m.group(1).strip();
        label = label.substring(0, 1).toUpperCase(Locale.ROOT) + label.substring(1).toLowerCase(Locale.ROOT);
        return new Split(prompt.substring(0, m.start()).strip(), new Note(label, m.group(2).strip()));
    }
}
