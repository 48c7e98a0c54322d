package dev.grader.judge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.grader.GradeReport;
import dev.grader.GradeReport.KeyPointResult;
import dev.grader.Grader;
import dev.grader.PointStatus;
import dev.grader.Rubrics;
import dev.grader.internal.Json;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The offline judge on the shipped rubric, one behaviour of issue 3 per test. */
@DisplayName("The offline judge")
class OfflineJudgeTest {

    static Grader lexical;

    @BeforeAll
    static void build() {
        lexical = Grader.builder().rubric(Rubrics.defaultRubric())
                .judge(OfflineJudge.builder().embeddings(false).build()).build();
    }

    static PointStatus status(GradeReport report, String textStart) {
        return point(report, textStart).status();
    }

    static KeyPointResult point(GradeReport report, String textStart) {
        return report.keyPoints().stream().filter(k -> k.text().startsWith(textStart)).findFirst().orElseThrow(
                () -> new AssertionError("no key point starting " + textStart));
    }

    @Nested
    @DisplayName("credits")
    class Credits {

        @Test
        void aFullAnswerWithEvidenceForEachPoint() {
            String answer = "ListenAndServe runs an accept loop in (*Server).Serve. For every accepted TCP connection "
                    + "it starts a new goroutine with go c.serve(ctx). That goroutine reads the requests from the "
                    + "connection one at a time (HTTP/1.1) and calls the handler. So many connections in flight mean "
                    + "many goroutines.";
            GradeReport r = lexical.grade("Q1", answer);
            assertEquals(4, r.keyPoints().stream().filter(k -> k.status() == PointStatus.COVERED).count(),
                    r.keyPoints().toString());
            assertEquals(1.0, r.score());
            for (KeyPointResult k : r.keyPoints()) {
                assertEquals(answer.substring(k.evidence().start(), k.evidence().end()), k.evidence().quote());
            }
        }

        @Test
        void misspelledWordsAndCompoundsWrittenApart() {
            GradeReport r = lexical.grade("Q5", "A persistant conection: after a request/respone the connection is "
                    + "kept open for the next request of the same client. It saves the TCP and TLS handshake cost. "
                    + "The go server keeps the same gorutine in a loop reading more requests until the idle timeout, "
                    + "an error, or the peer closes.");
            assertEquals(PointStatus.COVERED, status(r, "A persistent connection"));
            assertEquals(PointStatus.COVERED, status(r, "The Go server keeps the same goroutine"));
        }

        @Test
        void anOppositeOfAnotherKindIsNoContradiction() {
            // "disconnects" is the opposite of "connected", not of "its connection", which the client can close
            GradeReport r = lexical.grade("Q3", "When the client disconnects.");
            assertTrue(r.keyPoints().stream().noneMatch(k -> k.status() == PointStatus.CONTRADICTED),
                    r.keyPoints().toString());
        }

        @Test
        void opposedSubjectsInOneSentenceContradictNothing() {
            // "waits" (Shutdown) and "forceful" (Close) are opposite words about different subjects
            GradeReport r = lexical.grade("Q4", "Shutdown is graceful, it waits for in-flight handlers to finish and "
                    + "closes idle connections immediately; Close is forceful.");
            assertTrue(r.keyPoints().stream().noneMatch(k -> k.status() == PointStatus.CONTRADICTED),
                    r.keyPoints().toString());
        }

        @Test
        void aYesNoQuestionAnsweredNo() {
            GradeReport r = lexical.grade("Q2", "No. Only the handler's goroutine may call w.Write.");
            assertEquals(PointStatus.COVERED, status(r, "http.ResponseWriter is not safe"));
        }
    }

    @Nested
    @DisplayName("does not credit")
    class DoesNotCredit {

        @Test
        void aNegatedClaim() {
            GradeReport r = lexical.grade("Q1", "(*Server).Serve runs an accept loop, but it does not spawn a "
                    + "goroutine per accepted connection: the accept loop itself calls the handler inline.");
            assertEquals(PointStatus.CONTRADICTED, status(r, "For each accepted TCP connection"));
            assertTrue(r.misconceptions().stream().anyMatch(m -> m.source().equals("contradiction")));
        }

        @Test
        void claimsSwappedBetweenTheTwoThingsCompared() {
            GradeReport r = lexical.grade("Q4", "Shutdown is forceful: it immediately closes the listener and every "
                    + "active connection, interrupting in-flight handlers. Close is graceful: it stops accepting new "
                    + "connections and waits for in-flight handlers to finish.");
            assertEquals(PointStatus.CONTRADICTED, status(r, "Close is forceful"));
            assertEquals(PointStatus.CONTRADICTED, status(r, "Shutdown is graceful"));
            assertTrue(r.score() <= 0.2, "score " + r.score());
        }

        @Test
        void aBareListOfTheRightTerms() {
            GradeReport r = lexical.grade("Q13", "ReadHeaderTimeout, slowloris, headers, ReadTimeout, body, DoS, "
                    + "large uploads, gosec G112.");
            assertTrue(r.score() <= 0.3, "score " + r.score());
        }

        @Test
        void anOffTopicAnswer() {
            GradeReport r = lexical.grade("Q31", "I'd just use Gin, it has JSON binding and validation and a radix "
                    + "tree router, so for any new project I pick a framework.");
            assertEquals(0.0, r.score());
        }
    }

    @Nested
    @DisplayName("misconceptions")
    class Misconceptions {

        @Test
        void aStatedMisconceptionIsReportedWithItsCorrection() {
            GradeReport r = lexical.grade("Q1", "It uses a thread pool: a fixed pool of worker threads takes the "
                    + "requests from a queue.");
            var hit = r.misconceptions().stream().filter(m -> m.source().equals("rubric")).findFirst().orElseThrow();
            assertEquals("It uses a thread pool", hit.text());
            assertTrue(hit.correction().toLowerCase(Locale.ROOT).contains("one fresh goroutine per connection"));
        }

        @Test
        void aRefutedMisconceptionIsNotReported() {
            GradeReport r = lexical.grade("Q1", "It is not a thread pool: there is no pool at all, every accepted "
                    + "connection gets a fresh goroutine.");
            assertTrue(r.misconceptions().stream().noneMatch(m -> m.source().equals("rubric")),
                    r.misconceptions().toString());
        }

        @Test
        void theTruthCloseToAMisconceptionIsNotReported() {
            GradeReport r = lexical.grade("Q1", "Each connection gets its own goroutine; with keep-alive many "
                    + "requests share it one after the other.");
            assertTrue(r.misconceptions().stream().noneMatch(m -> m.text().startsWith("Each request")),
                    r.misconceptions().toString());
        }
    }

    @Nested
    @DisplayName("without grader-embeddings on the class path")
    class WithoutTheEmbeddingsModule {

        @Test
        void gradesLexicallyAndSaysSo() {
            assertEquals(OfflineJudge.EMBEDDINGS_MISSING, OfflineJudge.create().info().settings().get("embeddings"));
            assertEquals("off", OfflineJudge.builder().embeddings(false).build().info().settings().get("embeddings"));
        }

        @Test
        void givesTheReportsOfTheLexicalJudgeWordForWord() {
            Grader byDefault = Grader.builder().rubric(Rubrics.defaultRubric()).build();
            String[][] answers = {
                {"Q1", "Each connection gets its own goroutine; handlers run concurrently, so shared state needs "
                        + "a mutex"},
                {"Q4", "Shutdown waits for in-flight requests; Close drops them"},
                {"Q4", "Shutdown is the gentle one: a graceful stop lets active requests finish before it returns."},
                {"Q7", "The server uses a thread pool of worker goroutines limited to GOMAXPROCS"},
                {"Q12", ""},
            };
            for (String[] a : answers) {
                JsonNode expected = withoutEmbeddingsSetting(lexical.grade(a[0], a[1]));
                assertEquals(expected, withoutEmbeddingsSetting(byDefault.grade(a[0], a[1])), a[0] + ": " + a[1]);
            }
        }

        private static JsonNode withoutEmbeddingsSetting(GradeReport report) {
            ObjectNode tree = Json.mapper().valueToTree(report);
            ((ObjectNode) tree.at("/audit/judge/settings")).remove("embeddings");
            return tree;
        }
    }
}
