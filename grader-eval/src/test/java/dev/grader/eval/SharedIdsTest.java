package dev.grader.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.grader.InvalidInputException;
import dev.grader.compile.BankCompiler;
import dev.grader.rubric.Rubric;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SharedIdsTest {

    @TempDir
    Path dir;

    private Path bank() throws Exception {
        Path file = dir.resolve("bank.jsonl");
        Files.writeString(file, """
                {"id": "X", "question": "What is frame bursting?", "modelAnswer": "Frame bursting sends a concatenated sequence of frames in one transmission."}
                {"id": "Y", "question": "Why?", "modelAnswer": "Because buffers fill."}
                {"id": "X", "question": "What is the problem with distributed queue dual buses?", "modelAnswer": "Stations at the ends of the bus are treated unfairly when reserving."}
                """);
        return file;
    }

    @Test
    void theStrictCompilerRefusesASharedIdAndTheLenientOneNumbersIt() throws Exception {
        assertThrows(InvalidInputException.class, () -> BankCompiler.compile(bank()));
        Rubric rubric = BankCompiler.compileKeepingDuplicateIds(bank());
        assertEquals(List.of("X", "Y", "X#2"), rubric.questionIds());
        assertEquals(Map.of("X", List.of("X", "X#2")), BankCompiler.duplicatesOf(rubric));
    }

    @Test
    void anAnswerGoesToTheQuestionItSharesMostWordsWith() throws Exception {
        SharedIds shared = new SharedIds(BankCompiler.compileKeepingDuplicateIds(bank()));
        assertEquals("X", shared.resolve("X", "The sender concatenates several frames into one transmission."));
        assertEquals("X#2", shared.resolve("X", "Stations at the end of the dual bus are at a disadvantage."));
        assertEquals("Y", shared.resolve("Y", "anything"));
    }
}
