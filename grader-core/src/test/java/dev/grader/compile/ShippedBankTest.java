package dev.grader.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.grader.rubric.CodeBlock;
import dev.grader.rubric.KeyPoint;
import dev.grader.rubric.Question;
import dev.grader.rubric.Rubric;
import dev.grader.rubric.RubricLinter;
import dev.grader.rubric.RubricReader;
import dev.grader.rubric.RubricWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The real bank the product ships with, compiled and checked as a reviewer would read it. */
@DisplayName("The shipped net/http bank")
class ShippedBankTest {

    static final Path SOURCE = Path.of("../rubrics/net-http-server-concurrency.txt");
    static final Path COMMITTED = Path.of("../rubrics/net-http-server-concurrency.json");
    static Rubric rubric;

    @BeforeAll
    static void compile() {
        rubric = BankCompiler.compile(SOURCE);
    }

    @Test
    void recompilingTheSourceGivesTheCommittedRubricByteForByte() throws Exception {
        assertEquals(Files.readString(COMMITTED), RubricWriter.toJson(rubric),
                "rubrics/net-http-server-concurrency.json is stale: run ./grader compile "
                        + "rubrics/net-http-server-concurrency.txt -o rubrics/net-http-server-concurrency.json");
    }

    @Test
    void theCommittedRubricPassesTheSchemaAndLint() {
        Rubric loaded = RubricReader.read(COMMITTED);
        assertEquals(List.of(), RubricLinter.lint(loaded));
    }

    @Test
    void interviewerNotesAreNotShownToCandidates() {
        assertTrue(rubric.questions().stream().noneMatch(q -> q.prompt().contains("(trick")));
        assertEquals("Why is defer body.Close() important in handlers?", q("Q7").prompt());
        assertEquals("it's actually about clients", q("Q7").notes().get(0).text());
        assertEquals("What does Server.MaxHandlers do?", q("Q22").prompt());
        assertEquals("it doesn't exist in net/http", q("Q22").notes().get(0).text());
    }

    @Test
    void hasAll33QuestionsInOrderWithTheirLevels() {
        assertEquals(IntStream.rangeClosed(1, 33).mapToObj(i -> "Q" + i).toList(), rubric.questionIds());
        assertEquals("Junior", q("Q1").level());
        assertEquals("Junior", q("Q7").level());
        assertEquals("Middle", q("Q8").level());
        assertEquals("Middle", q("Q15").level());
        assertEquals("Senior", q("Q16").level());
        assertEquals("Senior", q("Q23").level());
        assertEquals("Staff", q("Q24").level());
        assertEquals("Staff", q("Q33").level());
        assertEquals("net/http Server Concurrency — Interview Questions", rubric.title());
        assertEquals("text", rubric.source().format());
    }

    @Test
    void q1HasTheFourClaimsAGraderTicks() {
        List<String> texts = texts("Q1");
        assertEquals(List.of(
                "It runs an accept loop in (*Server).Serve",
                "For each accepted TCP connection it spawns a new goroutine: go c.serve(ctx)",
                "That goroutine reads HTTP requests from the connection (one at a time per HTTP/1.1) and calls the handler",
                "Many connections in flight = many goroutines"), texts);
        assertTrue(q("Q1").keyPoints().get(1).terms().contains("c.serve(ctx)"));
        assertTrue(q("Q1").keyPoints().get(0).terms().contains("(*Server).Serve"));
    }

    @Test
    void commonWrongAnswersBecomeMisconceptionsWithTheirCorrections() {
        Question q1 = q("Q1");
        assertEquals(3, q1.misconceptions().size());
        assertEquals("It uses a thread pool", q1.misconceptions().get(0).text());
        assertEquals("No — Go does not pool goroutines for handlers; one fresh goroutine per connection.",
                q1.misconceptions().get(0).correction());
        assertEquals("Each request gets its own goroutine", q1.misconceptions().get(1).text());
        assertEquals("Only when the handler returns", q("Q3").misconceptions().get(0).text());
        assertEquals("The server keeps reading from the connection", q("Q18").misconceptions().get(0).text());
        long total = rubric.questions().stream().mapToLong(q -> q.misconceptions().size()).sum();
        assertEquals(103, total);
        for (Question q : rubric.questions()) {
            assertTrue(q.misconceptions().size() >= 2, q.id() + " lists fewer than two common wrong answers");
            q.misconceptions().forEach(m -> assertFalse(m.correction().isBlank(), m.id() + " has no correction"));
        }
    }

    @Test
    void followUpsKeepTheirAnswerAndProbeKeyPointsOfTheirQuestion() {
        List<String> withFollowUps = rubric.questions().stream().filter(q -> !q.followUps().isEmpty())
                .map(Question::id).toList();
        assertEquals(rubric.questionIds(), withFollowUps, "every question has a follow-up");
        assertEquals(50, rubric.questions().stream().mapToLong(q -> q.followUps().size()).sum());
        var http2 = q("Q1").followUps().get(0);
        assertEquals("What about HTTP/2?", http2.question());
        assertTrue(http2.answer().startsWith("HTTP/2 multiplexes streams"));
        for (Question q : rubric.questions()) {
            Set<String> own = new HashSet<>();
            q.keyPoints().forEach(k -> own.add(k.id()));
            q.followUps().forEach(f -> {
                assertFalse(f.probes().isEmpty(), f.id());
                assertTrue(own.containsAll(f.probes()), f.id());
            });
        }
        var deadline = q("Q4").followUps().get(0);
        assertTrue(deadline.probes().stream().anyMatch(id -> text("Q4", id).contains("waits for in-flight handlers")),
                "the deadline follow-up probes the waiting point");
    }

    @Test
    void lettersEnumerationsAndColonListsAreSplitIntoAtomicClaims() {
        assertEquals(List.of(
                "When the client closes its connection",
                "For HTTP/2, when the client sends RST_STREAM",
                "When the handler returns",
                "The server runs a goroutine that watches the connection and calls the cancel function when one of "
                        + "these events occurs"), texts("Q3"));
        assertEquals(List.of(
                "Shutdown is graceful",
                "Shutdown stops accepting new connections",
                "Shutdown waits for in-flight handlers to finish",
                "Shutdown closes idle connections immediately",
                "Close is forceful",
                "Close immediately closes the listener and every active connection, interrupting in-flight handlers "
                        + "(their r.Context() is cancelled)"), texts("Q4"));
        assertEquals(3, q("Q20").keyPoints().size(), "three bugs, three points");
        assertEquals(6, q("Q18").keyPoints().size(), "six numbered steps");
    }

    @Test
    void aBareNoIsExpandedFromTheQuestionAndWeighsMost() {
        KeyPoint first = q("Q2").keyPoints().get(0);
        assertEquals("http.ResponseWriter is not safe for concurrent use", first.text());
        assertTrue(first.weight() > q("Q2").keyPoints().get(1).weight());
        assertEquals("Out of the box, the server doesn't limit total goroutines", q("Q21").keyPoints().get(0).text());
    }

    @Test
    void codeIsKeptAsContextButNeverBecomesAKeyPoint() {
        assertEquals(List.of("question", "Fix"), sections("Q20"));
        assertEquals(List.of("modelAnswer"), sections("Q24"));
        assertEquals(List.of("Robust pattern"), sections("Q29"));
        assertEquals(List.of("modelAnswer"), sections("Q32"));
        assertTrue(q("Q20").code().get(0).text().startsWith("func handler(w http.ResponseWriter, r *http.Request) {"));
        for (String id : List.of("Q20", "Q24", "Q29", "Q32")) {
            for (KeyPoint k : q(id).keyPoints()) {
                String t = k.text();
                assertFalse(t.contains("func ") || t.contains(":=") || t.contains("{\n") || t.contains("select {")
                        || t.contains("sem chan"), id + " key point holds code: " + t);
            }
            assertFalse(q(id).modelAnswer().contains("func ("), id + " model answer holds code");
        }
        assertEquals("Wrap the server in a semaphore-based limiter", q("Q32").keyPoints().get(0).text());
    }

    @Test
    void labelledParagraphsAreNotesUnlessTheQuestionAsksForThem() {
        assertEquals(List.of("Fix"), q("Q20").notes().stream().map(n -> n.label()).toList());
        assertEquals(List.of("Workaround"), q("Q23").notes().stream().map(n -> n.label()).toList());
        assertTrue(texts("Q23").stream().anyMatch(t -> t.startsWith("Pitfall: If your handler does long work")),
                "the question asks for a pitfall, so the Pitfall paragraph is graded");
        assertTrue(texts("Q26").stream().anyMatch(t -> t.startsWith("Cost: Extra channel sends")),
                "Rationale and Cost are the answer to Q26");
        assertEquals(List.of("Use cases"), q("Q28").notes().stream().map(n -> n.label()).toList());
        assertEquals(List.of("Concurrency angle"), q("Q31").notes().stream().map(n -> n.label()).toList());
    }

    @Test
    void keyPointIdsAreUniqueReadableAndContentDerived() {
        Set<String> ids = new HashSet<>();
        for (Question q : rubric.questions()) {
            for (KeyPoint k : q.keyPoints()) {
                assertTrue(ids.add(k.id()), "duplicate " + k.id());
                assertTrue(k.id().startsWith(q.id() + "-k-"), k.id());
                assertTrue(k.id().matches("[A-Za-z0-9][A-Za-z0-9._-]*"), k.id());
            }
        }
        assertEquals("Q1-k-accept-loop-server-serve-0805", q("Q1").keyPoints().get(0).id());
    }

    @Test
    void editingOneQuestionLeavesTheIdsOfTheOthersAlone() throws Exception {
        String edited = Files.readString(SOURCE).replace("Saves the TCP and TLS handshake cost.",
                "Saves the TCP handshake and the TLS handshake, and their round trips.");
        Rubric recompiled = BankCompiler.compile(edited, "net-http-server-concurrency.txt");
        for (Question q : rubric.questions()) {
            List<String> before = q.keyPoints().stream().map(KeyPoint::id).toList();
            List<String> after = recompiled.question(q.id()).orElseThrow().keyPoints().stream().map(KeyPoint::id).toList();
            if (q.id().equals("Q5")) {
                assertEquals(before.get(0), after.get(0));
                assertFalse(before.get(1).equals(after.get(1)), "the edited point gets a new id");
            } else {
                assertEquals(before, after, q.id());
            }
        }
    }

    @Test
    void noKeyPointIsAConnectiveLeadIn() {
        for (Question q : rubric.questions()) {
            for (KeyPoint k : q.keyPoints()) {
                String lower = k.text().toLowerCase(Locale.ROOT);
                assertFalse(lower.matches("(three bugs|several risks|common bugs|no|yes)"), q.id() + ": " + k.text());
                assertFalse(k.text().endsWith(":"), q.id() + ": " + k.text());
                assertTrue(k.weight() > 0);
            }
        }
    }

    private static Question q(String id) {
        return rubric.question(id).orElseThrow();
    }

    private static List<String> texts(String id) {
        return q(id).keyPoints().stream().map(KeyPoint::text).toList();
    }

    private static String text(String questionId, String keyPointId) {
        return q(questionId).keyPoints().stream().filter(k -> k.id().equals(keyPointId)).findFirst().orElseThrow().text();
    }

    private static List<String> sections(String id) {
        return q(id).code().stream().map(CodeBlock::section).toList();
    }
}
