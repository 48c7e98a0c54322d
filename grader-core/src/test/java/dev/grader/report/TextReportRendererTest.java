package dev.grader.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.grader.GradeReport;
import dev.grader.GradeReport.KeyPointResult;
import dev.grader.JudgeTrace;
import dev.grader.PointStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("The text report")
class TextReportRendererTest {

    private static final Pattern ANSI = Pattern.compile("\u001b\\[[0-9;]*m");

    private static String plain(GradeReport report) {
        return ReportRenderer.text(false).render(report);
    }

    @Test
    void showsEverySectionOfAFullReport() {
        String text = TextReportRenderer.builder().width(80).build().render(Reports.everything());

        assertEquals("""
                Q4 · What's the difference between Server.Shutdown and Server.Close?

                Score ██████░░░░░░░░░░░░░░ 29% · 2 of 7 points · contradictory

                Key points
                  ✔ Shutdown is graceful
                    “Shutdown is graceful.”
                  ◐ Shutdown waits for in-flight handlers to finish
                    “It waits for in-flight handlers to finish”
                  ⚠ Shutdown stops accepting new connections
                    “but it keeps accepting new connections until every handler has returned,
                     which can take a long time on a busy server with many slow clients that
                     never stop sending requests and keep their connections…”
                  ✘ Close is forceful

                Misconceptions
                  ⚠ Close waits for handlers too
                    “Close is not forceful.”
                    → No: Close returns at once and interrupts in-flight handlers.
                  ⚠ States the opposite of: Shutdown stops accepting new connections
                    “but it keeps accepting new connections”

                Follow-up questions
                  ? How do you wait for in-flight requests with a deadline?
                  ? What role does forceful play here? (generated)

                Feedback
                  You covered 1 of 4 key points and touched on 1 more (score 29%).

                Needs review: judge fallback: model timed out; 1 key point(s) with disagreeing
                  judges
                Usage: 2 model calls (1 from cache), 1,234 prompt + 56 completion tokens,
                  $0.0021
                """, text);
    }

    @Test
    void colourOnlyWhenAskedAndTheSameTextUnderneath() {
        String coloured = ReportRenderer.text(true).render(Reports.everything());

        assertFalse(plain(Reports.everything()).contains("\u001b"));
        assertTrue(coloured.contains("\u001b[31m✘\u001b[0m Close is forceful\n"), coloured);
        assertTrue(coloured.contains("\u001b[1;35mcontradictory\u001b[0m"), coloured);
        assertEquals(plain(Reports.everything()), ANSI.matcher(coloured).replaceAll(""));
    }

    @Test
    void rendersTheSameReportToTheSameText() {
        GradeReport report = Reports.real("Q4", "Shutdown is graceful and waits for handlers; Close is forceful.");

        assertEquals(plain(report), plain(Reports.real("Q4",
                "Shutdown is graceful and waits for handlers; Close is forceful.")));
    }

    @Test
    void canLeaveOutTheFollowUps() {
        String text = TextReportRenderer.builder().followUps(false).build().render(Reports.everything());

        assertFalse(text.contains("Follow-up questions"), text);
        assertFalse(text.contains("How do you wait"), text);
        assertTrue(text.contains("\nMisconceptions\n"), text);
    }

    @Test
    void canLeaveOutTheQuestion() {
        String text = TextReportRenderer.builder().question(false).build().render(Reports.everything());

        assertTrue(text.startsWith("Score ██████░░░░░░░░░░░░░░ 29% · 2 of 7 points · contradictory\n\nKey points\n"),
                text);
    }

    @Test
    void refusesATooNarrowWidth() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TextReportRenderer.builder().width(39));

        assertEquals("width must be at least 40, found 39", e.getMessage());
    }

    @Test
    void wrapsProseAtTheWidth() {
        for (int width : new int[] {40, 60, 100}) {
            String text = TextReportRenderer.builder().width(width).build().render(Reports.everything());

            for (String line : text.split("\n")) {
                assertTrue(line.codePointCount(0, line.length()) <= width, width + ": " + line);
            }
        }
    }

    @Nested
    @DisplayName("of a real report")
    class RealReport {

        private final GradeReport report = Reports.real("Q4", "Shutdown is graceful: it stops accepting new "
                + "connections and waits for in-flight requests. Close drops every connection at once.");
        private final List<String> lines = plain(report).lines().toList();

        @Test
        void opensWithTheQuestionAndTheScore() {
            assertEquals("Q4 · What's the difference between Server.Shutdown and Server.Close?", lines.get(0));
            assertEquals("", lines.get(1));
            assertEquals("Score " + TextReportRenderer.bar(report.score()) + " "
                    + Math.round(report.score() * 100) + "% · " + ReportFacts.number(report.points())
                    + " of 7 points · " + report.verdict().label(), lines.get(2));
        }

        @Test
        void listsEveryKeyPointWithItsMarkTextAndQuotedEvidence() {
            List<List<String>> blocks = blocks(section("Key points"));

            assertEquals(report.keyPoints().size(), blocks.size(), String.join("\n", lines));
            for (int i = 0; i < blocks.size(); i++) {
                KeyPointResult p = report.keyPoints().get(i);
                List<String> block = blocks.get(i);
                assertEquals("  " + ReportFacts.mark(p.status()) + " ", block.get(0).substring(0, 4));
                List<String> quoteLines = block.stream().filter(l -> l.startsWith("    “") || l.startsWith("     "))
                        .toList();
                String text = block.stream().limit(block.size() - quoteLines.size())
                        .map(l -> l.substring(4)).reduce((a, b) -> a + " " + b).orElseThrow();
                assertEquals(p.text(), text);
                String quote = quoteLines.stream().map(String::strip).reduce((a, b) -> a + " " + b).orElse(null);
                assertEquals(p.evidence() == null ? null : "“" + p.evidence().quote() + "”", quote, p.text());
            }
        }

        @Test
        void listsTheFollowUpsRubricOnesFirstAndGeneratedOnesMarked() {
            List<String> expected = report.followUps().stream()
                    .map(f -> "  ? " + f.question() + ("generated".equals(f.origin()) ? " (generated)" : ""))
                    .toList();

            List<String> items = new java.util.ArrayList<>();
            for (String line : section("Follow-up questions")) {
                if (line.startsWith("  ? ")) {
                    items.add(line);
                } else {
                    // a long follow-up wraps under its text
                    items.set(items.size() - 1, items.get(items.size() - 1) + " " + line.strip());
                }
            }
            assertEquals(expected, items);
        }

        /** The lines under a section heading, up to the next blank line. */
        private List<String> section(String heading) {
            int at = lines.indexOf(heading);
            assertTrue(at > 0, heading + " in\n" + String.join("\n", lines));
            return lines.subList(at + 1, lines.size()).stream().takeWhile(l -> !l.isEmpty()).toList();
        }

        /** Items of a section: a line with a mark, then its indented lines. */
        private List<List<String>> blocks(List<String> section) {
            List<List<String>> blocks = new ArrayList<>();
            for (String line : section) {
                if (line.matches("  [✔◐✘⚠] .*")) {
                    blocks.add(new ArrayList<>());
                }
                blocks.get(blocks.size() - 1).add(line);
            }
            return blocks;
        }

        @Test
        void endsWithTheFeedbackAndNoUsageLineWithoutAModel() {
            List<String> feedback = section("Feedback");

            assertEquals(report.feedback(), String.join(" ", feedback.stream().map(String::strip).toList()));
            assertEquals(lines.get(lines.size() - 1), feedback.get(feedback.size() - 1));
        }
    }

    @Nested
    @DisplayName("of untrusted answer text")
    class Untrusted {

        @Test
        void neutralisesTerminalEscapesAndBidiOverridesInQuotes() {
            String answer = "Shutdown is graceful\u001b[2J\u001b]0;pwned\u0007 and \u202Esecret\u202C waits.";
            String text = plain(Reports.real("Q4", answer));

            assertFalse(text.contains("\u001b"), text);
            assertFalse(text.contains("\u0007"), text);
            assertFalse(text.contains("\u202E"), text);
        }

        @Test
        void keepsAQuotedMultiLineAnswerOnItsOwnIndentedLines() {
            String answer = "Shutdown is graceful\n\nKey points\n  ✔ Close is forceful";
            GradeReport report = Reports.report(List.of(Reports.point("k1", "Shutdown is graceful", 1,
                            PointStatus.COVERED, dev.grader.Evidence.of(answer, 0, answer.length()))), List.of(),
                    List.of(), "", List.of(), JudgeTrace.NONE);

            assertTrue(plain(report).contains("\n    “Shutdown is graceful Key points ✔ Close is forceful”\n"),
                    plain(report));
        }
    }
}
