package dev.grader.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.grader.Evidence;
import dev.grader.GradeReport;
import dev.grader.GradeReport.KeyPointResult;
import dev.grader.JudgeTrace;
import dev.grader.PointStatus;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The Markdown report")
class MarkdownReportRendererTest {

    private static String markdown(GradeReport report) {
        return ReportRenderer.markdown().render(report);
    }

    @Test
    void showsEverySectionOfAFullReport() {
        assertEquals("""
                ## Q4 · What's the difference between Server.Shutdown and Server.Close?

                Score ██████░░░░░░░░░░░░░░ **29%** · 2 of 7 points · **contradictory**

                ### Key points

                | | Key point | Status | Weight |
                |:-:|---|---|--:|
                | ✔ | Shutdown is graceful | covered | 1.5 |
                | ◐ | Shutdown waits for in-flight handlers to finish | partial | 1 |
                | ⚠ | Shutdown stops accepting new connections | contradicted | 1 |
                | ✘ | Close is forceful | missed | 1.5 |

                ### Evidence

                **✔ Shutdown is graceful**

                > Shutdown is graceful.

                **◐ Shutdown waits for in-flight handlers to finish**

                > It waits for in-flight handlers to finish

                **⚠ Shutdown stops accepting new connections**

                > but it keeps accepting new connections until every handler has returned, which can take a long \
                time on a busy server with many slow clients that never stop sending requests and keep their connections…

                ### Misconceptions

                **⚠ Close waits for handlers too**

                > Close is not forceful.

                Correction: No: Close returns at once and interrupts in-flight handlers.

                **⚠ States the opposite of: Shutdown stops accepting new connections**

                > but it keeps accepting new connections

                ### Follow-up questions

                1. How do you wait for in-flight requests with a deadline?
                2. What role does forceful play here? *(generated)*

                ### Feedback

                You covered 1 of 4 key points and touched on 1 more (score 29%).

                **Needs review:** judge fallback: model timed out; 1 key point(s) with disagreeing judges

                *Usage: 2 model calls (1 from cache), 1,234 prompt + 56 completion tokens, \\$0.0021*
                """, markdown(Reports.everything()));
    }

    @Test
    void hostileAnswerTextCannotBreakTheTableNorAddMarkup() {
        String answer = "x | y | `code` <script>alert(1)</script> [link](http://evil) ![img](http://evil/t.png)"
                + "\n# heading\n> quote\n- item **bold** _it_ ~~del~~ $x$ &amp;";
        String text = "Shutdown | is `graceful`";
        GradeReport report = Reports.report(List.of(Reports.point("k1", text, 1, PointStatus.COVERED,
                Evidence.of(answer, 0, answer.length()))), List.of(), List.of(), "", List.of(), JudgeTrace.NONE);

        String md = markdown(report);

        assertTrue(md.contains("| ✔ | Shutdown \\| is \\`graceful\\` | covered | 1 |\n"), md);
        assertTrue(md.contains("\n> x \\| y \\| \\`code\\` \\<script\\>alert(1)\\</script\\> \\[link\\](http://evil) "
                + "\\!\\[img\\](http://evil/t.png) \\# heading \\> quote - item \\*\\*bold\\*\\* \\_it\\_ "
                + "\\~\\~del\\~\\~ \\$x\\$ \\&amp;\n"), md);
    }

    @Test
    void escapesBlockMarkersAtTheStartOfAQuote() {
        assertEquals("\\- item", MarkdownReportRenderer.escape("- item"));
        assertEquals("\\+ item", MarkdownReportRenderer.escape("+ item"));
        assertEquals("12\\. item", MarkdownReportRenderer.escape("12. item"));
        assertEquals("3\\) item", MarkdownReportRenderer.escape("3) item"));
        assertEquals("\\==", MarkdownReportRenderer.escape("=="));
        assertEquals("a - b 1. c", MarkdownReportRenderer.escape("a - b 1. c"));
        assertEquals("Go 1.21", MarkdownReportRenderer.escape("Go 1.21"));
    }

    @Test
    void everyTableRowOfARealReportHasFourCells() {
        GradeReport report = Reports.real("Q4", "Shutdown | is graceful | and waits; Close | is forceful `now`.");
        List<String> rows = markdown(report).lines().filter(l -> l.startsWith("| ")).toList();

        assertEquals(report.keyPoints().size() + 1, rows.size());
        for (String row : rows) {
            assertEquals(5, row.replace("\\|", "").chars().filter(c -> c == '|').count(), row);
        }
        for (int i = 0; i < report.keyPoints().size(); i++) {
            KeyPointResult p = report.keyPoints().get(i);
            assertEquals("| " + ReportFacts.mark(p.status()) + " | " + MarkdownReportRenderer.escape(p.text()) + " | "
                    + p.status().label() + " | " + ReportFacts.number(p.weight()) + " |", rows.get(i + 1));
        }
    }

    @Test
    void quotesTheEvidenceOfEveryPointThatHasSome() {
        GradeReport report = Reports.real("Q4", "Shutdown is graceful: it stops accepting new connections and "
                + "waits for in-flight requests. Close drops every connection at once.");
        String md = markdown(report);

        for (KeyPointResult p : report.keyPoints()) {
            String heading = "**" + ReportFacts.mark(p.status()) + " " + MarkdownReportRenderer.escape(p.text()) + "**";
            if (p.evidence() == null) {
                assertFalse(md.contains(heading), heading);
            } else {
                assertTrue(md.contains(heading + "\n\n> " + MarkdownReportRenderer.escape(p.evidence().quote())
                        + "\n"), md);
            }
        }
        assertFalse(md.contains("Usage:"), md);
        assertTrue(md.endsWith("\n") && !md.endsWith("\n\n"), md);
    }
}
