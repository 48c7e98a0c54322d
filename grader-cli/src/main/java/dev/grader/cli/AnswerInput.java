package dev.grader.cli;

import dev.grader.InvalidInputException;
import dev.grader.internal.IoErrors;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Reads an answer from a file or a stream, in bounded memory and time: at most {@link #MAX_BYTES} are read
 * (grader grades far less: the first 32,768 chars), whatever the size of the file or the pipe. The text must be
 * UTF-8; a byte-order mark is dropped. Every failure is an {@link InvalidInputException} naming the source.
 */
final class AnswerInput {

    /** 4 MiB: far beyond any real answer, small enough to hold. */
    static final int MAX_BYTES = 4 * 1024 * 1024;

    static final String STDIN = "standard input";

    /**
     * An answer as read.
     *
     * @param text   the decoded text
     * @param source the file name, or {@value #STDIN}
     * @param capped whether the input was longer than {@link #MAX_BYTES} and only its beginning was read
     */
    record Answer(String text, String source, boolean capped) {

        /** The note to print when the input was cut. */
        String capNote() {
            return source + ": larger than " + MAX_BYTES / (1024 * 1024) + " MB; read only its first "
                    + MAX_BYTES / (1024 * 1024) + " MB";
        }
    }

    private AnswerInput() {
    }

    static Answer fromFile(Path file) {
        String name = file.toString();
        if (name.isEmpty()) {
            throw new InvalidInputException("-f", null, "empty file name");
        }
        if (Files.isDirectory(file)) {
            throw new InvalidInputException(name, null, "is a directory, expected an answer file");
        }
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, name);
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(name, null, "no such file");
        } catch (IOException e) {
            throw new InvalidInputException(name, null, "cannot read: " + IoErrors.reason(e), e);
        }
    }

    static Answer fromStream(InputStream in) {
        try {
            return read(in, STDIN);
        } catch (IOException e) {
            throw new InvalidInputException(STDIN, null, "cannot read: " + IoErrors.reason(e), e);
        }
    }

    private static Answer read(InputStream in, String source) throws IOException {
        byte[] bytes = in.readNBytes(MAX_BYTES + 1);
        boolean capped = bytes.length > MAX_BYTES;
        int length = capped ? MAX_BYTES : bytes.length;
        return new Answer(decode(bytes, length, source, capped), source, capped);
    }

    /**
     * Strict UTF-8. When the input was cut, a character split by the cut is dropped rather than reported.
     */
    static String decode(byte[] bytes, int length, String source, boolean cut) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, 0, length);
        CharBuffer out = CharBuffer.allocate(length);
        CoderResult result = decoder.decode(in, out, !cut);
        if (!result.isError()) {
            result = cut ? CoderResult.UNDERFLOW : decoder.flush(out);
        }
        if (result.isError()) {
            int at = in.position();
            throw new InvalidInputException(source, "line " + line(bytes, at), String.format(Locale.ROOT,
                    "not valid UTF-8 (byte 0x%02X at offset %d); save the answer as UTF-8", bytes[at] & 0xff, at));
        }
        out.flip();
        String text = out.toString();
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static int line(byte[] bytes, int end) {
        int line = 1;
        for (int i = 0; i < end; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }
}
