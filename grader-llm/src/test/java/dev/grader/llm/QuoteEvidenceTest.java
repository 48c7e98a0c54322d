package dev.grader.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.grader.GradeReport;
import dev.grader.GradeReport.KeyPointResult;
import dev.grader.Grader;
import dev.grader.PointStatus;
import dev.grader.internal.Json;
import dev.grader.report.MarkdownReportRenderer;
import dev.grader.report.TextReportRenderer;
import dev.grader.score.ScoringPolicy;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A model's verdict counts only with evidence that proves it (issue 9): its quote must be in the answer and
 * state the point it is attached to, and false claims the rubric does not list cost points and ask for review.
 * The model is a local server speaking OpenAI's wire format.
 */
class QuoteEvidenceTest {

    static final String ANSWER = "Serve loops on Accept. Each connection gets its own goroutine, started by Serve. "
            + "Handlers share nothing, so they never need locks.";

    static GradeReport grade(String reply) {
        try (StubModelServer server = new StubModelServer(StubModelServer.Wire.OPENAI,
                r -> StubModelServer.reply(StubModelServer.Wire.OPENAI, reply, 100, 20))) {
            Grader grader = Grader.builder().rubric(Fixtures.RUBRIC)
                    .judge(Fixtures.judge(server, Provider.OPENAI, null).build()).build();
            return grader.grade("Q1", ANSWER);
        }
    }

    static KeyPointResult point(GradeReport r, String id) {
        return r.keyPoints().stream().filter(k -> k.id().equals(id)).findFirst().orElseThrow();
    }

    static String reply(String points, String errors) {
        return "{\"points\":[" + points + "],\"misconceptions\":[],\"errors\":[" + errors + "],"
                + "\"feedback\":\"Fine.\"}";
    }

    @Test
    @DisplayName("a real quote about another point downgrades the verdict and names the point for review")
    void irrelevantQuoteDowngrades() {
        GradeReport r = grade(reply(String.join(",",
                Fixtures.point("Q1-k-goroutine", "covered", "Each connection gets its own goroutine"),
                Fixtures.point("Q1-k-accept-loop", "covered", "its own goroutine"),
                Fixtures.point("Q1-k-sync", "partial", "Serve loops on Accept")), ""));
        assertEquals(PointStatus.COVERED, point(r, "Q1-k-goroutine").status());
        KeyPointResult loop = point(r, "Q1-k-accept-loop");
        assertEquals(PointStatus.PARTIAL, loop.status(), "covered on another point's quote is at most partial");
        assertEquals("model said covered but its quote does not state this point", loop.reason());
        KeyPointResult sync = point(r, "Q1-k-sync");
        assertEquals(PointStatus.MISSED, sync.status(), "partial on an irrelevant quote earns nothing");
        assertNull(sync.evidence());
        assertTrue(r.needsReview());
        assertTrue(r.reviewReasons().contains("the model's quote for \u201cServe runs an accept loop on the "
                + "listener\u201d does not state it; covered downgraded to partial"), r.reviewReasons().toString());
        assertTrue(r.reviewReasons().contains("the model's quote for \u201cHandlers run concurrently, so shared "
                + "state needs synchronization\u201d does not state it; partial downgraded to missed"));
    }

    @Test
    @DisplayName("an invented quote earns nothing and always asks for review")
    void inventedQuoteAsksForReview() {
        GradeReport r = grade(reply(String.join(",",
                Fixtures.point("Q1-k-goroutine", "covered", "Each connection gets its own goroutine"),
                Fixtures.point("Q1-k-accept-loop", "covered", "Serve runs an accept loop on the listener")), ""));
        assertEquals(PointStatus.MISSED, point(r, "Q1-k-accept-loop").status());
        assertEquals(1, r.usage().rejectedQuotes());
        assertTrue(r.needsReview());
        assertTrue(r.reviewReasons().contains("the model's quote for \u201cServe runs an accept loop on the "
                + "listener\u201d is not in the answer; counted as missed"), r.reviewReasons().toString());
    }

    @Test
    @DisplayName("relevant quotes leave the verdicts alone and ask for nothing")
    void relevantQuotesStand() {
        GradeReport r = grade(reply(String.join(",",
                Fixtures.point("Q1-k-goroutine", "covered", "Each connection gets its own goroutine"),
                Fixtures.point("Q1-k-accept-loop", "covered", "Serve loops on Accept")), ""));
        assertEquals(PointStatus.COVERED, point(r, "Q1-k-accept-loop").status());
        assertFalse(r.needsReview(), r.reviewReasons().toString());
        assertTrue(r.errors().isEmpty());
        assertFalse(Json.compact(r).contains("\"errors\""), "reports without false claims are unchanged");
    }

    @Test
    @DisplayName("a false claim the rubric does not list is shown in every format, costs points and asks for review")
    void falseClaimsBeyondTheRubric() throws Exception {
        String error = "{\"quote\":\"Handlers share nothing, so they never need locks\","
                + "\"claim\":\"Handlers never need synchronization\","
                + "\"correction\":\"Handlers run concurrently; shared state needs a mutex or channels.\"}";
        String points = String.join(",",
                Fixtures.point("Q1-k-goroutine", "covered", "Each connection gets its own goroutine"),
                Fixtures.point("Q1-k-accept-loop", "covered", "Serve loops on Accept"));
        GradeReport clean = grade(reply(points, ""));
        GradeReport r = grade(reply(points, error));
        assertEquals(1, r.errors().size());
        GradeReport.WrongClaimResult e = r.errors().get(0);
        assertEquals("Handlers never need synchronization", e.claim());
        assertEquals("Handlers share nothing, so they never need locks", e.evidence().quote());
        assertEquals("llm", e.judge());
        assertEquals(clean.points() - ScoringPolicy.DEFAULT.errorPenalty() * r.maxPoints(), r.points(), 1e-3);
        assertTrue(r.needsReview());
        assertTrue(r.reviewReasons().contains("1 false claim(s) the rubric does not list, found by the llm judge"));
        assertTrue(TextReportRenderer.builder().build().render(r).contains("Wrong claims the rubric does not list"));
        assertTrue(TextReportRenderer.builder().build().render(r).contains("shared state needs a mutex or channels"));
        assertTrue(MarkdownReportRenderer.create().render(r).contains("### Wrong claims the rubric does not list"));
        JsonNode json = Json.mapper().readTree(Json.compact(r));
        assertEquals("Handlers never need synchronization", json.at("/errors/0/claim").asText());
    }

    @Test
    @DisplayName("a false claim quoted from outside the answer is dropped and asks for review")
    void inventedFalseClaimDropped() {
        String error = "{\"quote\":\"Handlers may write to w from any goroutine\",\"claim\":\"x\",\"correction\":\"y\"}";
        GradeReport r = grade(reply(Fixtures.point("Q1-k-goroutine", "covered", "Each connection gets its own goroutine"),
                error));
        assertTrue(r.errors().isEmpty());
        assertTrue(r.needsReview());
        assertTrue(r.reviewReasons().contains("the model's quote for the false claim \u201cx\u201d is not in the "
                + "answer; not counted"), r.reviewReasons().toString());
    }

    @Test
    @DisplayName("the request asks for errors in the reply schema, under a new prompt version")
    void requestAsksForErrors() throws Exception {
        try (StubModelServer server = new StubModelServer(StubModelServer.Wire.OPENAI,
                r -> StubModelServer.reply(StubModelServer.Wire.OPENAI, reply("", ""), 1, 1))) {
            LlmJudge judge = Fixtures.judge(server, Provider.OPENAI, null).build();
            judge.assess(Fixtures.QUESTION, ANSWER);
            JsonNode body = Json.mapper().readTree(server.requests().get(0).body());
            JsonNode required = body.at("/response_format/json_schema/schema/required");
            assertTrue(required.toString().contains("\"errors\""), required.toString());
            assertTrue(server.requests().get(0).system().contains("\"errors\""));
            assertEquals(LlmJudge.PROMPT_VERSION, judge.info().settings().get("promptVersion"));
        }
    }
}
