package dev.grader.cli.quiz;

import dev.grader.Evidence;
import dev.grader.GradeReport;
import dev.grader.GradeReport.KeyPointResult;
import dev.grader.GradeReport.MisconceptionResult;
import dev.grader.JudgeInfo;
import dev.grader.JudgeTrace;
import dev.grader.PointStatus;
import dev.grader.Verdict;
import dev.grader.score.ScoringPolicy;
import java.util.List;

/** Hand-made reports for summary tests. */
final class Transcripts {

    private Transcripts() {
    }

    static GradeReport report(String question, double score, Verdict verdict, List<KeyPointResult> points,
                              List<MisconceptionResult> misconceptions) {
        return new GradeReport(question, "?", score, score * 2, 2, verdict, points, misconceptions, List.of(), "",
                false, List.of(), new GradeReport.AnswerInfo(0, false, "0".repeat(64)), JudgeTrace.NONE,
                new GradeReport.Audit("r", "0".repeat(64), "0".repeat(64), "test", new JudgeInfo("offline", null),
                        ScoringPolicy.DEFAULT));
    }

    static KeyPointResult point(String text, double weight, PointStatus status) {
        return new KeyPointResult(text.toLowerCase().replace(' ', '-'), text, weight, status, 1, "offline",
                status == PointStatus.MISSED ? null : new Evidence("x", 0, 1), null);
    }

    static MisconceptionResult misconception(String text, String correction) {
        return new MisconceptionResult("m", text, correction, "rubric", 1, "offline", new Evidence("x", 0, 1));
    }
}
