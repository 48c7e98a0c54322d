package dev.grader.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * Standard output that remembers why a write failed. PrintWriter swallows write errors, so without this a full
 * disk would pass for success; and a reader that stopped early ({@code grader show | head}) must end grader
 * quietly, as SIGPIPE ends other command-line tools, rather than with an error message.
 */
final class StandardOutput extends OutputStream {

    /** What a shell reports for a process ended by SIGPIPE: 128 + 13. */
    static final int BROKEN_PIPE = 141;

    private final OutputStream out;
    private volatile IOException failure;

    StandardOutput(OutputStream out) {
        this.out = out;
    }

    /** UTF-8 standard output of this process. */
    static StandardOutput system() {
        return new StandardOutput(new FileOutputStream(FileDescriptor.out));
    }

    PrintWriter writer() {
        return new PrintWriter(new OutputStreamWriter(this, StandardCharsets.UTF_8), false);
    }

    @Override
    public void write(int b) throws IOException {
        try {
            out.write(b);
        } catch (IOException e) {
            throw remember(e);
        }
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        try {
            out.write(b, off, len);
        } catch (IOException e) {
            throw remember(e);
        }
    }

    @Override
    public void flush() throws IOException {
        try {
            out.flush();
        } catch (IOException e) {
            throw remember(e);
        }
    }

    private IOException remember(IOException e) {
        if (failure == null) {
            failure = e;
        }
        return e;
    }

    /** The first write failure, or null. */
    IOException failure() {
        return failure;
    }

    /** Whether the reader went away (a closed pipe), as opposed to the output failing (a full disk). */
    boolean readerGone() {
        return failure != null && failure.getMessage() != null && failure.getMessage().contains("Broken pipe");
    }
}
