package dev.grader.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class SubmissionParserTest {

    private final SubmissionParser shipped = new SubmissionParser(new QuestionResolver(BatchFixtures.SHIPPED));

    private Map<String, String> answers(String text) {
        return shipped.parse(text).answers();
    }

    @Nested
    @DisplayName("recognises headings written as")
    class HeadingStyles {

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"Q4", "Q4.", "Q4:", "q4)", "Q 4", "## Q4.", "### Q4 ###", "Question 4:", "Question #4",
            "QUESTION 4", "Task 4", "4)", "4.", "(4)", "**Q4**", "**Q4.**", "__Question 4__", "*Q4*", "> Q4",
            "- **Q4**", "## 4)", "**4)**"})
        void aReferenceAlone(String heading) {
            assertEquals(Map.of("Q4", "Shutdown waits for handlers."),
                    answers(heading + "\nShutdown waits for handlers.\n"));
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {
            "## Q4. What's the difference between Server.Shutdown and Server.Close?",
            "Question 4: What's the difference between Server.Shutdown and Server.Close?",
            "4) What's the difference between Server.Shutdown and Server.Close?",
            "4. What is the difference between Shutdown and Close?",
            "## What's the difference between Server.Shutdown and Server.Close?",
            "> What's the difference between Server.Shutdown and Server.Close?",
            "\"What's the difference between Server.Shutdown and Server.Close?\"",
            "**What's the difference between Server.Shutdown and Server.Close?**",
            "What's the difference between Server.Shutdown and Server.Close?",
            "Difference between Server.Shutdown and Server.Close"})
        void aReferenceWithTheQuestionOrTheQuestionAlone(String heading) {
            assertEquals(Map.of("Q4", "Shutdown waits for handlers."),
                    answers(heading + "\n\nShutdown waits for handlers.\n"));
        }

        @Test
        void aReferenceFollowedByTheAnswerOnTheSameLine() {
            assertEquals(Map.of("Q1", "One goroutine per connection.", "Q4", "Shutdown waits.\nClose does not."),
                    answers("Q1: One goroutine per connection.\n**Q4.** Shutdown waits.\nClose does not.\n"));
        }

        @Test
        void numbersWithoutAnyStrongHeadingAsAnIncreasingSequence() {
            assertEquals(Map.of("Q1", "It uses one goroutine per connection.", "Q2", "No, it is not safe.",
                    "Q5", "A connection reused for several requests."),
                    answers("1) It uses one goroutine per connection.\n2) No, it is not safe.\n"
                            + "5) A connection reused for several requests.\n"));
        }
    }

    @Nested
    @DisplayName("keeps inside an answer")
    class InsideAnswers {

        @Test
        void aNumberedListUnderStrongHeadings() {
            Map<String, String> a = answers(
                    "## Q8\nSteps:\n1) read the request\n2) call the handler\n\n## Q9\nMetrics.\n");
            assertEquals("Steps:\n1) read the request\n2) call the handler", a.get("Q8"));
            assertEquals("Metrics.", a.get("Q9"));
        }

        @Test
        void headingsInFencedCode() {
            Map<String, String> a = answers(
                    "Q20\nThe goroutine writes after return:\n```go\n// Q21\n4) x\n```\nQ21\nNo.\n");
            assertEquals("The goroutine writes after return:\n```go\n// Q21\n4) x\n```", a.get("Q20"));
            assertEquals("No.", a.get("Q21"));
        }

        @Test
        void aSentenceThatRepeatsTheQuestionsWords() {
            Map<String, String> a = answers("Q4\nThe difference between Shutdown and Close is that Shutdown waits for "
                    + "in-flight handlers.\n");
            assertEquals(List.of("Q4"), List.copyOf(a.keySet()));
        }

        @Test
        void indentedNumbers() {
            Map<String, String> a = answers("1) Goroutines.\n   2) nested item\n2) Not safe.\n");
            assertEquals("Goroutines.\n   2) nested item", a.get("Q1"));
            assertEquals("Not safe.", a.get("Q2"));
        }
    }

    @Test
    void leavesQuestionsWithoutAnswerOrWithABlankOneOut() {
        assertEquals(Map.of("Q2", "No."), answers("Q1\n\n\nQ2\nNo.\nQ3\n   \n"));
    }

    @Test
    void answersFollowRubricOrderWhateverTheSubmissionsOrder() {
        assertEquals(List.of("Q1", "Q2", "Q3"), List.copyOf(answers("Q3\nc\nQ1\na\nQ2\nb\n").keySet()));
    }

    @Test
    void notesTextBeforeTheFirstHeading() {
        ParsedSubmission p = shipped.parse("Alice Example\nalice@example.com\n\nQ1\nGoroutines.\n");
        assertEquals(List.of("2 lines before the first question heading were not graded"), p.notes());
    }

    @Test
    void joinsTheAnswersOfAQuestionWithTwoHeadingsAndSaysSo() {
        ParsedSubmission p = shipped.parse("Q1\nFirst part.\nQ2\nNo.\nQ1 (continued)\nSecond part.\n");
        assertEquals("First part.\n\n(continued)\nSecond part.", p.answers().get("Q1"));
        assertEquals(List.of("Q1 has 2 headings; their answers were graded together"), p.notes());
    }

    @Test
    void takesANumberThenTheQuestionQuotedAsOneHeading() {
        ParsedSubmission p = shipped.parse("## Q4\n> What's the difference between Server.Shutdown and Server.Close?\n"
                + "Shutdown waits.\n");
        assertEquals(Map.of("Q4", "Shutdown waits."), p.answers());
        assertEquals(List.of(), p.notes());
    }

    @Test
    void reportsAnAnswerToAQuestionTheRubricLacksAndEndsThePreviousAnswerThere() {
        ParsedSubmission p = shipped.parse("Q33\nA data race.\nQ40\nBonus answer.\n");
        assertEquals(Map.of("Q33", "A data race."), p.answers());
        assertEquals(List.of("the answer under 'Q40' was not graded: the rubric has no such question"), p.notes());
    }

    @Test
    void followsTheQuestionsTextWhenItClearlyNamesAnotherQuestionThanItsNumber() {
        ParsedSubmission p = shipped.parse("Question 1: What is keep-alive in HTTP/1.1?\nA reused connection.\n");
        assertEquals(Map.of("Q5", "A reused connection."), p.answers());
        assertEquals(List.of("heading 'Question 1: What is keep-alive in HTTP/1.1?' has the text of Q5; graded as Q5"),
                p.notes());
    }

    @Test
    void mapsNumbersByPositionWhenRubricIdsAreNotQNumbers() {
        SubmissionParser named = new SubmissionParser(new QuestionResolver(BatchFixtures.NAMED));
        assertEquals(Map.of("intro", "A goroutine.", "timeouts", "ReadHeaderTimeout."),
                named.parse("Question 1\nA goroutine.\n\nQuestion 3\nReadHeaderTimeout.\n").answers());
        assertEquals(Map.of("shutdown", "It waits."), named.parse("## shutdown\nIt waits.\n").answers());
        assertEquals(Map.of("shutdown", "It waits."), named.parse("Q2: It waits.\n").answers());
    }

    @Test
    void refusesTextWithoutAnyHeading() {
        UnreadableSubmissionException e = assertThrows(UnreadableSubmissionException.class,
                () -> shipped.parse("I think the server uses goroutines.\nAnd it is fast.\n"));
        assertEquals("no recognisable answers: no line names a question (expected headings such as Q4, ## Q4., "
                + "Question 4:, 4) or the question's text)", e.getMessage());
    }
}
