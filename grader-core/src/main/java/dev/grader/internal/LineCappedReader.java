package dev.grader.internal;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

/**
 * A reader that fails as soon as one line grows past a limit, so a parser reading through it (Commons CSV)
 * never holds more than that of one line; a byte order mark at the start is dropped. Lines end at LF or CR.
 */
public final class LineCappedReader extends FilterReader {

    /** A line longer than the limit; {@link #line()} is its 1-based number. */
    public static final class LineTooLongException extends IOException {

        private final int line;

        LineTooLongException(int line) {
            super("line " + line + " is too long");
            this.line = line;
        }

        public int line() {
            return line;
        }
    }

    private final int maxChars;
    private int column;
    private int line = 1;
    private boolean started;
    private boolean afterCr;

    public LineCappedReader(Reader in, int maxChars) {
        super(in);
        this.maxChars = maxChars;
    }

    @Override
    public int read() throws IOException {
        char[] one = new char[1];
        return read(one, 0, 1) < 0 ? -1 : one[0];
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n <= 0) {
            return n;
        }
        if (!started) {
            started = true;
            if (buffer[offset] == '\uFEFF') {
                System.arraycopy(buffer, offset + 1, buffer, offset, n - 1);
                n--;
                if (n == 0) {
                    return read(buffer, offset, length);
                }
            }
        }
        for (int i = offset; i < offset + n; i++) {
            char c = buffer[i];
            if (c == '\n' || c == '\r') {
                if (!(c == '\n' && afterCr)) {
                    line++;
                }
                column = 0;
            } else if (++column > maxChars) {
                throw new LineTooLongException(line);
            }
            afterCr = c == '\r';
        }
        return n;
    }
}
