package dev.grader.judge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.grader.GradeReport;
import dev.grader.GradeReport.KeyPointResult;
import dev.grader.Grader;
import dev.grader.PointStatus;
import dev.grader.compile.BankCompiler;
import org.junit.jupiter.api.Test;

/** A claim said over two sentences is proved by a quote of both, and only by what both say. */
class TwoSentenceClaimsTest {

    static final Grader LEXICAL = Grader.builder()
            .rubric(BankCompiler.compile("""
                    {"id": "P1", "question": "What does the server do when it stops?", \
                    "modelAnswer": "The server closes idle connections and then waits for active handlers to finish."}
                    """, "bank.jsonl"))
            .judge(OfflineJudge.builder().embeddings(false).build()).build();

    static KeyPointResult onlyPoint(GradeReport r) {
        assertEquals(1, r.keyPoints().size(), r.keyPoints().toString());
        return r.keyPoints().get(0);
    }

    @Test
    void isCoveredWithAQuoteOfBothSentences() {
        String answer = "The server closes idle connections. Then it waits for active handlers to finish.";
        KeyPointResult k = onlyPoint(LEXICAL.grade("P1", answer));
        assertEquals(PointStatus.COVERED, k.status(), k.toString());
        assertEquals(answer, k.evidence().quote());
    }

    @Test
    void oneHalfAloneIsPartOfIt() {
        KeyPointResult k = onlyPoint(LEXICAL.grade("P1", "Then it waits for active handlers to finish."));
        assertNotEquals(PointStatus.COVERED, k.status(), k.toString());
    }

    @Test
    void aSentenceThatDeniesItIsNotOutweighedByItsNeighbour() {
        GradeReport r = LEXICAL.grade("P1", "The server closes idle connections. It does not wait for active "
                + "handlers to finish.");
        KeyPointResult k = onlyPoint(r);
        assertTrue(k.status() != PointStatus.COVERED, k.toString());
        assertTrue(k.evidence() == null || !k.evidence().quote().contains(". It does not"), k.toString());
    }

    @Test
    void sentencesThatAreNotNeighboursAreNotJoined() {
        String answer = "The server closes idle connections. Clients may retry. Then it waits for active handlers "
                + "to finish.";
        KeyPointResult k = onlyPoint(LEXICAL.grade("P1", answer));
        assertTrue(k.evidence() == null || !k.evidence().quote().contains("Clients may retry"), k.toString());
    }
}
