package dev.grader.cli.sheet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.grader.rubric.FollowUp;
import dev.grader.rubric.KeyPoint;
import dev.grader.rubric.Question;
import dev.grader.rubric.Rubric;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextSheetTest {

    private static final KeyPoint POINT = new KeyPoint("k1", "Shutdown waits for in-flight handlers to finish.", 2,
            List.of("Shutdown"), List.of());
    private static final Question QUESTION = new Question("Q4", null, "What does Shutdown do?", "", List.of(), null,
            List.of(POINT, new KeyPoint("k2", "It closes idle connections.", 1, List.of(), List.of(), "suggested")),
            List.of(), List.of(new FollowUp("f1", "With a deadline?", "", List.of("k2", "gone"))), List.of(), List.of());
    private static final Rubric RUBRIC = new Rubric(1, "r", "Title", null, null, List.of(QUESTION));

    @Test
    void ansiStylesWholeLinesAfterWrapping() {
        String sheet = TextSheet.render(RUBRIC, List.of(QUESTION), Style.ANSI, 40);

        assertTrue(sheet.startsWith("\u001b[1mTitle\u001b[22m\n\u001b[2m1 question\u001b[22m\n"), sheet);
        assertTrue(sheet.contains("\n\u001b[1mQ4\u001b[22m\n\u001b[1mWhat does Shutdown do?\u001b[22m\n"), sheet);
        assertTrue(sheet.contains("\n\u001b[1m  Key points\u001b[22m\n"), sheet);
        assertTrue(sheet.contains("\n    1. Shutdown waits for in-flight\n       handlers to finish.\n"
                + "\u001b[2m       weight 2 · terms: Shutdown\u001b[22m\n"), sheet);
    }

    @Test
    void plainHasNoEscapesAndMarksSuggestionsAndUnknownProbes() {
        String sheet = TextSheet.render(RUBRIC, List.of(QUESTION), Style.PLAIN, 100);

        assertTrue(!sheet.contains("\u001b"), sheet);
        assertTrue(sheet.contains("    2. It closes idle connections.\n"
                + "       weight 1 · suggested, not graded until reviewed\n"), sheet);
        assertTrue(sheet.contains("    ? With a deadline?\n      probes key points 2, gone (unknown)\n"), sheet);
    }

    @Test
    void questionWithoutKeyPointsSaysSo() {
        Question empty = new Question("Q9", "Staff", "Why?", "", List.of(), null, List.of(), List.of(), List.of(),
                List.of(), List.of());

        String sheet = TextSheet.render(RUBRIC, List.of(empty), Style.PLAIN, 100);

        assertTrue(sheet.endsWith("  Key points\n    none: this question cannot be graded\n"), sheet);
        assertEquals(-1, sheet.indexOf("\n\n\n"), sheet);
    }
}
