package dev.grader.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.grader.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("A bad bank is reported in one line naming the file and line")
class BadBankTest {

    @TempDir
    Path dir;

    @Test
    void missingFile() {
        Path file = dir.resolve("nope.txt");
        assertEquals(file + ": no such file", message(file));
    }

    @Test
    void directory() {
        assertEquals(dir + ": is a directory, expected a question bank file", message(dir));
    }

    @Test
    void bankWithoutQuestions() throws Exception {
        Path file = write("empty.txt", "Just a title¶\nSome prose but no questions.\n");
        assertEquals(file + ": no questions found (expected lines such as 'Q1. What is ...?', '### Q1. ...' in "
                + "Markdown, or one JSON object per line)", message(file));
    }

    @Test
    void questionWithoutModelAnswer() throws Exception {
        Path file = write("bank.txt", "Title¶\nJunior¶\nQ1. First?¶\nModel answer. It works like this.\n"
                + "Q2. Second?¶\nFollow-up. And then? Then nothing.\n");
        assertEquals(file + ": line 5: question Q2 has no model answer", message(file));
    }

    @Test
    void jsonQuestionWithoutModelAnswer() throws Exception {
        Path file = write("bank.jsonl", "{\"id\": \"A\", \"question\": \"Why?\", \"modelAnswer\": \"Because.\"}\n"
                + "{\"id\": \"B\", \"question\": \"How?\"}\n");
        assertEquals(file + ": line 2: missing field 'modelAnswer'", message(file));
    }

    @Test
    void duplicateQuestionIds() throws Exception {
        Path file = write("bank.txt", "Title¶\nQ1. First?¶\nModel answer. One thing happens here.\n"
                + "Q1. Again?¶\nModel answer. Another thing happens here.\n");
        assertEquals(file + ": line 4: duplicate question id 'Q1' (first at line 2)", message(file));
    }

    @Test
    void malformedJsonLineNamesLineAndColumn() throws Exception {
        Path file = write("bank.jsonl", "{\"id\": \"A\", \"question\": \"Why?\", \"modelAnswer\": \"Because.\"}\n"
                + "{\"id\": \"B\", \"question\": \"How?\" \"modelAnswer\": \"So.\"}\n");
        String message = message(file);
        assertEquals(file + ": line 2, column 32: malformed JSON: Unexpected character ('\"' (code 34)): was "
                + "expecting comma to separate Object entries", message);
    }

    @Test
    void wrongTypeOfField() throws Exception {
        Path file = write("bank.jsonl", "{\"id\": \"A\", \"question\": \"Why?\", \"modelAnswer\": \"B.\", "
                + "\"followUps\": \"not a list\"}\n");
        assertEquals(file + ": line 1: field 'followUps' must be an array", message(file));
    }

    @Test
    void notUtf8() throws Exception {
        Path file = dir.resolve("latin1.txt");
        Files.write(file, "Title¶\nQ1. Caf\u00e9?¶\nModel answer. Oui.\n".getBytes(StandardCharsets.ISO_8859_1));
        assertEquals(file + ": line 1: not valid UTF-8 (byte 0xB6 at offset 5); save the bank as UTF-8",
                message(file));
    }

    @Test
    void unclosedCodeFenceInMarkdown() throws Exception {
        Path file = write("bank.md", "# Title\n\n### Q1. Why?\n\n**Model answer.** Because.\n\n```go\nfunc f() {}\n");
        assertEquals(file + ": line 7: code fence ``` is never closed", message(file));
    }

    static final String Q = "\"question\": \"What does Server.Shutdown do?\", \"modelAnswer\": \"Shutdown stops "
            + "accepting new connections and waits for in-flight requests to finish before returning.\"";

    @Test
    void textAfterTheArrayIsRefused() throws Exception {
        Path file = write("bank.json", "[\n{\"id\": \"Q1\", " + Q + "}\n] junk\n");
        assertEquals(file + ": line 3, column 3: unexpected text after the JSON array's closing ']'", message(file));
    }

    @Test
    void textAfterALinesObjectIsRefused() throws Exception {
        Path file = write("bank.jsonl", "{\"id\": \"Q1\", " + Q + "} {\"id\": \"Q2\"}\n");
        assertEquals(file + ": line 1, column " + ("{\"id\": \"Q1\", " + Q + "} {").length() + ": unexpected text "
                + "after the question's closing '}' (one question object a line)", message(file));
    }

    @Test
    void aKeyGivenTwiceIsRefused() throws Exception {
        Path file = write("bank.jsonl", "{\"id\": \"Q1\", \"id\": \"Q2\", " + Q + "}\n");
        assertEquals(file + ": line 1, column 18: field 'id' is given twice", message(file));
    }

    @Test
    void aKeyGivenTwiceInAnArrayElementIsRefusedWithItsLine() throws Exception {
        Path file = write("bank.json", "[\n{\"id\": \"Q1\", " + Q + "},\n{\"id\": \"Q2\", " + Q + ", "
                + "\"level\": \"a\", \"level\": \"b\"}\n]\n");
        assertEquals(file + ": line 3, column " + (("{\"id\": \"Q2\", " + Q + ", \"level\": \"a\", \"level\"").length() + 1)
                + ": field 'level' is given twice", message(file));
    }

    @Test
    void valuesOfTheWrongTypeAreRefusedWithTheirField() throws Exception {
        assertEquals("line 1: field 'level' must be a string such as \"senior\", found a number",
                problem("{\"id\": \"Q1\", " + Q + ", \"level\": 1e999999999}"));
        assertEquals("line 1: field 'level' must be a string such as \"senior\", found an array",
                problem("{\"id\": \"Q1\", " + Q + ", \"level\": []}"));
        assertEquals("line 1: field 'id' must be a string, found a number", problem("{\"id\": 1, " + Q + "}"));
        assertEquals("line 1: field 'question' must be a string, found an object",
                problem("{\"id\": \"Q1\", \"question\": {}, \"modelAnswer\": \"Because.\"}"));
        assertEquals("line 1: field 'wrongAnswers' items must be strings or {\"text\", \"correction\"}",
                problem("{\"id\": \"Q1\", " + Q + ", \"wrongAnswers\": [{\"text\": [\"x\"]}]}"));
        assertEquals("line 1: field 'followUps' items must be strings or {\"question\", \"answer\"}",
                problem("{\"id\": \"Q1\", " + Q + ", \"followUps\": [{\"question\": \"Why?\", \"answer\": 3}]}"));
    }

    @Test
    void anArrayElementOfTheWrongTypeNamesItsLine() throws Exception {
        Path file = write("bank.json", "[\n{\"id\": \"Q1\", " + Q + "},\n\n{\"id\": 2, " + Q + "}\n]\n");
        assertEquals(file + ": line 4: element 1: field 'id' must be a string, found a number", message(file));
    }

    @Test
    void aBankOverTheLimitIsRefusedBeforeItIsHeld() {
        Path zero = Path.of("/dev/zero");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(zero), "needs /dev/zero");
        assertEquals("/dev/zero: larger than 16 MB, the limit for a question bank", message(zero));
    }

    @Test
    void aJsonLineOverTheLineLimitIsRefused() throws Exception {
        Path file = write("bank.jsonl", "{\"id\": \"Q1\", " + Q + "}\n{\"id\": \"Q2\", \"question\": \""
                + "x".repeat(dev.grader.internal.LineReader.MAX_LINE_BYTES) + "\"}\n");
        assertEquals(file + ": line 2: longer than 4 MB, the limit for one line", message(file));
    }

    private String problem(String line) throws Exception {
        Path file = write("bank.jsonl", line + "\n");
        String message = message(file);
        return message.substring(file.toString().length() + 2);
    }

    private Path write(String name, String content) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, content);
        return file;
    }

    private static String message(Path file) {
        return assertThrows(InvalidInputException.class, () -> BankCompiler.compile(file)).getMessage();
    }
}
