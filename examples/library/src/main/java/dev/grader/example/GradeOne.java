package dev.grader.example;

import dev.grader.GradeReport;
import dev.grader.Grader;
import dev.grader.Rubrics;
import dev.grader.report.ReportRenderer;

public class GradeOne {
    public static void main(String[] args) {
        Grader grader = Grader.builder()
                .rubric(Rubrics.defaultRubric())   // or Rubrics.fromFile(Path.of("my-rubric.json"))
                .build();                          // the offline judge: no network, no key, deterministic
        GradeReport report = grader.grade("Q4", "Shutdown waits for in-flight requests; Close drops them.");

        System.out.println(report.verdict().label() + " " + Math.round(report.score() * 100) + "%");
        for (GradeReport.KeyPointResult point : report.keyPoints()) {
            String quote = point.evidence() == null ? "" : "  <- \"" + point.evidence().quote() + "\"";
            System.out.println(point.status().label() + ": " + point.text() + quote);
        }
        System.out.print(ReportRenderer.markdown().render(report));   // or text(colour), json()
    }
}
