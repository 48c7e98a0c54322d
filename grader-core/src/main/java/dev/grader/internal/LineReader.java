package dev.grader.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * The lines of a stream as bytes, one at a time, each at most a limit long: reading stops at the limit and the
 * line is reported as too long (a 300 MB line, or {@code /dev/zero}, costs a 4 MB buffer, not gigabytes); the
 * caller refuses it or skips the rest of it. Lines end at LF, CRLF or a lone CR. Splitting on bytes lets callers
 * decode each line on its own, so a bad byte is reported on its line.
 */
public final class LineReader {

    /** The longest line the JSON Lines and CSV readers hold: far beyond any real answer row. */
    public static final int MAX_LINE_BYTES = 4 << 20;

    private final InputStream in;
    private final int maxBytes;
    private byte[] buffer = new byte[8192];
    private int length;
    private int lineNumber;
    private boolean tooLong;
    private int pending = -2; // a byte read ahead (after a CR, or past the limit); -2: none

    public LineReader(InputStream in, int maxBytes) {
        this.in = in;
        this.maxBytes = maxBytes;
    }

    /**
     * Reads the next line, or its first {@code maxBytes} when it is longer ({@link #tooLong()}); false at the end
     * of the stream.
     */
    public boolean next() throws IOException {
        length = 0;
        tooLong = false;
        int b = read();
        if (b < 0) {
            return false;
        }
        lineNumber++;
        while (b >= 0 && !endOfLine(b)) {
            if (length == maxBytes) {
                tooLong = true;
                pending = b;
                return true;
            }
            if (length == buffer.length) {
                buffer = Arrays.copyOf(buffer, Math.min(maxBytes, buffer.length * 2));
            }
            buffer[length++] = (byte) b;
            b = read();
        }
        return true;
    }

    /** Reads past the rest of a line that was too long, without holding it. */
    public void skipRest() throws IOException {
        int b = read();
        while (b >= 0 && !endOfLine(b)) {
            b = read();
        }
    }

    private int read() throws IOException {
        if (pending != -2) {
            int b = pending;
            pending = -2;
            return b;
        }
        return in.read();
    }

    /** Whether {@code b} ends a line; after a CR, the LF of a CRLF is consumed. */
    private boolean endOfLine(int b) throws IOException {
        if (b == '\n') {
            return true;
        }
        if (b == '\r') {
            int after = in.read();
            if (after != '\n') {
                pending = after;
            }
            return true;
        }
        return false;
    }

    /** The 1-based number of the current line. */
    public int lineNumber() {
        return lineNumber;
    }

    /** Whether the current line was longer than the limit; its bytes are then only its beginning. */
    public boolean tooLong() {
        return tooLong;
    }

    public byte[] buffer() {
        return buffer;
    }

    public int length() {
        return length;
    }

    /** {@code longer than 4 MB, the limit for one line}. */
    public String tooLongReason() {
        return "longer than " + InputFiles.megabytes(maxBytes) + ", the limit for one line";
    }
}
