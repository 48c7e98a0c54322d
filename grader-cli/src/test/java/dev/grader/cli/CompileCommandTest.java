package dev.grader.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.grader.Rubrics;
import dev.grader.compile.BankCompiler;
import dev.grader.rubric.Rubric;
import dev.grader.rubric.RubricWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompileCommandTest {

    @TempDir
    Path dir;

    @Test
    void compilesAJsonLinesBankToStandardOutput() {
        Path bank = Cli.copy("bank.jsonl", dir);

        Cli.Result r = Cli.run("compile", bank.toString());

        assertEquals(0, r.exitCode(), r.err());
        assertEquals("", r.err());
        assertEquals(RubricWriter.toJson(BankCompiler.compile(bank)), r.out());
        Rubric rubric = Rubrics.fromString(r.out(), "stdout");
        assertEquals(List.of("Q1", "Q2"), rubric.questionIds());
        assertEquals("Junior", rubric.questions().get(0).level());
        assertEquals(1, rubric.questions().get(0).misconceptions().size());
        assertEquals(1, rubric.questions().get(0).followUps().size());
    }

    @Test
    void writesTheSameRubricToTheOutputFileAndConfirms() throws IOException {
        Path bank = Cli.copy("bank.jsonl", dir);
        Path output = dir.resolve("rubrics/bank.json");

        Cli.Result r = Cli.run("compile", bank.toString(), "-o", output.toString());

        assertEquals(0, r.exitCode(), r.err());
        Rubric rubric = BankCompiler.compile(bank);
        assertEquals(RubricWriter.toJson(rubric), Files.readString(output, StandardCharsets.UTF_8));
        int keyPoints = rubric.questions().stream().mapToInt(q -> q.keyPoints().size()).sum();
        assertEquals("Wrote " + output + ": 2 questions, " + keyPoints + " key points, 1 misconception, 1 follow-up.\n",
                r.out());
        assertEquals("", r.err());
    }

    @Test
    void aFailingCompileCreatesNoOutputFile() throws IOException {
        Path bank = Cli.copy("bad-bank.jsonl", dir);
        Path output = dir.resolve("out.json");

        Cli.Result r = Cli.run("compile", bank.toString(), "-o", output.toString());

        assertEquals(2, r.exitCode());
        assertTrue(r.err().startsWith("grader: " + bank + ": line 2, column "), r.err());
        assertTrue(r.err().contains(": malformed JSON: "), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertEquals("", r.out());
        assertFalse(Files.exists(output));
        assertEquals(List.of("bad-bank.jsonl"), fileNames(dir));
    }

    @Test
    void aFailingCompileLeavesAnExistingOutputFileAlone() throws IOException {
        Path bank = Cli.copy("bad-bank.jsonl", dir);
        Path output = Cli.write(dir.resolve("out.json"), "{\"previous\": true}\n");

        Cli.Result r = Cli.run("compile", bank.toString(), "-o", output.toString());

        assertEquals(2, r.exitCode());
        assertEquals("{\"previous\": true}\n", Files.readString(output));
        assertEquals(List.of("bad-bank.jsonl", "out.json"), fileNames(dir));
    }

    @Test
    void missingBank() {
        Path bank = dir.resolve("nope.txt");

        Cli.Result r = Cli.run("compile", bank.toString());

        assertEquals(2, r.exitCode());
        assertEquals("grader: " + bank + ": no such file\n", r.err());
        assertEquals("", r.out());
    }

    @Test
    void directoryInsteadOfBank() {
        Cli.Result r = Cli.run("compile", dir.toString());

        assertEquals(2, r.exitCode());
        assertEquals("grader: " + dir + ": is a directory, expected a question bank file\n", r.err());
    }

    @Test
    void anEndlessBankIsRefusedAtTheSizeLimitInOneLine() {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(Path.of("/dev/zero")), "needs /dev/zero");

        Cli.Result r = Cli.run("compile", "/dev/zero");

        assertEquals(2, r.exitCode());
        assertEquals("grader: /dev/zero: larger than 16 MB, the limit for a question bank\n", r.err());
    }

    @Test
    void directoryAsOutputIsRefusedBeforeCompiling() {
        Path bank = Cli.copy("bank.jsonl", dir);

        Cli.Result r = Cli.run("compile", bank.toString(), "-o", dir.toString());

        assertEquals(2, r.exitCode());
        assertEquals("grader: " + dir + ": is a directory, expected a file for -o\n", r.err());
    }

    @Test
    void theBankItselfIsNeverOverwritten() throws IOException {
        Path bank = Cli.copy("bank.jsonl", dir);

        Cli.Result r = Cli.run("compile", bank.toString(), "--output", bank.toString());

        assertEquals(2, r.exitCode());
        assertEquals("grader: " + bank + ": is the question bank itself; choose another file for -o\n", r.err());
        assertEquals(Cli.resource("bank.jsonl"), Files.readString(bank));
    }

    @Test
    void unwritableOutputIsAnInputError() throws IOException {
        Path bank = Cli.copy("bank.jsonl", dir);
        Path blocker = Cli.write(dir.resolve("blocker"), "a file, not a directory\n");
        Path output = blocker.resolve("rubric.json");

        Cli.Result r = Cli.run("compile", bank.toString(), "-o", output.toString());

        assertEquals(2, r.exitCode());
        assertTrue(r.err().startsWith("grader: " + output + ": cannot write: "), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
    }

    private static List<String> fileNames(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
