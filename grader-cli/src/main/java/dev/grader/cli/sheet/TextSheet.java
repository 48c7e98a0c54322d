package dev.grader.cli.sheet;

import dev.grader.report.Wrap;
import dev.grader.rubric.CodeBlock;
import dev.grader.rubric.FollowUp;
import dev.grader.rubric.KeyPoint;
import dev.grader.rubric.Misconception;
import dev.grader.rubric.Note;
import dev.grader.rubric.Origin;
import dev.grader.rubric.Question;
import dev.grader.rubric.Rubric;
import java.util.List;

/**
 * The grading sheet for a terminal: prose wrapped to the width, sections indented under each question,
 * numbered key points, details dimmed so the claims stand out.
 */
public final class TextSheet {

    private static final String SECTION = "  ";
    private static final String ITEM = "    ";
    private static final String CODE = "      ";

    private final Style style;
    private final int width;
    private final StringBuilder out = new StringBuilder();

    private TextSheet(Style style, int width) {
        this.style = style;
        this.width = width;
    }

    /**
     * @param shown the questions to print, in order (a subset of the rubric's)
     * @param width the column to wrap prose at; code is never wrapped
     */
    public static String render(Rubric rubric, List<Question> shown, Style style, int width) {
        TextSheet sheet = new TextSheet(style, width);
        sheet.header(rubric, shown);
        shown.forEach(sheet::question);
        return sheet.out.toString().stripTrailing() + "\n";
    }

    private void header(Rubric rubric, List<Question> shown) {
        wrapped(rubric.title(), "", "", Kind.BOLD);
        if (rubric.description() != null && !rubric.description().isBlank()) {
            wrapped(rubric.description(), "", "", Kind.PLAIN);
        }
        wrapped(SheetFacts.overview(rubric, shown), "", "", Kind.DIM);
    }

    private void question(Question q) {
        blank();
        line(style.dim("─".repeat(width)));
        boolean leveled = q.level() != null && !q.level().isBlank();
        line(style.bold(q.id()) + (leveled ? style.dim(" · " + q.level()) : ""));
        wrapped(q.prompt(), "", "", Kind.BOLD);
        code(SheetFacts.code(q, SheetFacts.QUESTION_CODE));

        if (!q.acceptedAnswers().isEmpty()) {
            section("Also accepted as full answers");
            q.acceptedAnswers().forEach(a -> wrapped(a, ITEM + "- ", ITEM + "  ", Kind.PLAIN));
        }

        section("Key points");
        if (q.keyPoints().isEmpty()) {
            wrapped("none: this question cannot be graded", ITEM, ITEM, Kind.DIM);
        }
        String expected = SheetFacts.expected(q);
        if (!expected.isEmpty()) {
            wrapped(expected, ITEM, ITEM, Kind.DIM);
        }
        int digits = String.valueOf(q.keyPoints().size()).length();
        for (int i = 0; i < q.keyPoints().size(); i++) {
            KeyPoint k = q.keyPoints().get(i);
            String number = ITEM + " ".repeat(digits - String.valueOf(i + 1).length()) + (i + 1) + ". ";
            String hang = " ".repeat(number.length());
            wrapped(k.text(), number, hang, Kind.PLAIN);
            wrapped(SheetFacts.keyPointDetails(k), hang, hang, Kind.DIM);
        }
        code(SheetFacts.code(q, SheetFacts.MODEL_ANSWER_CODE));

        if (!q.misconceptions().isEmpty()) {
            section("Misconceptions");
            for (Misconception m : q.misconceptions()) {
                wrapped(m.text(), ITEM + "✗ ", ITEM + "  ", Kind.PLAIN);
                if (!m.aliases().isEmpty()) {
                    wrapped(SheetFacts.alsoSaidAs(m), ITEM + "  ", ITEM + "  ", Kind.DIM);
                }
                if (!m.correction().isBlank()) {
                    wrapped(m.correction(), ITEM + "  → ", ITEM + "    ", Kind.PLAIN);
                }
                if (Origin.isSuggested(m.origin())) {
                    wrapped(SheetFacts.NOT_GRADED, ITEM + "  ", ITEM + "  ", Kind.DIM);
                }
            }
        }

        if (!q.followUps().isEmpty()) {
            section("Follow-ups");
            for (FollowUp f : q.followUps()) {
                wrapped(f.question(), ITEM + "? ", ITEM + "  ", Kind.PLAIN);
                if (!f.answer().isBlank()) {
                    wrapped(f.answer(), ITEM + "  → ", ITEM + "    ", Kind.PLAIN);
                }
                String probes = SheetFacts.probes(f, q);
                String suggested = Origin.isSuggested(f.origin()) ? SheetFacts.NOT_GRADED : "";
                String details = probes.isEmpty() || suggested.isEmpty() ? probes + suggested : probes + " · " + suggested;
                if (!details.isEmpty()) {
                    wrapped(details, ITEM + "  ", ITEM + "  ", Kind.DIM);
                }
            }
        }

        if (!q.notes().isEmpty()) {
            section("Notes");
            for (Note n : q.notes()) {
                String label = n.label().isBlank() ? "" : n.label() + ". ";
                wrapped(label + n.text(), ITEM, ITEM + "  ", Kind.PLAIN);
                code(SheetFacts.code(q, n.label()));
            }
        }

        for (CodeBlock c : SheetFacts.otherCode(q)) {
            section("Code (" + c.section() + ")");
            code(List.of(c));
        }
    }

    private void section(String title) {
        blank();
        line(style.bold(SECTION + title));
    }

    private void code(List<CodeBlock> blocks) {
        for (CodeBlock c : blocks) {
            blank();
            // Tabs would jump to the terminal's tab stops and undo the indent.
            c.text().lines().forEach(l -> line((CODE + l.replace("\t", "    ")).stripTrailing()));
        }
        if (!blocks.isEmpty()) {
            blank();
        }
    }

    private enum Kind { PLAIN, BOLD, DIM }

    private void wrapped(String text, String first, String rest, Kind kind) {
        for (String l : Wrap.lines(text, width, first, rest)) {
            line(switch (kind) {
                case PLAIN -> l;
                case BOLD -> style.bold(l);
                case DIM -> style.dim(l);
            });
        }
    }

    private void blank() {
        int n = out.length();
        if (n > 0 && !(n >= 2 && out.charAt(n - 1) == '\n' && out.charAt(n - 2) == '\n')) {
            out.append('\n');
        }
    }

    private void line(String text) {
        out.append(text).append('\n');
    }
}
