package dev.grader.llm;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.grader.rubric.Misconception;
import dev.grader.rubric.Question;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The model is told the other ways candidates say a known misconception, as the offline judge matches them. */
class MisconceptionPhrasingsInPromptTest {

    @Test
    @DisplayName("a misconception's phrasings go in the request beside it")
    void phrasingsAreSentWithTheMisconception() {
        Question q = Fixtures.QUESTION;
        Question withPhrasings = new Question(q.id(), q.level(), q.prompt(), q.modelAnswer(), q.acceptedAnswers(),
                q.expectedPoints(), q.keyPoints(), List.of(new Misconception("Q1-m-pool",
                        "net/http uses a fixed pool of worker goroutines", "There is no pool.", List.of("pool"), null,
                        List.of("Workers take requests from a queue", "At most GOMAXPROCS handlers run at once"))),
                q.followUps(), q.notes(), q.code());
        try (StubModelServer server = new StubModelServer(StubModelServer.Wire.OPENAI,
                r -> StubModelServer.reply(StubModelServer.Wire.OPENAI, ExamplesInPromptTest.reply(), 10, 10))) {
            Fixtures.judge(server, Provider.OPENAI, null).build().assess(withPhrasings, "One goroutine each.");
            String user = server.requests().get(0).user();
            assertTrue(user.contains("- Q1-m-pool: net/http uses a fixed pool of worker goroutines (also said as: "
                    + "Workers take requests from a queue / At most GOMAXPROCS handlers run at once); correction: "
                    + "There is no pool."), user);
        }
    }
}
