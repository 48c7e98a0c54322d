package dev.grader.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.grader.InvalidInputException;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GoldReaderTest {

    private static final String GOOD = """
            {"id": "a1", "question": "Q1", "answer": "one goroutine per connection", "score": 4.5, "scale": 5, "kind": "full", "misconceptions": [], "covered": ["x"]}
            {"id": "a2", "question": "beetle-1", "answer": "", "score": 0, "scale": 1, "label": "contradictory"}
            """;

    @Nested
    class ValidFiles {

        @Test
        void readsRequiredAndOptionalFieldsAndIgnoresOthers() {
            List<GoldAnswer> answers = GoldReader.parse(GOOD, "gold.jsonl");
            assertEquals(2, answers.size());
            GoldAnswer first = answers.get(0);
            assertEquals(new GoldAnswer("a1", "Q1", "one goroutine per connection", 4.5, 5, null, "full", List.of(), 1),
                    first);
            assertEquals(0.9, first.fraction(), 1e-12);
            GoldAnswer second = answers.get(1);
            assertEquals("contradictory", second.label());
            assertNull(second.kind());
            assertNull(second.misconceptions());
            assertEquals("", second.answer());
            assertEquals(2, second.line());
        }

        @Test
        void skipsBlankLinesButKeepsCountingThem() {
            List<GoldAnswer> answers = GoldReader.parse("\n" + GOOD.replace("}\n{", "}\n\n{"), "gold.jsonl");
            assertEquals(List.of(2, 4), answers.stream().map(GoldAnswer::line).toList());
        }

        @Test
        void readsTheSeedFixtureFromDisk() throws URISyntaxException {
            Path file = Path.of(GoldReaderTest.class.getResource("/eval/gold-seed.jsonl").toURI());
            List<GoldAnswer> answers = GoldReader.read(file);
            assertEquals(20, answers.size());
            assertEquals("A-Q1-1", answers.get(0).id());
            assertTrue(answers.stream().allMatch(a -> a.scale() == 5 && a.kind() != null));
        }
    }

    @Nested
    class BadFiles {

        @Test
        void aMalformedLineNamesFileLineAndColumn() {
            String text = GOOD + "{\"id\": \"a3\", \"question\" \"Q1\"}\n";
            InvalidInputException e = assertThrows(InvalidInputException.class, () -> GoldReader.parse(text, "gold.jsonl"));
            assertEquals("gold.jsonl", e.source());
            assertEquals("line 3, column 25", e.location());
            assertTrue(e.problem().startsWith("malformed JSON: Unexpected character"), e.problem());
            assertTrue(e.getMessage().startsWith("gold.jsonl: line 3, column 25: malformed JSON: "), e.getMessage());
            assertEquals(1, e.getMessage().lines().count());
        }

        @Test
        void aMissingRequiredFieldIsNamed() {
            assertMessage("gold.jsonl: line 1: missing required field 'score'",
                    "{\"id\": \"a\", \"question\": \"Q1\", \"answer\": \"x\", \"scale\": 5}");
            assertMessage("gold.jsonl: line 1: missing required field 'answer'",
                    "{\"id\": \"a\", \"question\": \"Q1\", \"score\": 1, \"scale\": 5}");
            assertMessage("gold.jsonl: line 1: missing required field 'id'",
                    "{\"question\": \"Q1\", \"answer\": \"x\", \"score\": 1, \"scale\": 5}");
        }

        @Test
        void aFieldOfTheWrongTypeIsNamedWithItsColumn() {
            assertMessage("gold.jsonl: line 1, column 55: field 'score' must be a number",
                    "{\"id\": \"a\", \"question\": \"Q1\", \"answer\": \"x\", \"score\": \"5\", \"scale\": 5}");
            assertMessage("gold.jsonl: line 1, column 1: expected a JSON object with id, question, answer, score and scale",
                    "[1, 2]");
        }

        @Test
        void aScoreOutsideItsScaleIsRefused() {
            assertMessage("gold.jsonl: line 1: score 6 is outside 0..5 (the line's scale)",
                    "{\"id\": \"a\", \"question\": \"Q1\", \"answer\": \"x\", \"score\": 6, \"scale\": 5}");
            assertMessage("gold.jsonl: line 1: scale must be greater than 0, found 0",
                    "{\"id\": \"a\", \"question\": \"Q1\", \"answer\": \"x\", \"score\": 0, \"scale\": 0}");
        }

        @Test
        void nonFiniteNumbersAreRefused() {
            assertMessage("gold.jsonl: line 1: score and scale must be finite numbers, found score 1 and scale Infinity",
                    "{\"id\": \"a\", \"question\": \"Q1\", \"answer\": \"x\", \"score\": 1, \"scale\": 1e400}");
        }

        @Test
        void aNullLineOrNullMisconceptionIsNamedNotAnInternalError() {
            assertMessage("gold.jsonl: line 1: expected a JSON object with id, question, answer, score and scale, "
                    + "found null", "null");
            assertMessage("gold.jsonl: line 1: field 'misconceptions' must be a list of strings, found null in it",
                    "{\"id\": \"a\", \"question\": \"Q1\", \"answer\": \"x\", \"score\": 1, \"scale\": 1, "
                            + "\"misconceptions\": [null]}");
        }

        @Test
        void twoObjectsOnOneLineAreRefused() {
            String line = GOOD.lines().findFirst().orElseThrow();
            InvalidInputException e = assertThrows(InvalidInputException.class,
                    () -> GoldReader.parse(line + " " + line, "gold.jsonl"));
            assertTrue(e.getMessage().startsWith("gold.jsonl: line 1, column "), e.getMessage());
        }

        @Test
        void aDuplicateIdNamesBothLines() {
            String first = GOOD.lines().findFirst().orElseThrow();
            assertMessage("gold.jsonl: line 2: duplicate id 'a1' (first on line 1)", first + "\n" + first);
        }

        @Test
        void anEmptyFileHasNoAnswers() {
            assertMessage("gold.jsonl: no answers: expected one JSON object a line", "\n\n");
        }

        @Test
        void aMissingFileIsNamed(@TempDir Path dir) {
            Path missing = dir.resolve("nope.jsonl");
            InvalidInputException e = assertThrows(InvalidInputException.class, () -> GoldReader.read(missing));
            assertEquals(missing + ": no such file", e.getMessage());
        }

        @Test
        void invalidUtf8IsReportedWithItsLine(@TempDir Path dir) throws IOException {
            Path file = dir.resolve("latin1.jsonl");
            byte[] first = (GOOD.lines().findFirst().orElseThrow() + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
            byte[] second = "{\"id\": \"b\", \"answer\": \"caf\u00e9\"}\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
            byte[] all = new byte[first.length + second.length];
            System.arraycopy(first, 0, all, 0, first.length);
            System.arraycopy(second, 0, all, first.length, second.length);
            Files.write(file, all);
            InvalidInputException e = assertThrows(InvalidInputException.class, () -> GoldReader.read(file));
            assertEquals(file + ": line 2: not valid UTF-8 text", e.getMessage());
        }

        @Test
        void aLineLongerThanTheLimitIsRefusedByItsNumber(@TempDir Path dir) throws IOException {
            Path file = dir.resolve("long.jsonl");
            String line = GOOD.lines().findFirst().orElseThrow();
            String huge = "{\"id\": \"b\", \"answer\": \"" + "x".repeat(dev.grader.internal.LineReader.MAX_LINE_BYTES)
                    + "\"}";
            Files.writeString(file, line + "\n" + huge + "\n" + line.replace("a1", "a3") + "\n");
            InvalidInputException e = assertThrows(InvalidInputException.class, () -> GoldReader.read(file));
            assertEquals(file + ": line 2: longer than 4 MB, the limit for one line", e.getMessage());
        }

        @Test
        void devZeroIsRefusedAfterOneLineLimit() {
            Path zero = Path.of("/dev/zero");
            org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(zero), "needs /dev/zero");
            InvalidInputException e = assertThrows(InvalidInputException.class, () -> GoldReader.read(zero));
            assertEquals("/dev/zero: line 1: longer than 4 MB, the limit for one line", e.getMessage());
        }

        @Test
        void loneCarriageReturnsEndLines() {
            String crOnly = GOOD.replace("\n", "\r");
            assertEquals(2, GoldReader.parse(crOnly, "gold.jsonl").size());
        }

        private void assertMessage(String expected, String text) {
            InvalidInputException e = assertThrows(InvalidInputException.class, () -> GoldReader.parse(text, "gold.jsonl"));
            assertEquals(expected, e.getMessage());
        }
    }
}
