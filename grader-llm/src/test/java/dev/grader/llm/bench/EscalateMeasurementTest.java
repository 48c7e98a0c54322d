package dev.grader.llm.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.grader.Grader;
import dev.grader.Judge;
import dev.grader.Rubrics;
import dev.grader.eval.Evaluation;
import dev.grader.eval.EvaluationResult;
import dev.grader.eval.GoldAnswer;
import dev.grader.eval.GoldReader;
import dev.grader.judge.EscalatingJudge;
import dev.grader.judge.OfflineJudge;
import dev.grader.llm.LlmJudge;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Does {@code escalate} save calls without losing agreement? On the seed-dev gold answers with the shipped
 * rubric, a model that answers from the gold labels ({@link GoldChatClient}) stands in for a perfect LLM:
 * {@code llm} calls it for every answer, {@code escalate} only where the offline judge is unsure or near the pass
 * mark. Prints calls and Pearson per policy and writes them to {@code target/escalate-measurement.txt}.
 *
 * <p>A measurement, not part of the test run (tag {@code measurement}, excluded by default). Run it with
 * {@code mvn -q -pl grader-llm -am verify -Dgroups=measurement -Dexcluded.groups=none -Dsurefire.failIfNoSpecifiedTests=false}; it needs
 * {@code ../shared/datasets/seed-dev} beside the repository.
 */
@Tag("measurement")
class EscalateMeasurementTest {

    static final Path GOLD = Path.of("..", "..", "shared", "datasets", "seed-dev", "answers.jsonl");

    @Test
    void escalateSavesCallsWithoutLosingAgreement() throws IOException {
        assumeTrue(Files.isRegularFile(GOLD), "seed-dev is not beside the repository");
        List<GoldAnswer> gold = GoldReader.read(GOLD);
        OfflineJudge offline = OfflineJudge.create();

        EvaluationResult offlineOnly = evaluate(offline, gold);

        GoldChatClient allCalls = new GoldChatClient(gold);
        EvaluationResult llm = evaluate(llm(allCalls, offline), gold);

        GoldChatClient someCalls = new GoldChatClient(gold);
        EvaluationResult escalate = evaluate(EscalatingJudge.builder(offline, llm(someCalls, offline)).build(), gold);

        StringBuilder margins = new StringBuilder();
        for (double margin : new double[] {0.0, 0.2, 0.3}) {
            GoldChatClient client = new GoldChatClient(gold);
            EvaluationResult r = evaluate(EscalatingJudge.builder(offline, llm(client, offline)).margin(margin)
                    .build(), gold);
            margins.append(String.format(Locale.ROOT, "escalate  %5d  %.3f  (margin %.1f)%n", client.calls(),
                    r.metrics().pearson(), margin));
        }
        int n = offlineOnly.graded();
        String figures = String.format(Locale.ROOT, String.join("\n",
                        "seed-dev, shipped rubric, %d answers; gold-label model",
                        "policy    calls  pearson",
                        "offline   %5d  %.3f",
                        "llm       %5d  %.3f",
                        "escalate  %5d  %.3f  (%d calls saved, %.0f %%; defaults: confidence 0.5, margin 0.1)", ""),
                n, 0, offlineOnly.metrics().pearson(), allCalls.calls(), llm.metrics().pearson(), someCalls.calls(),
                escalate.metrics().pearson(), n - someCalls.calls(), 100.0 * (n - someCalls.calls()) / n) + margins;
        System.out.print(figures);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "escalate-measurement.txt"), figures);

        assertTrue(allCalls.calls() == n, "llm asks for every answer");
        assertTrue(someCalls.calls() < n, "escalate saves calls");
        assertTrue(escalate.metrics().pearson() > offlineOnly.metrics().pearson(),
                "escalate agrees better than the offline judge alone");
    }

    private static Judge llm(GoldChatClient client, OfflineJudge offline) {
        return LlmJudge.builder().chatClient(client).modelName("gold").noCache().fallback(offline).build();
    }

    private static EvaluationResult evaluate(Judge judge, List<GoldAnswer> gold) {
        Grader grader = Grader.builder().rubric(Rubrics.defaultRubric()).judge(judge).build();
        return Evaluation.builder(grader).build().run(gold);
    }
}
