package dev.grader.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.grader.rubric.Note;
import org.junit.jupiter.api.Test;

class InterviewerNotesTest {

    @Test
    void aTrailingTrickNoteLeavesThePrompt() {
        InterviewerNotes.Split s = InterviewerNotes.split(
                "Why is defer body.Close() important in handlers? (trick \u2014 it's actually about clients)");
        assertEquals("Why is defer body.Close() important in handlers?", s.prompt());
        assertEquals(new Note("Trick", "it's actually about clients"), s.note());
    }

    @Test
    void otherLabelsAndDashesToo() {
        assertEquals(new Note("Hint", "think of keep-alive"),
                InterviewerNotes.split("What does IdleTimeout control? (Hint: think of keep-alive)").note());
        assertEquals(new Note("Note", "no such field"),
                InterviewerNotes.split("What does MaxHandlers do? (note -- no such field)").note());
    }

    @Test
    void ordinaryParenthesesStay() {
        for (String prompt : new String[] {"What does Server.Shutdown(ctx) return?",
                "Explain keep-alive (HTTP/1.1).", "What is a race (see the race detector)?",
                "(trick \u2014 nothing before it)"}) {
            InterviewerNotes.Split s = InterviewerNotes.split(prompt);
            assertEquals(prompt, s.prompt());
            assertNull(s.note());
        }
    }

    @Test
    void aCompiledBankKeepsTheNoteForGradersOnly() {
        var rubric = BankCompiler.compile("""
                Trick questions
                Q1. What does Server.MaxHandlers do? (trick \u2014 it doesn't exist in net/http)
                Model answer. Nothing: http.Server has no MaxHandlers field.
                """, "bank.txt");
        var q = rubric.questions().get(0);
        assertEquals("What does Server.MaxHandlers do?", q.prompt());
        assertEquals(java.util.List.of(new Note("Trick", "it doesn't exist in net/http")), q.notes());
    }
}
