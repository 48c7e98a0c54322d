package dev.grader.batch;

import dev.grader.rubric.Question;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * {@code summary.csv}: one row per candidate, ranked: rank, candidate, file, status, each question's score
 * (0..1; empty when unanswered), total (sum of scores), max (number of questions), percent, answered, unanswered,
 * needs_review. Candidates that were not graded follow with their status and empty scores.
 *
 * <p>Candidate names are untrusted: a cell that a spreadsheet would run as a formula ({@code =}, {@code +},
 * {@code -}, {@code @} first) is prefixed with {@code '}.
 */
final class SummaryCsv {

    private SummaryCsv() {
    }

    static void write(Writer out, Cohort cohort) throws IOException {
        List<String> header = new ArrayList<>(List.of("rank", "candidate", "file", "status"));
        cohort.questions().stream().map(Question::id).forEach(header::add);
        header.addAll(List.of("total", "max", "percent", "answered", "unanswered", "needs_review"));
        CSVFormat format = CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get();
        try (CSVPrinter csv = new CSVPrinter(out, format)) {
            csv.printRecord(header.stream().map(SummaryCsv::safe).toList());
            for (CohortRow r : cohort.ranked()) {
                List<String> cells = new ArrayList<>(header.size());
                cells.add(r.graded() ? Integer.toString(r.rank()) : "");
                cells.add(safe(r.candidate()));
                cells.add(safe(r.file()));
                cells.add(r.status());
                for (int i = 0; i < cohort.questions().size(); i++) {
                    Double s = i < r.scores().size() ? r.scores().get(i) : null;
                    cells.add(s == null ? "" : Numbers.plain(s));
                }
                CandidateResult.Totals t = r.totals();
                if (t == null) {
                    cells.addAll(List.of("", "", "", "", "", ""));
                } else {
                    cells.addAll(List.of(Numbers.plain(t.score()), Integer.toString(t.max()),
                            Numbers.plain(t.percent()), Integer.toString(t.answered()),
                            Integer.toString(t.unanswered()), Integer.toString(t.needsReview())));
                }
                csv.printRecord(cells);
            }
        }
    }

    /** Neutralises spreadsheet formulas (OWASP "CSV injection"). */
    static String safe(String cell) {
        if (cell == null || cell.isEmpty()) {
            return "";
        }
        char c = cell.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' ? "'" + cell : cell;
    }
}
