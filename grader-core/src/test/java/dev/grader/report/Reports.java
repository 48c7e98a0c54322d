package dev.grader.report;

import dev.grader.Evidence;
import dev.grader.GradeReport;
import dev.grader.GradeReport.FollowUpProbe;
import dev.grader.GradeReport.KeyPointResult;
import dev.grader.GradeReport.MisconceptionResult;
import dev.grader.Grader;
import dev.grader.JudgeInfo;
import dev.grader.JudgeTrace;
import dev.grader.PointStatus;
import dev.grader.Rubrics;
import dev.grader.Verdict;
import dev.grader.judge.OfflineJudge;
import dev.grader.score.ScoringPolicy;
import java.util.List;

/** Reports for renderer tests: hand-made ones with every feature, and real ones from the shipped rubric. */
final class Reports {

    /** The answer the hand-made report quotes from. */
    static final String ANSWER = "Shutdown is graceful. It waits for in-flight handlers to finish, but it keeps "
            + "accepting new connections until every handler has returned, which can take a long time on a busy "
            + "server with many slow clients that never stop sending requests and keep their connections open for minutes "
            + "at a time. Close is not forceful.";

    private static Grader lexical;

    private Reports() {
    }

    /** The shipped rubric and the offline judge without embeddings: fast, deterministic. */
    static synchronized Grader grader() {
        if (lexical == null) {
            lexical = Grader.builder().rubric(Rubrics.defaultRubric())
                    .judge(OfflineJudge.builder().embeddings(false).build()).build();
        }
        return lexical;
    }

    static GradeReport real(String questionId, String answer) {
        return grader().grade(questionId, answer);
    }

    /** Every status, a long quote, both kinds of misconception, both kinds of probe, review and usage. */
    static GradeReport everything() {
        return report(List.of(
                        point("k1", "Shutdown is graceful", 1.5, PointStatus.COVERED, quote("Shutdown is graceful.")),
                        point("k2", "Shutdown waits for in-flight handlers to finish", 1, PointStatus.PARTIAL,
                                quote("It waits for in-flight handlers to finish")),
                        point("k3", "Shutdown stops accepting new connections", 1, PointStatus.CONTRADICTED,
                                quote("but it keeps accepting new connections until every handler has returned, "
                                        + "which can take a long time on a busy server with many slow clients that "
                                        + "never stop sending requests and keep their connections open for minutes "
                                        + "at a time.")),
                        point("k4", "Close is forceful", 1.5, PointStatus.MISSED, null)),
                List.of(new MisconceptionResult("m1", "Close waits for handlers too",
                                "No: Close returns at once and interrupts in-flight handlers.", "rubric", 0.8,
                                "offline", quote("Close is not forceful.")),
                        new MisconceptionResult("k3", "States the opposite of: Shutdown stops accepting new "
                                + "connections", "Shutdown stops accepting new connections", "contradiction", 0.7,
                                "offline", quote("but it keeps accepting new connections"))),
                List.of(new FollowUpProbe("f1", "How do you wait for in-flight requests with a deadline?",
                                "Pass a context.WithTimeout to Shutdown.", List.of("k2"), "partial", "rubric"),
                        new FollowUpProbe(null, "What role does forceful play here?", null, List.of("k4"), "missed",
                                "generated")),
                "You covered 1 of 4 key points and touched on 1 more (score 29%).",
                List.of("judge fallback: model timed out", "1 key point(s) with disagreeing judges"),
                new JudgeTrace(2, 1, 0, 1234, 56, 0.0021, "model timed out", 0, 0, 1, List.of()));
    }

    static GradeReport report(List<KeyPointResult> points, List<MisconceptionResult> misconceptions,
                              List<FollowUpProbe> followUps, String feedback, List<String> reviewReasons,
                              JudgeTrace usage) {
        return new GradeReport("Q4", "What's the difference between Server.Shutdown and Server.Close?", 0.2857, 2.0,
                7.0, Verdict.CONTRADICTORY, points, misconceptions, followUps, feedback, !reviewReasons.isEmpty(),
                reviewReasons, new GradeReport.AnswerInfo(ANSWER.length(), false, "0".repeat(64)), usage,
                new GradeReport.Audit("rubric", "0".repeat(64), "0".repeat(64), "test",
                        new JudgeInfo("offline", null), ScoringPolicy.DEFAULT));
    }

    static KeyPointResult point(String id, String text, double weight, PointStatus status, Evidence evidence) {
        return new KeyPointResult(id, text, weight, status, 0.9, "offline", evidence, null);
    }

    /** The span of {@link #ANSWER} that reads {@code text}. */
    static Evidence quote(String text) {
        int start = ANSWER.indexOf(text);
        if (start < 0) {
            throw new IllegalArgumentException("not in the answer: " + text);
        }
        return Evidence.of(ANSWER, start, start + text.length());
    }
}
