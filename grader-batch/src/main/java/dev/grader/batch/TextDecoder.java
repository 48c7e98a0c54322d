package dev.grader.batch;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Turns a text submission's bytes into text, or says why it is not text: empty, binary (NUL bytes, a PDF or a
 * zip archive under a text name), or not UTF-8. A UTF-8 byte order mark is dropped; UTF-16 with a byte order mark
 * (what some Windows editors save as "Unicode") is decoded.
 */
final class TextDecoder {

    private TextDecoder() {
    }

    /**
     * @throws UnreadableSubmissionException with the reason when the bytes are not usable text
     */
    static String decode(byte[] bytes) {
        if (bytes.length == 0) {
            throw new UnreadableSubmissionException("empty file");
        }
        String text;
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            text = strict(bytes, 3, StandardCharsets.UTF_8);
        } else if (startsWith(bytes, 0xFF, 0xFE)) {
            text = strict(bytes, 2, StandardCharsets.UTF_16LE);
        } else if (startsWith(bytes, 0xFE, 0xFF)) {
            text = strict(bytes, 2, StandardCharsets.UTF_16BE);
        } else {
            rejectBinary(bytes);
            text = strict(bytes, 0, StandardCharsets.UTF_8);
        }
        if (text.isBlank()) {
            throw new UnreadableSubmissionException("empty file (only white space)");
        }
        if (text.indexOf('\0') >= 0) {
            throw new UnreadableSubmissionException("binary file, not text (it contains NUL characters)");
        }
        return text;
    }

    private static void rejectBinary(byte[] bytes) {
        if (startsWith(bytes, '%', 'P', 'D', 'F')) {
            throw new UnreadableSubmissionException("a PDF file, not text: export it as .txt or .md "
                    + "(for example with pdftotext)");
        }
        if (startsWith(bytes, 'P', 'K', 3, 4)) {
            throw new UnreadableSubmissionException("a zip archive (a .docx or .odt under another name?), not text");
        }
        int scan = Math.min(bytes.length, 8192);
        for (int i = 0; i < scan; i++) {
            if (bytes[i] == 0) {
                throw new UnreadableSubmissionException("binary file, not text (it contains NUL bytes)");
            }
        }
    }

    private static String strict(byte[] bytes, int offset, Charset charset) {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, offset, bytes.length - offset);
        int capacity = (int) Math.ceil((bytes.length - offset) * (double) decoder.maxCharsPerByte()) + 1;
        CharBuffer out = CharBuffer.allocate(capacity);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int at = in.position();
            String bad = at < bytes.length ? String.format(Locale.ROOT, "0x%02X", bytes[at] & 0xFF) : "end of file";
            throw new UnreadableSubmissionException("not valid " + charset.name() + " text (byte " + bad
                    + " at offset " + at + "); save the file as UTF-8");
        }
        out.flip();
        return out.toString();
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
