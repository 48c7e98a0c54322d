package dev.grader.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.grader.internal.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Output that cannot be written, with real failing writes (a folder where a report file must go, so the atomic
 * move fails as it would on a full device): the run stops at the first failed write rather than grading on, says
 * how many writes failed and which first, keeps what is on disk complete, and a rerun finishes the batch.
 */
class BatchOutputFailureTest {

    @TempDir
    Path dir;

    private static BatchResult run(Path out, Path subs) {
        return BatchGrading.builder(BatchFixtures.lexicalGrader()).outputDir(out).threads(1).build()
                .run(List.of(subs));
    }

    /** A non-empty folder where a file of the output must go: replacing it fails. */
    private static Path block(Path file) throws IOException {
        Files.createDirectories(file);
        Files.writeString(file.resolve("keep"), "x");
        return file;
    }

    private static void unblock(Path file) throws IOException {
        try (Stream<Path> walk = Files.walk(file)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Test
    void stopsAtTheFirstFailedWriteAndARerunFinishes() throws IOException {
        Path subs = dir.resolve("subs");
        BatchFixtures.cohort(subs, 6);
        Path reference = dir.resolve("reference");
        run(reference, subs);

        Path out = dir.resolve("out");
        Files.createDirectories(out.resolve("candidates"));
        Path blocked = block(out.resolve("candidates/cand-03.md"));
        BatchResult first = run(out, subs);

        assertTrue(first.outputFailed());
        assertEquals(1, first.failedWrites(), "the run stopped instead of failing on every later candidate");
        assertTrue(first.failedWrite().startsWith(blocked + ": "), first.failedWrite());
        assertEquals(2, first.graded(), "the two before it were graded and saved");
        assertEquals(4, first.pending(), "the one that failed and the three after it were not graded");
        assertEquals(List.of(), first.problems(), "nothing is lost: the rest is pending, not failed");
        assertEquals(List.of("cand-01.json", "cand-01.md", "cand-02.json", "cand-02.md", "cand-03.md/keep"),
                List.copyOf(BatchFixtures.tree(out.resolve("candidates")).keySet()), "no half-written file");
        JsonNode summary = Json.mapper().readTree(out.resolve("summary.json").toFile());
        assertEquals("output-failed", summary.at("/run/status").asText());
        assertEquals(4, summary.at("/counts/pending").asInt());
        assertEquals("not graded yet: the output could not be written; free space and rerun to finish",
                summary.at("/candidates/5/reason").asText());

        unblock(blocked);
        BatchResult second = run(out, subs);
        assertFalse(second.outputFailed());
        assertEquals(2, second.reused());
        assertEquals(4, second.graded());
        BatchGradingTest.assertSameReports(reference, out);
    }

    @Test
    void aCohortReportThatCannotBeWrittenIsCountedAndTheOthersAreWritten() throws IOException {
        Path subs = dir.resolve("subs");
        BatchFixtures.cohort(subs, 3);
        Path out = dir.resolve("out");
        Path blocked = block(out.resolve("summary.csv"));

        BatchResult r = run(out, subs);

        assertEquals(3, r.graded());
        assertEquals(1, r.failedWrites());
        assertTrue(r.failedWrite().startsWith(blocked + ": "), r.failedWrite());
        assertTrue(Files.isRegularFile(out.resolve("report.html")));
        assertEquals("output-failed", Json.mapper().readTree(out.resolve("summary.json").toFile())
                .at("/run/status").asText());
    }
}
