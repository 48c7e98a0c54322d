package dev.grader.cli.quiz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class AnswerReaderTest {

    private static AnswerReader reader(String text) {
        return new AnswerReader(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static AnswerReader.Answer read(AnswerReader reader) {
        return reader.read(() -> { });
    }

    @Test
    void anEmptyLineEndsAnAnswerOfSeveralLines() {
        AnswerReader reader = reader("first line\nsecond line\n\nnext answer\n");

        assertEquals(new AnswerReader.Answer("first line\nsecond line", false, false), read(reader));
        assertEquals(new AnswerReader.Answer("next answer", true, false), read(reader));
        assertNull(read(reader));
    }

    @Test
    void aLineOfSpacesCountsAsEmptyAndWindowsLineEndsAreAccepted() {
        AnswerReader reader = reader("one\r\ntwo\r\n  \t\r\nthree");

        assertEquals(new AnswerReader.Answer("one\ntwo", false, false), read(reader));
        assertEquals(new AnswerReader.Answer("three", true, false), read(reader));
    }

    @Test
    void anEmptyFirstLineIsAnEmptyAnswerAndTheEndOfInputIsNoAnswer() {
        AnswerReader reader = reader("\n");

        assertEquals(new AnswerReader.Answer("", false, false), read(reader));
        assertNull(read(reader));
        assertNull(read(reader));
    }

    @Test
    void promptsBeforeEachLine() {
        AtomicInteger prompts = new AtomicInteger();

        reader("a\nb\n\n").read(prompts::incrementAndGet);

        assertEquals(3, prompts.get());
    }

    @Test
    void keepsAtMostTheLimitOfAnEndlessLine() {
        InputStream huge = new InputStream() {
            private long left = 10L * AnswerReader.MAX_CHARS;

            @Override
            public int read() {
                return left-- > 0 ? 'a' : left == -1 ? '\n' : -1;
            }
        };

        AnswerReader.Answer answer = new AnswerReader(huge).read(() -> { });

        assertEquals(AnswerReader.MAX_CHARS, answer.text().length());
        assertEquals(true, answer.cut());
    }

    @Test
    void bytesThatAreNotUtf8BecomeReplacementCharacters() {
        AnswerReader reader = new AnswerReader(new ByteArrayInputStream(new byte[] {'o', 'k', (byte) 0xff, '\n'}));

        assertEquals("ok\uFFFD", read(reader).text());
    }
}
