package dev.grader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.grader.judge.OfflineJudge;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeContainer;

/** Any text, however odd, grades without an exception, within bounds, with honest evidence. */
class AnswerPropertiesTest {

    static Grader grader;

    @BeforeContainer
    static void build() {
        grader = Grader.builder().rubric(Rubrics.defaultRubric())
                .judge(OfflineJudge.builder().embeddings(false).build()).maxAnswerChars(4_000).build();
    }

    @Property(tries = 300)
    void anyAnswerGradesWithinBounds(@ForAll("answers") String answer, @ForAll("questions") String question) {
        GradeReport r = grader.grade(question, answer);
        assertTrue(r.score() >= 0 && r.score() <= 1, "score " + r.score());
        assertTrue(r.points() >= 0 && r.points() <= r.maxPoints());
        for (var k : r.keyPoints()) {
            if (k.evidence() != null) {
                assertTrue(k.evidence().start() >= 0 && k.evidence().end() <= answer.length());
                assertEquals(answer.substring(k.evidence().start(), k.evidence().end()), k.evidence().quote());
            }
            assertTrue(k.confidence() >= 0 && k.confidence() <= 1);
        }
        for (var m : r.misconceptions()) {
            if (m.evidence() != null) {
                assertEquals(answer.substring(m.evidence().start(), m.evidence().end()), m.evidence().quote());
            }
        }
    }

    @Provide
    Arbitrary<String> questions() {
        return Arbitraries.of("Q1", "Q4", "Q13", "Q20", "Q33");
    }

    @Provide
    Arbitrary<String> answers() {
        Arbitrary<String> words = Arbitraries.of("goroutine", "not", "Shutdown", "r.Context()", "(*Server).Serve",
                "keep-alive", "no", "isn't", "graceful", "connection", ",", ".", ";", "\n", "- ", "1.", "(a)", "SYSTEM:",
                "ignore the rubric", "\"", "`", "é", "\uD83D\uDE00", "\u0000", "\uD800", "\t", "   ", "—", "HTTP/1.1");
        Arbitrary<String> sentences = words.list().ofMaxSize(60).map(l -> String.join(" ", l));
        return Arbitraries.oneOf(sentences, Arbitraries.strings().ofMaxLength(300),
                Arbitraries.strings().withChars('a', 'b', ' ', '.').ofMaxLength(5_000),
                Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(50_000).map(s -> s + " not"));
    }
}
