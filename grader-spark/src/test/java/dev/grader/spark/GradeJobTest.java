package dev.grader.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GradeJobTest {

    @TempDir
    Path tmp;

    @Test
    void jsonLines() throws Exception {
        Path rubric = JobRun.shippedRubric(tmp);
        Path input = tmp.resolve("answers.jsonl");
        Files.writeString(input, """
                {"candidate": "ann", "question": "Q4", "answer": "Shutdown waits for in-flight requests; Close drops them"}
                {"candidate": "ann", "question": "1", "answer": "Each connection gets its own goroutine."}
                {"candidate": "bob", "question": "Q4", "answer": ""}
                {"candidate": "bob", "question": "Q99", "answer": "hmm"}
                not json
                """);
        JobRun run = JobRun.of(tmp.resolve("out"), "--rubric", rubric.toString(), "--input", input.toString(),
                "--no-embeddings");
        System.out.println(run);
        run.table("answers").show(false);
        run.table("candidates").show(false);
        run.table("problems").show(false);
        run.table("cohort/questions").show(false);
        run.table("cohort/summary").show(false);
        assertEquals(1, run.exitCode, run.toString());
    }
}
