package dev.grader.cli.sheet;

import dev.grader.rubric.CodeBlock;
import dev.grader.rubric.FollowUp;
import dev.grader.rubric.KeyPoint;
import dev.grader.rubric.Misconception;
import dev.grader.rubric.Note;
import dev.grader.rubric.Origin;
import dev.grader.rubric.Question;
import dev.grader.rubric.Rubric;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The grading sheet as CommonMark: a heading per question, numbered key points, fenced code. Not wrapped: the
 * viewer wraps. Rubric text is escaped, so {@code (*Server).Serve} stays literal instead of turning italic.
 */
public final class MarkdownSheet {

    /** A line break inside a list item (CommonMark backslash break), continuing at the item's indent. */
    private static final String HARD_BREAK = "\\\n  ";

    private final StringBuilder out = new StringBuilder();

    private MarkdownSheet() {
    }

    public static String render(Rubric rubric, List<Question> shown) {
        MarkdownSheet sheet = new MarkdownSheet();
        sheet.paragraph("# " + escape(rubric.title()));
        if (rubric.description() != null && !rubric.description().isBlank()) {
            sheet.paragraph(escape(rubric.description()));
        }
        sheet.paragraph("*" + escape(SheetFacts.overview(rubric, shown)) + "*");
        shown.forEach(sheet::question);
        return sheet.out.toString().stripTrailing() + "\n";
    }

    private void question(Question q) {
        paragraph("## " + escape(SheetFacts.heading(q)));
        paragraph(escape(q.prompt()));
        code(SheetFacts.code(q, SheetFacts.QUESTION_CODE));

        if (!q.acceptedAnswers().isEmpty()) {
            paragraph("### Also accepted as full answers");
            paragraph(q.acceptedAnswers().stream().map(a -> "- " + item(a)).collect(Collectors.joining("\n")));
        }

        paragraph("### Key points");
        if (q.keyPoints().isEmpty()) {
            paragraph("*None: this question cannot be graded.*");
        }
        String expected = SheetFacts.expected(q);
        if (!expected.isEmpty()) {
            paragraph("*" + expected + "*");
        }
        StringBuilder points = new StringBuilder();
        for (int i = 0; i < q.keyPoints().size(); i++) {
            KeyPoint k = q.keyPoints().get(i);
            points.append(i + 1).append(". ").append(item(k.text())).append(" — ").append(details(k)).append('\n');
        }
        paragraph(points.toString());
        code(SheetFacts.code(q, SheetFacts.MODEL_ANSWER_CODE));

        if (!q.misconceptions().isEmpty()) {
            paragraph("### Misconceptions");
            StringBuilder list = new StringBuilder();
            for (Misconception m : q.misconceptions()) {
                list.append("- ✗ ").append(item(m.text()));
                if (!m.aliases().isEmpty()) {
                    list.append(HARD_BREAK).append('*').append(item(SheetFacts.alsoSaidAs(m))).append('*');
                }
                if (!m.correction().isBlank()) {
                    list.append(HARD_BREAK).append("→ ").append(item(m.correction()));
                }
                if (Origin.isSuggested(m.origin())) {
                    list.append(" *(").append(SheetFacts.NOT_GRADED).append(")*");
                }
                list.append('\n');
            }
            paragraph(list.toString());
        }

        if (!q.followUps().isEmpty()) {
            paragraph("### Follow-ups");
            StringBuilder list = new StringBuilder();
            for (FollowUp f : q.followUps()) {
                list.append("- ").append(item(f.question()));
                String probes = SheetFacts.probes(f, q);
                if (!probes.isEmpty()) {
                    list.append(" *(").append(escape(probes)).append(")*");
                }
                if (Origin.isSuggested(f.origin())) {
                    list.append(" *(").append(SheetFacts.NOT_GRADED).append(")*");
                }
                if (!f.answer().isBlank()) {
                    list.append(HARD_BREAK).append("→ ").append(item(f.answer()));
                }
                list.append('\n');
            }
            paragraph(list.toString());
        }

        if (!q.notes().isEmpty()) {
            paragraph("### Notes");
            for (Note n : q.notes()) {
                String label = n.label().isBlank() ? "" : "**" + escape(n.label()) + ".** ";
                paragraph(label + escape(n.text()));
                code(SheetFacts.code(q, n.label()));
            }
        }

        for (CodeBlock c : SheetFacts.otherCode(q)) {
            paragraph("### Code (" + escape(c.section()) + ")");
            code(List.of(c));
        }
    }

    /** "*weight 1* · terms: `r.Context()`, `ctx`": terms are code-like, so they are shown as code. */
    private static String details(KeyPoint k) {
        StringBuilder sb = new StringBuilder("*weight ").append(SheetFacts.weight(k.weight())).append('*');
        if (!k.terms().isEmpty()) {
            sb.append(" · terms: ").append(k.terms().stream().map(MarkdownSheet::codeSpan)
                    .collect(Collectors.joining(", ")));
        }
        if (!k.aliases().isEmpty()) {
            sb.append(" · also: ").append(escape(String.join(" | ", k.aliases())));
        }
        if (Origin.isSuggested(k.origin())) {
            sb.append(" · *").append(SheetFacts.NOT_GRADED).append('*');
        }
        return sb.toString();
    }

    static String codeSpan(String text) {
        String ticks = "`".repeat(longestRun(text, '`') + 1);
        String pad = text.startsWith("`") || text.endsWith("`") ? " " : "";
        return ticks + pad + text + pad + ticks;
    }

    private void code(List<CodeBlock> blocks) {
        for (CodeBlock c : blocks) {
            // A fence longer than any backtick run inside the code, so the code cannot close it early.
            String fence = "`".repeat(Math.max(3, longestRun(c.text(), '`') + 1));
            String language = c.language() == null ? "" : c.language();
            paragraph(fence + language + "\n" + c.text().stripTrailing() + "\n" + fence);
        }
    }

    private void paragraph(String text) {
        out.append(text.stripTrailing()).append("\n\n");
    }

    /** Text inside a list item: continuation lines indented so they stay in the item. */
    private static String item(String text) {
        return escape(text.strip()).replaceAll("\\R", "\n  ");
    }

    /** Escapes what CommonMark would otherwise read as emphasis, code, links, HTML or a heading or quote. */
    static String escape(String text) {
        StringBuilder sb = new StringBuilder(text.length() + 8);
        boolean lineStart = true;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ("\\`*_[]<>|".indexOf(c) >= 0 || (lineStart && c == '#')) {
                sb.append('\\');
            }
            sb.append(c);
            lineStart = c == '\n' || (lineStart && c == ' ');
        }
        return sb.toString();
    }

    private static int longestRun(String text, char c) {
        int longest = 0;
        int run = 0;
        for (int i = 0; i < text.length(); i++) {
            run = text.charAt(i) == c ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        return longest;
    }
}
