package dev.grader.llm;

import static dev.grader.llm.Fixtures.SECRET;
import static dev.grader.llm.Fixtures.point;
import static dev.grader.llm.Fixtures.reply;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.grader.GradeReport;
import dev.grader.Grader;
import dev.grader.internal.Json;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The API key reaches the server and nothing else: not reports, cache files or names, messages, or stderr. */
class SecretsTest {

    @TempDir
    Path cache;

    @Test
    @DisplayName("the key is absent from reports, cache keys and files, fallback reasons, settings and console output")
    void keyNeverLeaks() throws Exception {
        AtomicInteger n = new AtomicInteger();
        String good = reply(point("Q1-k-goroutine", "covered", "own goroutine"));
        PrintStream oldErr = System.err;
        PrintStream oldOut = System.out;
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        List<String> outputs = new ArrayList<>();
        try (StubModelServer server = new StubModelServer(StubModelServer.Wire.OPENAI, r -> switch (n.getAndIncrement()) {
            case 0 -> StubModelServer.reply(StubModelServer.Wire.OPENAI, good, 10, 5);
            case 1 -> StubModelServer.status(401, null);
            default -> StubModelServer.reply(StubModelServer.Wire.OPENAI, "not json " + r.authorization(), 10, 5);
        })) {
            System.setErr(new PrintStream(console, true, StandardCharsets.UTF_8));
            System.setOut(new PrintStream(console, true, StandardCharsets.UTF_8));
            LlmJudge judge = Fixtures.judge(server, Provider.OPENAI, cache).build();
            Grader grader = Grader.builder().rubric(Fixtures.RUBRIC).judge(judge).build();
            GradeReport ok = grader.grade("Q1", "Each connection runs in its own goroutine.");
            GradeReport unauthorized = grader.grade("Q1", "A second answer.");
            GradeReport echoed = grader.grade("Q1", "A third answer.");
            assertEquals("model server answered HTTP 401 (check the API key)", unauthorized.usage().fallback());
            assertTrue(echoed.usage().fallback().startsWith("unparseable model reply"));
            for (GradeReport r : List.of(ok, unauthorized, echoed)) {
                outputs.add(Json.pretty(r));
            }
            outputs.add(judge.info().toString());
            outputs.add(judge.usage().summary());
        } finally {
            System.setErr(oldErr);
            System.setOut(oldOut);
        }
        outputs.add(console.toString(StandardCharsets.UTF_8));
        try (var files = Files.walk(cache)) {
            for (Path f : files.toList()) {
                outputs.add(f.toString());
                if (Files.isRegularFile(f)) {
                    outputs.add(Files.readString(f));
                }
            }
        }
        assertTrue(outputs.size() > 6, "cache files were written");
        for (String out : outputs) {
            assertFalse(out.contains(SECRET), "the key leaked into: " + out);
            assertFalse(out.contains("SECRET"), "part of the key leaked into: " + out);
        }
    }

    @Test
    @DisplayName("builder messages name the parameter, not its value")
    void builderMessagesHideTheKey() {
        IllegalStateException missing = assertThrows(IllegalStateException.class,
                () -> LlmJudge.builder().provider(Provider.ANTHROPIC).build());
        assertEquals("apiKey must be set for anthropic (or set a baseUrl of a server that needs none)",
                missing.getMessage());
        IllegalArgumentException url = assertThrows(IllegalArgumentException.class,
                () -> LlmJudge.builder().baseUrl("ftp://user:" + SECRET + "@host/v1"));
        assertFalse(url.getMessage().contains(SECRET), url.getMessage());
        assertEquals("apiKey cannot be null or blank",
                assertThrows(IllegalArgumentException.class, () -> LlmJudge.builder().apiKey(" ")).getMessage());
    }
}
