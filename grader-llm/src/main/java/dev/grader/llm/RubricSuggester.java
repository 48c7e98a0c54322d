package dev.grader.llm;

import com.fasterxml.jackson.databind.JsonNode;
import dev.grader.Api;
import dev.grader.compile.Ids;
import dev.grader.internal.Json;
import dev.grader.rubric.FollowUp;
import dev.grader.rubric.KeyPoint;
import dev.grader.rubric.Misconception;
import dev.grader.rubric.Origin;
import dev.grader.rubric.Question;
import dev.grader.rubric.Rubric;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * LLM-assisted rubric work ({@code grader compile --suggest}): one request per question asks the model of an
 * {@link LlmJudge} for extra key points, aliases, misconceptions and follow-ups, and adds them with
 * {@code "origin": "suggested"}: {@code grader lint} lists them, grading ignores them until a reviewer removes
 * the marker.
 * <ul>
 *   <li>ids are content-derived like the compiler's, so accepted suggestions keep their ids on recompile;</li>
 *   <li>aliases cannot carry an origin, so the aliases proposed for key point {@code K} go on a suggested
 *       companion key point, text {@code "Aliases proposed for K: <K's text>"}, with K's weight: the reviewer
 *       moves them into K and deletes the companion;</li>
 *   <li>duplicates of existing texts, follow-up probes of unknown key points, and empty texts are dropped; a
 *       question whose request fails or whose reply is unusable is left as it was and counted.</li>
 * </ul>
 *
 * <pre>{@code
 * Rubric extended = RubricSuggester.of(llmJudge).suggest(BankCompiler.compile(bank)).rubric();
 * }</pre>
 */
@Api(status = Api.Status.EXPERIMENTAL)
public final class RubricSuggester {

    private final LlmJudge judge;

    private RubricSuggester(LlmJudge judge) {
        this.judge = judge;
    }

    /** Uses the model, client, budget, limits and usage meter of this judge. */
    public static RubricSuggester of(LlmJudge judge) {
        return new RubricSuggester(Objects.requireNonNull(judge, "judge"));
    }

    /**
     * The outcome of a suggestion run.
     *
     * @param rubric          the rubric with suggestions added
     * @param keyPoints       suggested key points added (alias companions included)
     * @param misconceptions  suggested misconceptions added
     * @param followUps       suggested follow-ups added
     * @param failedQuestions ids of questions left unchanged because the model could not be used, with why
     */
    public record Result(Rubric rubric, int keyPoints, int misconceptions, int followUps,
                         Map<String, String> failedQuestions) {
        public Result {
            failedQuestions = Map.copyOf(failedQuestions);
        }

        public int total() {
            return keyPoints + misconceptions + followUps;
        }
    }

    public Result suggest(Rubric rubric) {
        List<Question> questions = new ArrayList<>();
        int[] counts = new int[3];
        Map<String, String> failed = new LinkedHashMap<>();
        for (Question q : rubric.questions()) {
            JsonNode reply;
            try {
                String text = judge.complete(new ChatPrompt(SuggestionPrompt.SYSTEM, SuggestionPrompt.user(q),
                        SuggestionPrompt.SCHEMA, judge.temperature()));
                int start = text.indexOf('{');
                int end = text.lastIndexOf('}');
                reply = start < 0 || end < start ? null : Json.mapper().readTree(text.substring(start, end + 1));
            } catch (LlmCallException e) {
                failed.put(q.id(), e.getMessage());
                questions.add(q);
                continue;
            } catch (java.io.IOException e) {
                reply = null;
            }
            if (reply == null || !reply.isObject()) {
                failed.put(q.id(), "the reply is not a JSON object");
                questions.add(q);
                continue;
            }
            questions.add(extend(q, reply, counts));
        }
        Rubric out = new Rubric(rubric.formatVersion(), rubric.id(), rubric.title(), rubric.description(),
                rubric.source(), questions);
        return new Result(out, counts[0], counts[1], counts[2], failed);
    }

    private static Question extend(Question q, JsonNode reply, int[] counts) {
        Set<String> texts = new HashSet<>();
        Set<String> ids = new HashSet<>();
        q.keyPoints().forEach(k -> {
            texts.add(norm(k.text()));
            ids.add(k.id());
        });
        q.misconceptions().forEach(m -> {
            texts.add(norm(m.text()));
            ids.add(m.id());
        });
        q.followUps().forEach(f -> {
            texts.add(norm(f.question()));
            ids.add(f.id());
        });
        List<KeyPoint> keyPoints = new ArrayList<>(q.keyPoints());
        for (JsonNode k : reply.path("keyPoints")) {
            String text = k.path("text").asText("").strip();
            if (!text.isEmpty() && texts.add(norm(text))) {
                double w = k.path("weight").asDouble(1);
                double weight = w >= 1 && w <= 3 ? w : 1;
                String id = Ids.of(q.id(), 'k', text);
                if (ids.add(id)) {
                    keyPoints.add(new KeyPoint(id, text, weight, List.of(), List.of(), Origin.SUGGESTED));
                    counts[0]++;
                }
            }
        }
        Map<String, List<String>> aliases = new LinkedHashMap<>();
        for (JsonNode a : reply.path("aliases")) {
            String target = a.path("keyPointId").asText("");
            String alias = a.path("alias").asText("").strip();
            q.keyPoints().stream().filter(k -> k.id().equals(target) && !Origin.isSuggested(k.origin())).findFirst()
                    .ifPresent(k -> {
                        if (!alias.isEmpty() && !k.aliases().contains(alias) && !norm(alias).equals(norm(k.text()))) {
                            List<String> list = aliases.computeIfAbsent(target, t -> new ArrayList<>());
                            if (!list.contains(alias)) {
                                list.add(alias);
                            }
                        }
                    });
        }
        for (Map.Entry<String, List<String>> e : aliases.entrySet()) {
            KeyPoint k = q.keyPoints().stream().filter(p -> p.id().equals(e.getKey())).findFirst().orElseThrow();
            String text = "Aliases proposed for " + k.id() + ": " + k.text();
            String id = Ids.of(q.id(), 'k', text + "\n" + String.join("\n", e.getValue()));
            if (ids.add(id)) {
                keyPoints.add(new KeyPoint(id, text, k.weight(), k.terms(), e.getValue(), Origin.SUGGESTED));
                counts[0]++;
            }
        }
        List<Misconception> misconceptions = new ArrayList<>(q.misconceptions());
        for (JsonNode m : reply.path("misconceptions")) {
            String text = m.path("text").asText("").strip();
            if (!text.isEmpty() && texts.add(norm(text))) {
                String id = Ids.of(q.id(), 'm', text);
                if (ids.add(id)) {
                    misconceptions.add(new Misconception(id, text, m.path("correction").asText("").strip(), List.of(),
                            Origin.SUGGESTED));
                    counts[1]++;
                }
            }
        }
        Set<String> ownPoints = new HashSet<>();
        q.keyPoints().forEach(k -> ownPoints.add(k.id()));
        List<FollowUp> followUps = new ArrayList<>(q.followUps());
        for (JsonNode f : reply.path("followUps")) {
            String question = f.path("question").asText("").strip();
            if (question.isEmpty() || !texts.add(norm(question))) {
                continue;
            }
            List<String> probes = new ArrayList<>();
            for (JsonNode p : f.path("probes")) {
                String id = p.asText("");
                if (ownPoints.contains(id) && !probes.contains(id)) {
                    probes.add(id);
                }
            }
            String id = Ids.of(q.id(), 'f', question);
            if (ids.add(id)) {
                followUps.add(new FollowUp(id, question, f.path("answer").asText("").strip(), probes,
                        Origin.SUGGESTED));
                counts[2]++;
            }
        }
        return new Question(q.id(), q.level(), q.prompt(), q.modelAnswer(), q.acceptedAnswers(), q.expectedPoints(),
                keyPoints, misconceptions, followUps, q.notes(), q.code());
    }

    private static String norm(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
    }
}
