package dev.grader.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.grader.compile.Ids;
import dev.grader.rubric.FollowUp;
import dev.grader.rubric.KeyPoint;
import dev.grader.rubric.LintFinding;
import dev.grader.rubric.Misconception;
import dev.grader.rubric.Origin;
import dev.grader.rubric.Question;
import dev.grader.rubric.RubricLinter;
import dev.grader.rubric.RubricReader;
import dev.grader.rubric.RubricWriter;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RubricSuggesterTest {

    static final String REPLY = "{\"keyPoints\":[{\"text\":\"HTTP/2 serves each stream in its own goroutine\","
            + "\"weight\":2},{\"text\":\"Serve runs an accept loop on the listener\",\"weight\":1}],"
            + "\"aliases\":[{\"keyPointId\":\"Q1-k-goroutine\",\"alias\":\"one goroutine per conn\"},"
            + "{\"keyPointId\":\"Q1-k-nope\",\"alias\":\"lost\"}],"
            + "\"misconceptions\":[{\"text\":\"Handlers run one at a time\",\"correction\":\"They run concurrently.\"}],"
            + "\"followUps\":[{\"question\":\"What happens to a slow handler's connection?\",\"answer\":\"It blocks "
            + "only its goroutine.\",\"probes\":[\"Q1-k-goroutine\",\"Q1-k-invented\"]}]}";

    @Test
    @DisplayName("suggestions are added with origin suggested, content ids, no duplicates; lint lists them; grading ignores them")
    void addsSuggestions() {
        try (StubModelServer server = new StubModelServer(StubModelServer.Wire.OPENAI,
                r -> StubModelServer.reply(StubModelServer.Wire.OPENAI, REPLY, 200, 80))) {
            LlmJudge judge = Fixtures.judge(server, Provider.OPENAI, null).build();
            RubricSuggester.Result result = RubricSuggester.of(judge).suggest(Fixtures.RUBRIC);
            assertTrue(server.requests().get(0).user().contains("Q1-k-goroutine (weight 2.0): Each accepted"));
            assertEquals(2, result.keyPoints(), "one new point (the other exists) and one alias companion");
            assertEquals(1, result.misconceptions());
            assertEquals(1, result.followUps());
            Question q = result.rubric().questions().get(0);

            KeyPoint added = q.keyPoints().get(4);
            assertEquals("HTTP/2 serves each stream in its own goroutine", added.text());
            assertEquals(Origin.SUGGESTED, added.origin());
            assertEquals(Ids.of("Q1", 'k', added.text()), added.id());
            assertTrue(added.id().startsWith("Q1-k-http-2-serves-stream-"), added.id());

            KeyPoint companion = q.keyPoints().get(5);
            assertEquals("Aliases proposed for Q1-k-goroutine: Each accepted connection is served in its own "
                    + "goroutine", companion.text());
            assertEquals(List.of("one goroutine per conn"), companion.aliases());

            Misconception m = q.misconceptions().get(1);
            assertEquals(Origin.SUGGESTED, m.origin());
            assertEquals("They run concurrently.", m.correction());
            FollowUp f = q.followUps().get(0);
            assertEquals(List.of("Q1-k-goroutine"), f.probes(), "unknown probes dropped");

            assertEquals(3, q.gradedKeyPoints().size(), "grading ignores suggestions");
            assertEquals(1, q.gradedMisconceptions().size());

            List<LintFinding> findings = RubricLinter.lint(result.rubric());
            assertTrue(findings.stream().noneMatch(x -> x.severity() == LintFinding.Severity.ERROR), findings::toString);
            assertTrue(findings.stream().anyMatch(x -> x.message().equals("5 suggestion(s) awaiting review: grading "
                    + "ignores them until their \"origin\": \"suggested\" is removed")), findings::toString);
            // The written rubric passes the schema.
            assertEquals(List.of(), RubricReader.validate(RubricWriter.toJson(result.rubric()), "suggested.json"));
        }
    }

    @Test
    @DisplayName("a question whose request fails is left unchanged and reported")
    void failedQuestionUnchanged() {
        try (StubModelServer server = new StubModelServer(StubModelServer.Wire.OPENAI,
                r -> StubModelServer.status(400, null))) {
            RubricSuggester.Result result = RubricSuggester.of(Fixtures.judge(server, Provider.OPENAI, null).build())
                    .suggest(Fixtures.RUBRIC);
            assertEquals(0, result.total());
            assertEquals(java.util.Map.of("Q1", "model server answered HTTP 400"), result.failedQuestions());
            assertEquals(Fixtures.RUBRIC, result.rubric());
        }
    }
}
