package dev.grader.internal;

import dev.grader.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Reads input files in bounded memory and decodes them strictly. A file is read up to a limit and refused beyond
 * it ({@code /dev/zero} included); a named pipe or process substitution ({@code <(...)}) is read like standard
 * input, to its end, under the same limit. Text is UTF-8, or UTF-16 with a byte order mark (what some Windows
 * editors save as "Unicode"); a wrong byte is reported with its line and byte offset.
 */
public final class InputFiles {

    private InputFiles() {
    }

    /**
     * The bytes of a file, at most {@code maxBytes}.
     *
     * @param kind what the file is, for messages ("question bank", "rubric")
     * @throws InvalidInputException if the file is missing, a directory, unreadable or larger than the limit
     */
    public static byte[] read(Path file, int maxBytes, String kind) {
        String source = file.toString();
        if (Files.isDirectory(file)) {
            throw new InvalidInputException(source, null, "is a directory, expected a " + kind + " file");
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(maxBytes + 1);
            if (bytes.length > maxBytes) {
                throw new InvalidInputException(source, null, "larger than " + megabytes(maxBytes)
                        + ", the limit for a " + kind);
            }
            return bytes;
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(source, null, "no such file");
        } catch (IOException e) {
            throw new InvalidInputException(source, null, "cannot read: " + IoErrors.reason(e), e);
        }
    }

    /** {@code 16 MB}, {@code 512 kB}. */
    public static String megabytes(long bytes) {
        return bytes >= 1 << 20 ? (bytes >> 20) + " MB" : (bytes >> 10) + " kB";
    }

    /**
     * Text with a byte order mark honoured (UTF-8, UTF-16 LE or BE) and dropped; UTF-8 without one.
     *
     * @param saveAs what to tell the user to save, such as "the bank"
     * @throws InvalidInputException naming the line and byte offset of the first wrong byte
     */
    public static String decode(byte[] bytes, String source, String saveAs) {
        if (startsWith(bytes, 0xFF, 0xFE)) {
            return strict(bytes, 2, StandardCharsets.UTF_16LE, source, saveAs);
        }
        if (startsWith(bytes, 0xFE, 0xFF)) {
            return strict(bytes, 2, StandardCharsets.UTF_16BE, source, saveAs);
        }
        return decodeUtf8(bytes, source, saveAs);
    }

    /** Strict UTF-8, a byte order mark dropped; errors name the line and byte offset. */
    public static String decodeUtf8(byte[] bytes, String source, String saveAs) {
        return strict(bytes, startsWith(bytes, 0xEF, 0xBB, 0xBF) ? 3 : 0, StandardCharsets.UTF_8, source, saveAs);
    }

    private static String strict(byte[] bytes, int offset, Charset charset, String source, String saveAs) {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, offset, bytes.length - offset);
        CharBuffer out = CharBuffer.allocate((int) Math.ceil((bytes.length - offset) * (double) decoder.maxCharsPerByte()) + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        out.flip();
        if (result.isError()) {
            int at = in.position();
            String bad = at < bytes.length ? String.format(Locale.ROOT, "byte 0x%02X", bytes[at] & 0xFF) : "end of file";
            String name = charset == StandardCharsets.UTF_8 ? "UTF-8" : "UTF-16";
            throw new InvalidInputException(source, "line " + lines(out), "not valid " + name + " (" + bad
                    + " at offset " + at + "); save " + saveAs + " as UTF-8");
        }
        return out.toString();
    }

    /** The line the text ends on: line breaks are LF, CRLF or a lone CR. */
    private static int lines(CharSequence text) {
        int line = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n')) {
                line++;
            }
        }
        return line;
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
