package dev.grader.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.grader.Assessment;
import dev.grader.Grader;
import dev.grader.Judge;
import dev.grader.JudgeInfo;
import dev.grader.examples.GradedExample;
import dev.grader.internal.Json;
import dev.grader.judge.ExampleJudge;
import dev.grader.judge.OfflineJudge;
import dev.grader.rubric.Question;
import dev.grader.rubric.Rubric;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluationTest {

    @Nested
    class WithTheOfflineJudge {

        private static Grader grader;
        private static List<GoldAnswer> gold;

        @BeforeAll
        static void gradeAgainstTheTinyBank() {
            grader = Grader.builder().rubric(EvalFixtures.tinyBank()).build();
            gold = GoldReader.read(EvalFixtures.seedGold());
        }

        @Test
        void givesTheSameResultAndPredictionsForOneAndFourThreads(@TempDir Path dir) throws IOException {
            Path one = dir.resolve("one.jsonl");
            Path four = dir.resolve("four.jsonl");
            EvaluationResult single = Evaluation.builder(grader).threads(1).predictions(one).build().run(gold);
            EvaluationResult parallel = Evaluation.builder(grader).threads(4).predictions(four).build().run(gold);
            assertEquals(single, parallel);
            assertEquals(EvaluationJson.toJson(single), EvaluationJson.toJson(parallel));
            assertEquals(Files.readString(one), Files.readString(four));
            assertEquals(20, single.graded());
            assertEquals(List.of("full", "misconception", "negated", "partial", "paraphrase", "keyword-stuffing",
                            "wrong", "verbose", "typos", "injection", "terse", "off-topic"),
                    single.kinds().stream().map(KindBreakdown::kind).toList());
        }

        @Test
        void crossValidatedExamplesGradeEachAnswerWithTheOtherFoldsOfItsQuestionOnly() {
            int folds = 3;
            Rubric rubric = EvalFixtures.tinyBank();
            Judge offline = OfflineJudge.builder().embeddings(false).build();
            Map<String, List<GradedExample>> examplesOf = new ConcurrentHashMap<>();
            Map<String, Set<String>> gradedBy = new ConcurrentHashMap<>();
            EvaluationResult result = Evaluation.builder(grader).threads(2)
                    .crossValidatedExamples(folds, examples -> {
                        examplesOf.put(examples.source(), examples.all());
                        Judge byExample = ExampleJudge.builder(offline, examples).build();
                        Judge recording = new Judge() {
                            @Override
                            public Assessment assess(Question question, String answer) {
                                gradedBy.computeIfAbsent(examples.source(), f -> ConcurrentHashMap.newKeySet())
                                        .add(answer);
                                return byExample.assess(question, answer);
                            }

                            @Override
                            public JudgeInfo info() {
                                return byExample.info();
                            }

                            @Override
                            public void prepare(Rubric r) {
                                byExample.prepare(r);
                            }
                        };
                        return Grader.builder().rubric(rubric).judge(recording).build();
                    }).build().run(gold);

            assertEquals(folds, examplesOf.size());
            assertEquals(gold.size(), result.graded());
            // the judge sees text addressed to the grader masked: injection answers reach it changed
            List<GoldAnswer> asJudged = gold.stream().filter(a -> !"injection".equals(a.kind())).toList();
            assertTrue(asJudged.size() >= 15);
            Set<String> everyAnswer = new HashSet<>();
            for (String fold : examplesOf.keySet()) {
                Set<String> examples = new HashSet<>();
                examplesOf.get(fold).forEach(e -> examples.add(e.answer()));
                Set<String> graded = gradedBy.getOrDefault(fold, Set.of());
                everyAnswer.addAll(graded);
                for (String answer : graded) {
                    assertFalse(examples.contains(answer), fold + " graded an answer among its own examples");
                }
                for (GoldAnswer a : asJudged) {
                    // every answer is an example of each fold but its own
                    assertEquals(!graded.contains(a.answer()), examples.contains(a.answer()), fold + ": " + a.id());
                }
                for (GradedExample e : examplesOf.get(fold)) {
                    GoldAnswer own = gold.stream().filter(a -> a.answer().equals(e.answer())).findFirst().orElseThrow();
                    assertEquals(own.question(), e.questionId());
                    assertEquals(own.score() / own.scale(), e.fraction(), 1e-9);
                }
            }
            assertTrue(everyAnswer.containsAll(asJudged.stream().map(GoldAnswer::answer).collect(Collectors.toSet())));
            assertEquals(gold.size(), everyAnswer.size());
            // folds are cut within each question: each question with at least as many answers as folds is in all
            for (String question : asJudged.stream().map(GoldAnswer::question).distinct().toList()) {
                long answers = asJudged.stream().filter(a -> a.question().equals(question)).count();
                long foldsWithIt = gradedBy.values().stream().filter(graded -> asJudged.stream()
                        .anyMatch(a -> a.question().equals(question) && graded.contains(a.answer()))).count();
                assertEquals(Math.min(answers, folds), foldsWithIt, question);
            }
            assertTrue(result.withoutExamples() != null, "the figures without the examples are reported too");
        }

        @Test
        void writesOnePredictionPerAnswerInInputOrder(@TempDir Path dir) throws IOException {
            Path file = dir.resolve("out/predictions.jsonl");
            Evaluation.builder(grader).threads(3).predictions(file).build().run(gold);
            List<String> lines = Files.readAllLines(file);
            assertEquals(gold.stream().map(GoldAnswer::id).toList(),
                    lines.stream().map(l -> parse(l).get("id").asText()).toList());
            JsonNode first = parse(lines.get(0));
            assertEquals(List.of("id", "question", "score", "verdict", "misconceptions", "keyPoints", "needsReview"),
                    fieldNames(first));
            assertEquals("Q1", first.get("question").asText());
            assertTrue(first.get("score").isNumber());
            assertTrue(Set.of("correct", "partial", "incorrect", "contradictory").contains(first.get("verdict").asText()));
            assertEquals(grader.rubric().question("Q1").orElseThrow().gradedKeyPoints().stream()
                    .map(k -> k.id()).toList(), fieldNames(first.get("keyPoints")));
            first.get("keyPoints").forEach(status -> assertTrue(
                    Set.of("covered", "partial", "missed", "contradicted").contains(status.asText()), status.asText()));
            try (var leftovers = Files.list(file.getParent())) {
                assertEquals(List.of(file), leftovers.toList(), "no temporary file is left behind");
            }
        }

        @Test
        void reportsProgressOncePerAnswerInOrderOnTheCallingThread() {
            List<Integer> done = new ArrayList<>();
            Thread caller = Thread.currentThread();
            Evaluation.builder(grader).threads(4).progress((d, total) -> {
                assertEquals(20, total);
                assertSame(caller, Thread.currentThread());
                done.add(d);
            }).build().run(gold);
            List<Integer> expected = new ArrayList<>();
            for (int i = 0; i <= 20; i++) {
                expected.add(i);
            }
            assertEquals(expected, done);
        }

        @Test
        void skipsAndCountsAnswersToQuestionsTheRubricLacks() {
            List<GoldAnswer> withStrangers = new ArrayList<>(gold);
            withStrangers.add(GoldAnswer.of("x1", "Q99", "whatever", 1, 5));
            withStrangers.add(GoldAnswer.of("x2", "Q42", "whatever", 1, 5));
            withStrangers.add(GoldAnswer.of("x3", "Q99", "whatever", 1, 5));
            EvaluationResult result = Evaluation.builder(grader).threads(2).build().run(withStrangers);
            assertEquals(23, result.rows());
            assertEquals(20, result.graded());
            assertEquals(List.of(new Skipped("question not in rubric", 3, List.of("Q99", "Q42"))), result.skipped());
        }
    }

    @Nested
    class WithAScriptedJudge {

        private final Grader grader = Grader.builder().rubric(EvalFixtures.scriptedRubric())
                .judge(new EvalFixtures.ScriptedJudge()).build();

        @Test
        void writesPredictionLinesInTheDocumentedFormat(@TempDir Path dir) throws IOException {
            Path file = dir.resolve("p.jsonl");
            List<GoldAnswer> gold = List.of(
                    GoldAnswer.of("a", "Q1", "k1 and k2", 5, 5),
                    GoldAnswer.of("b", "Q1", "k1 but not k2, m1", 0, 5));
            Evaluation.builder(grader).predictions(file).build().run(gold);
            // b: k1 1 point, k2 contradicted -0.5, one misconception -0.3 of 2 points: 0.2 / 2; it states k1 and
            // contradicts k2, so it asks for review
            assertEquals("""
                    {"id":"a","question":"Q1","score":1.0,"verdict":"correct","misconceptions":[],\
                    "keyPoints":{"k1":"covered","k2":"covered"},"needsReview":false}
                    {"id":"b","question":"Q1","score":0.275,"verdict":"contradictory","misconceptions":["m1","k2"],\
                    "keyPoints":{"k1":"covered","k2":"contradicted"},"needsReview":true}
                    """, Files.readString(file));
        }

        @Test
        void anAnswerWhoseGradingFailsIsSkippedByQuestionWithTheError() {
            List<GoldAnswer> gold = List.of(GoldAnswer.of("fine", "Q1", "k1", 1, 1),
                    new GoldAnswer("bad", "Q1", "boom", 0, 1, null, null, null, 7));
            EvaluationResult result = Evaluation.builder(grader).threads(2).build().run(gold);
            assertEquals(2, result.rows());
            assertEquals(1, result.graded());
            assertEquals(List.of(new Skipped("grading failed: judge exploded", 1, List.of("Q1"))), result.skipped());
        }

        @Test
        void answersToAnUnavailableQuestionAreCountedWithTheReason() {
            List<GoldAnswer> gold = List.of(GoldAnswer.of("a", "Q1", "k1", 1, 1), GoldAnswer.of("b", "Q7", "x", 0, 1),
                    GoldAnswer.of("c", "Q7", "y", 1, 1));
            EvaluationResult result = Evaluation.builder(grader).unavailable("Q7", Skipped.NOT_COMPILED).build()
                    .run(gold);
            assertEquals(1, result.graded());
            assertEquals(List.of(new Skipped(Skipped.NOT_COMPILED, 2, List.of("Q7"))), result.skipped());
        }

        @Test
        void anUnwritablePredictionsFileIsBadInput(@TempDir Path dir) throws IOException {
            Path blocker = Files.createFile(dir.resolve("file"));
            Path target = blocker.resolve("p.jsonl");
            dev.grader.InvalidInputException e = assertThrows(dev.grader.InvalidInputException.class,
                    () -> Evaluation.builder(grader).predictions(target).build()
                            .run(List.of(GoldAnswer.of("a", "Q1", "k1", 1, 1))));
            assertTrue(e.getMessage().startsWith(target + ": cannot write predictions: "), e.getMessage());
        }

        @Test
        void anUnwritablePredictionsFileFailsBeforeAnyGrading(@TempDir Path dir) throws IOException {
            Path blocker = Files.createFile(dir.resolve("file"));
            // "boom" would throw if graded: the predictions check must come first
            List<GoldAnswer> gold = List.of(GoldAnswer.of("a", "Q1", "boom", 1, 1));
            dev.grader.InvalidInputException e = assertThrows(dev.grader.InvalidInputException.class,
                    () -> Evaluation.builder(grader).predictions(blocker.resolve("p.jsonl")).build().run(gold));
            assertFalse(e.getMessage().contains(".tmp"), "no temporary names: " + e.getMessage());
        }

        @Test
        void aFailureMidwayLeavesTheOtherPredictions(@TempDir Path dir) throws IOException {
            Path file = dir.resolve("p.jsonl");
            List<GoldAnswer> gold = List.of(GoldAnswer.of("a", "Q1", "k1", 1, 1), GoldAnswer.of("b", "Q1", "k2", 1, 1),
                    new GoldAnswer("c", "Q1", "boom", 0, 1, null, null, null, 3), GoldAnswer.of("d", "Q1", "k1", 1, 1));
            EvaluationResult result = Evaluation.builder(grader).threads(1).predictions(file).build().run(gold);
            assertEquals(List.of("a", "b", "d"), Files.readAllLines(file).stream().map(l -> l.substring(7, 8)).toList());
            assertEquals(3, result.graded());
        }

        @Test
        void predictionsGoThroughASymbolicLinkToItsTarget(@TempDir Path dir) throws IOException {
            Path target = dir.resolve("real.jsonl");
            Path link = Files.createSymbolicLink(dir.resolve("link.jsonl"), target.getFileName());
            Evaluation.builder(grader).predictions(link).build().run(List.of(GoldAnswer.of("a", "Q1", "k1", 1, 1)));
            assertTrue(Files.isSymbolicLink(link), "the link stays a link");
            assertTrue(Files.readString(target).startsWith("{\"id\":\"a\""));
        }

        @Test
        void anEmptyGoldListGivesAnEmptyResult() {
            EvaluationResult result = Evaluation.builder(grader).build().run(List.of());
            assertEquals(0, result.rows());
            assertFalse(result.notes().isEmpty());
        }

        @Test
        void refusesFewerThanOneThread() {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> Evaluation.builder(grader).threads(0));
            assertEquals("threads must be at least 1, found 0", e.getMessage());
        }
    }

    private static JsonNode parse(String line) {
        try {
            return Json.mapper().readTree(line);
        } catch (IOException e) {
            throw new AssertionError(line, e);
        }
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
