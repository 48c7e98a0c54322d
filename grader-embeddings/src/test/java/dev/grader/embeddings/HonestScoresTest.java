package dev.grader.embeddings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.grader.GradeReport;
import dev.grader.GradeReport.KeyPointResult;
import dev.grader.GradeReport.MisconceptionResult;
import dev.grader.Grader;
import dev.grader.PointStatus;
import dev.grader.Rubrics;
import dev.grader.Verdict;
import dev.grader.score.ScoringPolicy;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Scores a reviewer can trust (issue 9): the answers that fooled the offline judge, graded by the real grader
 * with the shipped rubric and sentence embeddings, as a user runs it.
 */
@DisplayName("Honest scores")
class HonestScoresTest {

    static Grader grader;

    @BeforeAll
    static void build() {
        grader = Grader.builder().rubric(Rubrics.defaultRubric()).build();
    }

    static String describe(GradeReport r) {
        return r.score() + " " + r.verdict() + " review=" + r.needsReview() + " " + r.keyPoints().stream()
                .map(k -> k.status() + ":" + k.text()).collect(Collectors.joining(" | "));
    }

    @Nested
    @DisplayName("a heap of terms that states no relation")
    class KeywordHeaps {

        static final List<String> Q4_TERMS = List.of("graceful", "forceful", "listener", "idle connections",
                "in-flight handlers", "context", "DeadlineExceeded", "Close", "Shutdown");

        @ParameterizedTest(name = "separated by \"{0}\"")
        @ValueSource(strings = {" ", ", ", ". ", "\n"})
        void scoresAtMostThirtyPercentAndAsksForReview(String separator) {
            GradeReport r = grader.grade("Q4", String.join(separator, Q4_TERMS));
            assertTrue(r.score() <= 0.3, () -> describe(r));
            assertTrue(r.needsReview(), () -> describe(r));
            assertNotEquals(Verdict.CORRECT, r.verdict());
        }

        @Test
        void ofTheFirstQuestion() {
            GradeReport r = grader.grade("Q1", "accept loop goroutine per connection handler keep-alive serve");
            assertTrue(r.score() <= 0.3, () -> describe(r));
            assertTrue(r.needsReview(), () -> describe(r));
        }

        @Test
        void mixedWithStatementsIsGradedOnTheStatements() {
            String statements = "Shutdown is graceful: it stops accepting new connections and waits for in-flight "
                    + "handlers to finish. Close is forceful: it closes every connection at once.";
            GradeReport sentences = grader.grade("Q4", statements);
            GradeReport mixed = grader.grade("Q4", statements + " Keywords: listener, idle, DeadlineExceeded, "
                    + "context, RST_STREAM.");
            assertTrue(Math.abs(mixed.score() - sentences.score()) <= 0.1, () -> describe(mixed));
            assertTrue(mixed.score() >= 0.6, () -> describe(mixed));
            assertTrue(mixed.reviewReasons().stream().noneMatch(reason -> reason.contains("list of terms")),
                    () -> String.join("; ", mixed.reviewReasons()));
        }
    }

    @Nested
    @DisplayName("a misconception the rubric lists, stated word for word")
    class StatedMisconceptions {

        @ParameterizedTest
        @ValueSource(strings = {"Only when the handler returns.",
                "r.Context() is only cancelled when the handler returns; a client disconnect doesn't affect it."})
        void isReportedWithItsQuoteAndCorrectionAndCostsThePenalty(String answer) {
            GradeReport r = grader.grade("Q3", answer);
            MisconceptionResult hit = r.misconceptions().stream()
                    .filter(m -> m.source().equals("rubric") && m.text().equals("Only when the handler returns"))
                    .findFirst().orElseThrow(() -> new AssertionError(describe(r)));
            assertTrue(answer.contains(hit.evidence().quote()));
            assertTrue(hit.evidence().quote().toLowerCase().contains("only"), hit.evidence().quote());
            assertTrue(hit.correction().contains("client closes the connection"), hit.correction());
            assertTrue(r.score() <= 0.25, () -> describe(r));
            assertEquals(Verdict.CONTRADICTORY, r.verdict());
            double earned = r.keyPoints().stream().mapToDouble(k -> k.weight() * k.credit()).sum();
            long rubricHits = r.misconceptions().stream().filter(m -> m.source().equals("rubric")).count();
            double expected = Math.max(0, earned - rubricHits
                    * ScoringPolicy.DEFAULT.misconceptionPenalty() * r.maxPoints());
            assertEquals(expected, r.points(), 0.001, () -> describe(r));
        }

        @Test
        void earnsNothingForTheTrueClaimItRestates() {
            GradeReport r = grader.grade("Q3", "Only when the handler returns.");
            KeyPointResult returns = r.keyPoints().stream().filter(k -> k.text().equals("When the handler returns"))
                    .findFirst().orElseThrow();
            assertEquals(PointStatus.MISSED, returns.status(), () -> describe(r));
        }

        @Test
        void theTruthItTwistsIsNotReportedAsIt() {
            GradeReport r = grader.grade("Q3", "When the handler returns, and also when the client closes its "
                    + "connection while the handler is still running.");
            assertTrue(r.misconceptions().stream().noneMatch(m -> m.text().equals("Only when the handler returns")),
                    () -> describe(r));
        }
    }

    @Nested
    @DisplayName("a confident wrong answer")
    class ConfidentWrongAnswers {

        @Test
        void aWorkerPoolIsTheThreadPoolMisconceptionAndNeverCorrect() {
            GradeReport r = grader.grade("Q1", "It uses a bounded worker pool sized by GOMAXPROCS; the accept loop "
                    + "hands each request to a free worker.");
            assertNotEquals(Verdict.CORRECT, r.verdict(), () -> describe(r));
            assertTrue(r.misconceptions().stream().anyMatch(m -> m.text().equals("It uses a thread pool")),
                    () -> describe(r));
            assertTrue(r.score() <= 0.3, () -> describe(r));
        }

        @Test
        void aMisconceptionBesideRightPointsAsksForReview() {
            GradeReport r = grader.grade("Q1", "Serve runs an accept loop and for each accepted connection spawns a "
                    + "goroutine. Those goroutines come from a pool of threads that Go reuses.");
            assertNotEquals(Verdict.CORRECT, r.verdict(), () -> describe(r));
            assertTrue(r.misconceptions().stream().anyMatch(m -> m.text().equals("It uses a thread pool")),
                    () -> describe(r));
            assertTrue(r.needsReview(), () -> describe(r));
        }

        @ParameterizedTest
        @ValueSource(strings = {"Shutdown and Close are the same thing, Close is just an alias",
                "Shutdown and Close are the same thing", "Close is just an alias for Shutdown."})
        void shutdownAndCloseAsTheSameThing(String answer) {
            GradeReport r = grader.grade("Q4", answer);
            assertTrue(r.score() <= 0.15, () -> describe(r));
            assertNotEquals(Verdict.CORRECT, r.verdict());
            // either half of the listed misconception, stated alone, is the misconception
            assertTrue(r.misconceptions().stream().anyMatch(m -> m.source().equals("rubric")
                    && m.text().startsWith("Shutdown and Close are the same thing")), () -> describe(r));
            assertTrue(r.keyPoints().stream().allMatch(k -> k.credit() == 0), () -> describe(r));
        }

        @Test
        void denyingTheSameThingIsNoMisconception() {
            GradeReport r = grader.grade("Q4", "Shutdown is graceful and Close is forceful; they are not the same "
                    + "thing.");
            assertTrue(r.misconceptions().isEmpty(), () -> describe(r));
        }
    }

    @Nested
    @DisplayName("partial credit")
    class PartialCredit {

        @Test
        void aNegatedModelAnswerProvesNoPoint() {
            GradeReport r = grader.grade("Q4", "Shutdown is not graceful: it does not stop accepting new "
                    + "connections, does not wait for in-flight handlers to finish, and does not close idle "
                    + "connections. Close is not forceful: it does not close the listener or any active connection.");
            for (KeyPointResult k : r.keyPoints()) {
                assertTrue(k.status() == PointStatus.MISSED || k.status() == PointStatus.CONTRADICTED,
                        () -> describe(r));
            }
            assertTrue(r.score() <= 0.05, () -> describe(r));
        }

        @Test
        void theSentenceStatingAMisconceptionHalfProvesNoTruth() {
            GradeReport r = grader.grade("Q2", "Yes, ResponseWriter is safe for concurrent use: the server locks it "
                    + "internally, so any goroutine can call w.Write at the same time.");
            assertFalse(r.keyPoints().stream().anyMatch(k -> k.status() == PointStatus.PARTIAL
                    || k.status() == PointStatus.COVERED), () -> describe(r));
            assertEquals(0.0, r.score(), () -> describe(r));
        }

        @Test
        void oneTermOfAListNamesNoPartOfAClaim() {
            GradeReport r = grader.grade("Q1", "accept loop, goroutine, connection, handler, keep-alive, Serve");
            for (KeyPointResult k : r.keyPoints()) {
                if (k.status() != PointStatus.MISSED) {
                    assertTrue(k.evidence().quote().strip().split("\\s+").length >= 2,
                            () -> "a lone term as evidence: " + describe(r));
                }
            }
            assertTrue(r.score() <= 0.1, () -> describe(r));
        }

        @Test
        void aClaimAboutTheOtherSideOfAComparisonIsNoEvidence() {
            // roles swapped: what the answer says of Close is Shutdown's point, and the reverse
            GradeReport r = grader.grade("Q4", "Shutdown is forceful: it immediately closes every connection and "
                    + "interrupts handlers. Close is graceful: it stops accepting new connections and waits for "
                    + "in-flight handlers to finish.");
            for (KeyPointResult k : r.keyPoints()) {
                if (k.text().startsWith("Close")) {
                    assertTrue(k.status() == PointStatus.MISSED || k.status() == PointStatus.CONTRADICTED,
                            () -> describe(r));
                }
            }
            assertEquals(0.0, r.score(), () -> describe(r));
        }

        @Test
        void theNoToAYesNoQuestionNeedsADenial() {
            // "Is http.ResponseWriter safe for concurrent use?" answered "fine from several goroutines" is a yes
            GradeReport yes = grader.grade("Q2", "http.ResponseWriter is fine to write from several goroutines.");
            assertNotEquals(Verdict.CORRECT, yes.verdict(), () -> describe(yes));
            assertTrue(yes.keyPoints().stream().noneMatch(k -> k.text().startsWith("http.ResponseWriter is not safe")
                    && k.status() == PointStatus.COVERED), () -> describe(yes));
            // the "not" of a sentence about maps is no answer about ResponseWriter in the next one
            GradeReport maps = grader.grade("Q2", "Maps are not safe for concurrent use. http.ResponseWriter, on the "
                    + "other hand, is fine to write from several goroutines.");
            assertNotEquals(Verdict.CORRECT, maps.verdict(), () -> describe(maps));
            assertTrue(maps.keyPoints().stream().noneMatch(k -> k.text().startsWith("http.ResponseWriter is not safe")
                    && k.status() == PointStatus.COVERED), () -> describe(maps));
            // "unsafe" says what "not safe" says: no contradiction
            GradeReport unsafe = grader.grade("Q2", "ResponseWriter is unsafe for concurrent use.");
            assertTrue(unsafe.misconceptions().isEmpty(), () -> describe(unsafe));
            assertTrue(unsafe.keyPoints().stream().anyMatch(k -> k.text().startsWith("http.ResponseWriter is not safe")
                    && k.status() != PointStatus.MISSED), () -> describe(unsafe));
        }

        @Test
        void aProseLineEndingInACommaIsNoCode() {
            GradeReport r = grader.grade("Q4", "Differences:\nShutdown: graceful, stops accepting new connections, but "
                    + "cancels every in-flight request context so handlers stop early,\nClose: forceful, closes "
                    + "everything immediately.");
            assertFalse(r.misconceptions().isEmpty(), () -> describe(r));
            assertNotEquals(Verdict.CORRECT, r.verdict(), () -> describe(r));
        }

        @Test
        void whatIsTrueOfTheOtherSideIsNoSwap() {
            // "closes connections immediately" is said of Close, and Close's own point says it: no contradiction
            GradeReport r = grader.grade("Q4", "Shutdown: graceful, drains in-flight requests. Close: immediate, "
                    + "kills active conns.");
            assertTrue(r.misconceptions().isEmpty(), () -> describe(r));
            assertTrue(r.keyPoints().stream().noneMatch(k -> k.status() == PointStatus.CONTRADICTED),
                    () -> describe(r));
        }

        @Test
        void whatAPointDeniesMayBeTrueOfTheOtherClauseOfTheSentence() {
            // the point says "(not the body)" of ReadHeaderTimeout; "the body" here is said of ReadTimeout
            GradeReport right = grader.grade("Q13", "ReadHeaderTimeout caps how long reading the request headers "
                    + "may take; ReadTimeout covers the whole request including the body.");
            assertTrue(right.keyPoints().stream().noneMatch(k -> k.status() == PointStatus.CONTRADICTED),
                    () -> describe(right));
            assertNotEquals(Verdict.CONTRADICTORY, right.verdict(), () -> describe(right));
            // said in the point's own clause, it still contradicts the point
            GradeReport wrong = grader.grade("Q13", "ReadHeaderTimeout limits how long the server spends reading the "
                    + "request headers and the body.");
            assertTrue(wrong.keyPoints().stream().anyMatch(k -> k.status() == PointStatus.CONTRADICTED),
                    () -> describe(wrong));
        }

        @Test
        void fencedCodeContradictsNothingAndIsQuotedApartFromProse() {
            String prose = "Shutdown stops accepting new connections, closes idle ones and waits for in-flight "
                    + "handlers to finish.";
            GradeReport r = grader.grade("Q4", "```go\nif err := srv.Shutdown(ctx); err != nil {\n    srv.Close() "
                    + "// not graceful: interrupts handlers\n}\n```\n" + prose);
            assertTrue(r.keyPoints().stream().noneMatch(k -> k.status() == PointStatus.CONTRADICTED),
                    () -> describe(r));
            for (KeyPointResult k : r.keyPoints()) {
                String quote = k.evidence() == null ? "" : k.evidence().quote();
                assertTrue(!quote.contains("```") || quote.startsWith("```") && quote.endsWith("```"),
                        () -> "code and prose in one quote: " + quote);
            }
        }

        @Test
        void needsAQuoteThatStatesPartOfThePoint() {
            GradeReport r = grader.grade("Q4", "Shutdown waits for in-flight requests; Close drops them");
            KeyPointResult stops = r.keyPoints().stream()
                    .filter(k -> k.text().equals("Shutdown stops accepting new connections")).findFirst().orElseThrow();
            assertEquals(PointStatus.MISSED, stops.status(), () -> describe(r));
            assertTrue(r.score() <= 0.35, () -> describe(r));
        }

        @Test
        void isNotEarnedByTopicAlone() {
            GradeReport r = grader.grade("Q3", "It depends on the router you use and on middleware.");
            assertEquals(0.0, r.score(), () -> describe(r));
            assertFalse(r.keyPoints().stream().anyMatch(k -> k.status() == PointStatus.PARTIAL), () -> describe(r));
        }
    }

    @Nested
    @DisplayName("misconceptions in other words")
    class OtherWords {

        static boolean reports(GradeReport r, String misconception) {
            return r.misconceptions().stream().anyMatch(m -> m.text().equals(misconception));
        }

        @ParameterizedTest
        @ValueSource(strings = {"Q1|A fixed pool of worker goroutines takes the incoming requests off a shared queue.|"
                + "It uses a thread pool",
            "Q3|Calling Shutdown immediately cancels the contexts of all in-flight requests.|"
                + "r.Context() is cancelled as soon as Server.Shutdown is called"})
        void aPhrasingTheRubricListsIsTheMisconception(String spec) {
            String[] q = spec.split("\\|");
            GradeReport r = grader.grade(q[0], q[1]);
            assertTrue(reports(r, q[2]), () -> describe(r));
            assertTrue(r.score() <= 0.25, () -> describe(r));
        }

        @Test
        void trueWordsWronglyCombinedAreTheMisconception() {
            // every word of "Each request gets its own goroutine" is in some key point; the combination is wrong
            GradeReport r = grader.grade("Q1", "Serve runs an accept loop, and every HTTP request gets its own new "
                    + "goroutine.");
            assertTrue(reports(r, "Each request gets its own goroutine"), () -> describe(r));
            assertNotEquals(Verdict.CORRECT, r.verdict(), () -> describe(r));
        }

        @Test
        void textInFencedCodeShowsRatherThanStates() {
            GradeReport r = grader.grade("Q1", "Each accepted connection gets its own goroutine, started by Serve.\n"
                    + "```\nIt uses a thread pool.\n```");
            assertTrue(r.misconceptions().isEmpty(), () -> describe(r));
        }

        @Test
        void wordsSpreadOverAListOfClaimsStateNoMisconception() {
            // "default ... client ... hang forever" are all there, in four separate claims, each of them true
            GradeReport listed = grader.grade("Q33", "The usual ones: no WriteTimeout, so slow clients pin goroutines "
                    + "forever; r.Context() not passed to downstream calls, so work continues after the client left; "
                    + "the default http.Client used inside handlers, so when a dependency hangs everything hangs; and "
                    + "request bodies never drained.");
            assertTrue(listed.misconceptions().isEmpty(), () -> describe(listed));
            GradeReport stated = grader.grade("Q33", "Calling http.Get from a handler is safe: it cannot hang forever, "
                    + "because the default client times out eventually.");
            assertTrue(reports(stated, "http.Get has a sensible default timeout, so calling it from a handler is fine"),
                    () -> describe(stated) + " " + stated.misconceptions());
        }

        @Test
        void aClauseStatesAMisconceptionInItsOwnWords() {
            // the sentence is about closing websockets; its clause "sends each socket a close frame" says nothing of
            // Server.Close, though it shares the sentence's meaning
            GradeReport r = grader.grade("Q24", "Hijacked websockets are not tracked, so Shutdown won't close them; "
                    + "I'd register a RegisterOnShutdown function that sends each socket a close frame.");
            assertFalse(reports(r, "Server.Close also closes the WebSocket connections"),
                    () -> describe(r) + " " + r.misconceptions());
            assertNotEquals(Verdict.CONTRADICTORY, r.verdict(), () -> describe(r));
        }

        @Test
        void whatAnAnswerChoosesAnotherThingInsteadOfIsNotStated() {
            // "instead of a mutex per write" names the design Go did not choose
            GradeReport right = grader.grade("Q26", "Frames of one connection must not interleave, so a single "
                    + "goroutine owns the socket and serialises the writes instead of a mutex per write: handlers "
                    + "queue their frames on a channel and the loop writes them.");
            assertFalse(reports(right, "Each stream writes its frames to the socket itself, under a mutex"),
                    () -> describe(right) + " " + right.misconceptions());
            assertNotEquals(Verdict.CONTRADICTORY, right.verdict(), () -> describe(right));
            GradeReport wrong = grader.grade("Q26", "Handlers write frames to the conn themselves rather than "
                    + "through one loop, each taking a mutex per write.");
            assertTrue(reports(wrong, "Each stream writes its frames to the socket itself, under a mutex"),
                    () -> describe(wrong) + " " + wrong.misconceptions());
        }

        @Test
        void aNegationInAConditionIsNoDenialOfThePoint() {
            // "until no tracked connection ... remain" says when the polling stops, it denies nothing
            GradeReport r = grader.grade("Q19", "After closing the listeners and idle connections it polls the "
                    + "activeConn map on a ticker (backing off up to 500ms), closing connections that have gone idle, "
                    + "until no tracked connection and no listener remain; then it returns nil. If the ctx you passed "
                    + "is done first it returns ctx.Err() early.");
            assertNotEquals(Verdict.CONTRADICTORY, r.verdict(), () -> describe(r));
            assertTrue(r.score() >= 0.7, () -> describe(r));
            // and a supposed negation: "if the handler doesn't close the body, ..." claims handlers must close it
            GradeReport wrong = grader.grade("Q7", "Because if the handler doesn't close the body, the connection "
                    + "isn't returned to the pool, so every handler should start with defer r.Body.Close().");
            assertTrue(reports(wrong, "Handlers must defer r.Body.Close(), or the server leaks the connection"),
                    () -> describe(wrong) + " " + wrong.misconceptions());
        }

        @Test
        void twoDenialsOfOneThingAgree() {
            // "doesn't need defer r.Body.Close()" and "You do NOT need to close it" deny the same, though their
            // negations govern different words
            GradeReport r = grader.grade("Q7", "Trick question: unlike the client side, a handler doesn't need "
                    + "defer r.Body.Close(). The server closes the request body itself after the handler returns. On "
                    + "the client you must close resp.Body or the connection never goes back to the Transport's pool.");
            assertEquals(Verdict.CORRECT, r.verdict(), () -> describe(r));
            assertTrue(r.score() >= 0.8, () -> describe(r));
        }

        @Test
        void aDenialSaidOfTheOtherSideOfAComparisonContradictsNothing() {
            // "when its context expires it does not force-close anything" is said of Shutdown, not of Close
            GradeReport r = grader.grade("Q4", "Unlike Close, Shutdown does not drop active connections: it closes "
                    + "the listeners and idle connections and waits for in-flight handlers to return. It does not "
                    + "cancel r.Context() of in-flight requests, and when its context expires it does not force-close "
                    + "anything; it just returns ctx.Err() and you call Close yourself.");
            assertNotEquals(Verdict.CONTRADICTORY, r.verdict(), () -> describe(r));
            assertTrue(r.misconceptions().isEmpty(), () -> describe(r) + " " + r.misconceptions());
        }

        @Test
        void anAnswerThatTakesBackWhatItSaysAsksForReview() {
            GradeReport r = grader.grade("Q11", "I think SetKeepAlivesEnabled(false) possibly relates to keep-alive "
                    + "and Connection: close, maybe the connection closes after the current request, or maybe not; it "
                    + "might be used during graceful shutdown.");
            assertTrue(r.needsReview(), () -> describe(r));
            assertTrue(r.reviewReasons().stream().anyMatch(reason -> reason.contains("or maybe not")),
                    () -> String.valueOf(r.reviewReasons()));
        }

        @Test
        void whatAPointOnlySupposesIsNotContradictedByDenyingIt() {
            // "If you spawn a goroutine that also writes to w, you have a race" supposes the spawned goroutine
            GradeReport r = grader.grade("Q2", "It is not safe for concurrent use. Write to w only from the "
                    + "goroutine running ServeHTTP rather than from a goroutine you spawned; otherwise go test -race "
                    + "reports a data race.");
            assertNotEquals(Verdict.CONTRADICTORY, r.verdict(), () -> describe(r));
        }

        @Test
        void removedFromIsADenial() {
            // "removed from activeConn" says what "are NOT in activeConn" says
            GradeReport r = grader.grade("Q24", "Server.Shutdown waits for activeConn to drain. Hijacked connections "
                    + "are removed from activeConn, so WebSockets won't be waited for. You need a separate registry; "
                    + "on shutdown call srv.Shutdown(ctx) and registry.CloseAll(), then wait for both. WebSocket "
                    + "handler goroutines should observe ctx and exit.");
            assertEquals(Verdict.CORRECT, r.verdict(), () -> describe(r));
        }

        @Test
        void activeConnectionsAreNoEvidenceForIdleOnes() {
            GradeReport r = grader.grade("Q4", "Shutdown does not wait for in-flight handlers; it closes active "
                    + "connections immediately. Close is graceful.");
            assertTrue(r.keyPoints().stream().noneMatch(k -> k.text().equals("Shutdown closes idle connections "
                    + "immediately") && k.credit() > 0), () -> describe(r));
            assertTrue(r.score() <= 0.15, () -> describe(r));
        }

        @Test
        void anyIsNoEvidenceForOnly() {
            // "from any goroutine" opens up what "only from the handler's own goroutine" restricts
            GradeReport r = grader.grade("Q2", "The handler may call w.Write from any goroutine, and the server "
                    + "serialises the writes.");
            String point = "The handler should call w.Write and w.Header only from the handler's own goroutine";
            assertTrue(r.keyPoints().stream().noneMatch(k -> k.text().equals(point) && k.credit() > 0),
                    () -> describe(r));
            assertEquals(Verdict.CONTRADICTORY, r.verdict(), () -> describe(r));
            // contradicting a point is no licence to report a misconception the answer does not state
            assertFalse(reports(r, "A goroutine may keep writing to w after the handler returns, as long as it is "
                    + "the only writer"), () -> describe(r) + " " + r.misconceptions());
            GradeReport panic = grader.grade("Q15", "The server recovers the panic, but all connections die because "
                    + "the whole process goes down.");
            assertTrue(panic.keyPoints().stream().anyMatch(k -> k.text().equals("Only that one connection dies")
                    && k.status() == PointStatus.CONTRADICTED), () -> describe(panic));
        }

        @Test
        void swappedSubjectsEarnNothing() {
            // each clause speaks of its own subject: "Shutdown is forceful" is no evidence that Shutdown is graceful
            GradeReport swapped = grader.grade("Q4", "Close is graceful and Shutdown is forceful.");
            assertTrue(swapped.keyPoints().stream().allMatch(k -> k.credit() <= 0), () -> describe(swapped));
            assertEquals(Verdict.CONTRADICTORY, swapped.verdict(), () -> describe(swapped));
            // nor does a sentence lend one subject's clause the words of another's
            GradeReport mixed = grader.grade("Q4", "Close waits for in-flight handlers to finish and Shutdown "
                    + "closes every active connection immediately.");
            assertTrue(mixed.keyPoints().stream().allMatch(k -> k.credit() <= 0), () -> describe(mixed));
            GradeReport right = grader.grade("Q4", "Shutdown is graceful and Close is forceful.");
            assertEquals(2, right.keyPoints().stream().filter(k -> k.status() == PointStatus.COVERED).count(),
                    () -> describe(right));
            assertTrue(right.misconceptions().isEmpty(), () -> describe(right));
        }

        @Test
        void oppositesSwappedInOneSentenceStateAnotherClaim() {
            // the point's own "idle" and "active" in each other's place
            String point = "On shutdown, Server.Shutdown iterates the map, closes idle connections immediately, and "
                    + "polls until no active connections remain";
            GradeReport swapped = grader.grade("Q10", "Shutdown iterates the map, closes active connections "
                    + "immediately, and polls until no idle connections remain.");
            assertTrue(swapped.keyPoints().stream().anyMatch(k -> k.text().equals(point)
                    && k.status() == PointStatus.CONTRADICTED), () -> describe(swapped));
            GradeReport right = grader.grade("Q10", "Shutdown iterates the map, closes idle connections "
                    + "immediately, and polls until no active connections remain.");
            assertTrue(right.keyPoints().stream().anyMatch(k -> k.text().equals(point)
                    && k.status() == PointStatus.COVERED), () -> describe(right));
        }

        @Test
        void eachSideOfAComparisonSaidOfTheOtherEntityIsASwap() {
            // the point names both entities; each of its clauses says one side of one of them
            GradeReport swapped = grader.grade("Q28", "ConnState fires once per HTTP request, while middleware "
                    + "fires once per TCP connection.");
            assertEquals(Verdict.CONTRADICTORY, swapped.verdict(), () -> describe(swapped));
            assertTrue(swapped.keyPoints().stream().anyMatch(k -> k.text().equals("Middleware fires per HTTP request")
                    && k.status() == PointStatus.CONTRADICTED), () -> describe(swapped));
            assertTrue(swapped.keyPoints().stream().anyMatch(k -> k.text().startsWith("With keep-alive")
                    && k.status() == PointStatus.CONTRADICTED), () -> describe(swapped));
            GradeReport right = grader.grade("Q28", "ConnState fires once per TCP connection, while middleware "
                    + "fires once per HTTP request.");
            assertTrue(right.keyPoints().stream().noneMatch(k -> k.status() == PointStatus.CONTRADICTED),
                    () -> describe(right));
            assertEquals(Verdict.CORRECT, right.verdict(), () -> describe(right));
            // a clause naming both sides says each of its own, whatever case it names them in
            GradeReport both = grader.grade("Q28", "ConnState fires once per connection and middleware fires once "
                    + "per request.");
            assertTrue(both.keyPoints().stream().noneMatch(k -> k.text().startsWith("With keep-alive")
                    && k.status() == PointStatus.CONTRADICTED), () -> describe(both));
            GradeReport regimes = grader.grade("Q30", "For many small parallel requests HTTP/1.1 keep-alive wins, "
                    + "because the multiplexing overhead dominates; for one big download HTTP/2 is faster thanks to "
                    + "binary framing.");
            assertTrue(regimes.keyPoints().stream().anyMatch(k -> k.text().endsWith("for parallel work HTTP/2 wins")
                    && k.status() == PointStatus.CONTRADICTED), () -> describe(regimes));
        }

        @Test
        void aClauseThatSaysTheOppositeRefutesTheMisconception() {
            // "absolute times" is the opposite of "relative timeouts": the sentence refutes the misconception
            GradeReport r = grader.grade("Q12", "Because net.Conn deadlines are absolute times, not durations that "
                    + "restart by themselves, the server must set a new deadline for each request; otherwise the time "
                    + "spent on earlier keep-alive requests would eat the budget.");
            assertTrue(r.misconceptions().isEmpty(), () -> describe(r) + " " + r.misconceptions());
            assertNotEquals(Verdict.CONTRADICTORY, r.verdict(), () -> describe(r));
            // "wouldn't fix the real issue" denies "fixes the code", whose object names nothing in particular
            GradeReport mutex = grader.grade("Q20", "Three bugs. First, a race on w: two goroutines write to w "
                    + "concurrently, and protecting it with a mutex wouldn't fix the real issue. Second, use after the "
                    + "handler returns: the goroutine writes to w 5 seconds after ServeHTTP has returned. Third, a "
                    + "goroutine leak on client disconnect: it doesn't watch r.Context().Done().");
            assertTrue(mutex.misconceptions().isEmpty(), () -> describe(mutex) + " " + mutex.misconceptions());
        }

        @Test
        void notAtAllIsANegation() {
            // "at all" stresses the negation, it names no other object the negation could be about
            GradeReport wrong = grader.grade("Q4", "Shutdown is not graceful at all, it kills everything.");
            assertTrue(wrong.keyPoints().stream().anyMatch(k -> k.text().equals("Shutdown is graceful")
                    && k.status() == PointStatus.CONTRADICTED), () -> describe(wrong));
            GradeReport right = grader.grade("Q4", "Close is not graceful at all.");
            assertTrue(right.keyPoints().stream().noneMatch(k -> k.status() == PointStatus.CONTRADICTED),
                    () -> describe(right));
        }

        @Test
        void anyKeptWithinTheRestrictionIsNoContradiction() {
            for (String answer : List.of(
                    "ResponseWriter is not safe for concurrent use. Only the handler's goroutine may call w.Write; "
                            + "calling w.Write from any other goroutine is a data race.",
                    "w is not goroutine-safe, so the handler should call w.Write only from its own goroutine and "
                            + "never from any goroutine it spawns.",
                    "Writing to w from any goroutine other than the handler's is a race; call w.Write and w.Header "
                            + "only from the handler's own goroutine.",
                    // "all other goroutines" names the rest "only" leaves out
                    "All other goroutines must hand their data back through a channel and let the handler call "
                            + "w.Write and w.Header itself.")) {
                GradeReport r = grader.grade("Q2", answer);
                assertNotEquals(Verdict.CONTRADICTORY, r.verdict(), () -> answer + "\n" + describe(r));
                assertTrue(r.keyPoints().stream().noneMatch(k -> k.status() == PointStatus.CONTRADICTED),
                        () -> answer + "\n" + describe(r));
            }
            GradeReport others = grader.grade("Q15", "The server recovers the panic and logs it; only that "
                    + "connection dies, the other connections keep working.");
            assertEquals(Verdict.CORRECT, others.verdict(), () -> describe(others));
        }

        @Test
        void aMisconceptionSupposedInAnIfClauseIsNotStated() {
            GradeReport r = grader.grade("Q1", "If the server used a thread pool, one slow handler could starve the "
                    + "others, so instead every accepted connection gets its own goroutine.");
            assertTrue(r.misconceptions().isEmpty(), () -> describe(r));
        }
    }
}
