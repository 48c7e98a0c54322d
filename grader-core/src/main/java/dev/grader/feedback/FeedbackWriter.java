package dev.grader.feedback;

import dev.grader.GradeReport.KeyPointResult;
import dev.grader.GradeReport.MisconceptionResult;
import dev.grader.PointStatus;
import dev.grader.score.Score;
import java.util.List;
import java.util.Locale;

/** Writes the short feedback paragraph addressed to the candidate. */
public final class FeedbackWriter {

    private static final int LISTED = 3;

    private FeedbackWriter() {
    }

    public static String write(Score score, List<KeyPointResult> points, List<MisconceptionResult> misconceptions,
                               boolean manipulation) {
        long covered = points.stream().filter(p -> p.status() == PointStatus.COVERED).count();
        long partial = points.stream().filter(p -> p.status() == PointStatus.PARTIAL).count();
        StringBuilder out = new StringBuilder();
        if (points.stream().allMatch(p -> p.status() == PointStatus.MISSED) && misconceptions.isEmpty()) {
            out.append("Your answer does not address the key points of this question yet.");
        } else {
            out.append("You covered ").append(covered).append(" of ").append(points.size()).append(" key points");
            if (partial > 0) {
                out.append(" and touched on ").append(partial).append(" more");
            }
            out.append(String.format(Locale.ROOT, " (score %.0f%%).", score.score() * 100));
        }
        List<KeyPointResult> contradicted = points.stream().filter(p -> p.status() == PointStatus.CONTRADICTED).toList();
        if (!contradicted.isEmpty()) {
            out.append(" Your answer contradicts: ").append(join(contradicted.stream().map(KeyPointResult::text).toList()))
                    .append('.');
        }
        for (MisconceptionResult m : misconceptions.subList(0, Math.min(LISTED, misconceptions.size()))) {
            if (m.correction() != null && !m.correction().isBlank() && "rubric".equals(m.source())) {
                // the correction's own "No —" would follow the dash: "a common mistake — No — Go does not ..."
                String correction = trimPeriod(ProbeWriter.correctionOf(m.correction()));
                out.append(" Careful: \"").append(trimPeriod(m.text())).append("\" is a common mistake: ")
                        .append(correction.isEmpty() ? trimPeriod(m.correction()) : correction).append('.');
            }
        }
        List<KeyPointResult> missed = points.stream().filter(p -> p.status() == PointStatus.MISSED).toList();
        if (!missed.isEmpty() && missed.size() < points.size()) {
            out.append(" Still missing: ").append(join(missed.stream().map(KeyPointResult::text).toList())).append('.');
        }
        if (manipulation) {
            out.append(" Text addressed to the grader was ignored and costs points.");
        }
        return out.toString();
    }

    private static String join(List<String> texts) {
        List<String> shown = texts.subList(0, Math.min(LISTED, texts.size())).stream().map(FeedbackWriter::trimPeriod)
                .toList();
        String joined = String.join("; ", shown);
        return texts.size() > LISTED ? joined + "; and " + (texts.size() - LISTED) + " more" : joined;
    }

    private static String trimPeriod(String s) {
        String t = s.strip();
        return t.endsWith(".") ? t.substring(0, t.length() - 1) : t;
    }
}
