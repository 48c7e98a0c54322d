package dev.grader.judge;

import dev.grader.Assessment;
import dev.grader.Evidence;
import dev.grader.Judge;
import dev.grader.JudgeInfo;
import dev.grader.PointStatus;
import dev.grader.rubric.KeyPoint;
import dev.grader.rubric.Question;
import dev.grader.text.Segmenter;
import dev.grader.text.Span;
import dev.grader.text.Token;
import dev.grader.text.Tokenizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The default judge: no network, no key, deterministic.
 */
public final class OfflineJudge implements Judge {

    public static final String NAME = "offline";

    private OfflineJudge() {
    }

    public static OfflineJudge create() {
        return new OfflineJudge();
    }

    @Override
    public Assessment assess(Question question, String answer) {
        List<Span> sentences = Segmenter.sentences(answer);
        List<Assessment.Point> points = new ArrayList<>();
        for (KeyPoint k : question.gradedKeyPoints()) {
            Set<String> want = new HashSet<>();
            for (Token t : Tokenizer.tokenize(k.text())) {
                if (t.content()) {
                    want.add(t.stem());
                }
            }
            double best = 0;
            Span bestSpan = null;
            for (Span s : sentences) {
                Set<String> have = new HashSet<>();
                for (Token t : Tokenizer.tokenize(answer.substring(s.start(), s.end()))) {
                    have.add(t.stem());
                }
                long hit = want.stream().filter(have::contains).count();
                double cover = want.isEmpty() ? 0 : (double) hit / want.size();
                if (cover > best) {
                    best = cover;
                    bestSpan = s;
                }
            }
            PointStatus status = best >= 0.6 ? PointStatus.COVERED : best >= 0.35 ? PointStatus.PARTIAL : PointStatus.MISSED;
            Evidence evidence = bestSpan == null || status == PointStatus.MISSED ? null
                    : Evidence.of(answer, bestSpan.start(), bestSpan.end());
            points.add(new Assessment.Point(k.id(), status, 0.5, evidence, NAME, null));
        }
        return new Assessment(points, List.of(), List.of(), null, null);
    }

    @Override
    public JudgeInfo info() {
        return new JudgeInfo(NAME, Map.of());
    }
}
