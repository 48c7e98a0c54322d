package dev.grader.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A named pipe is read like standard input: to its end, waiting for its writer as long as it takes. That is what
 * makes {@code grade -f <(...)} work, and also what leaves {@code grade -f FIFO} silent when nothing writes to it.
 * So while a command reads its inputs, this says once on standard error, after a second, which pipe it is
 * waiting for; a pipe whose writer is quick never hears of it.
 */
final class PipeWait implements AutoCloseable {

    static final long NOTICE_AFTER_MILLIS = 1000;


    private final Thread notice;

    private PipeWait(Thread notice) {
        this.notice = notice;
    }

    /** Watches the inputs a command is about to read; null paths (defaults, standard input) are ignored. */
    static PipeWait watch(PrintWriter err, Path... inputs) {
        List<Path> pipes = new ArrayList<>();
        for (Path p : inputs) {
            if (p != null && isNamedPipe(p)) {
                pipes.add(p);
            }
        }
        if (pipes.isEmpty()) {
            return new PipeWait(null);
        }
        Thread t = new Thread(() -> {
            try {
                Thread.sleep(NOTICE_AFTER_MILLIS);
            } catch (InterruptedException done) {
                return;
            }
            for (Path p : pipes) {
                err.println("grader: " + p + ": a named pipe, read like standard input: waiting for its writer to "
                        + "finish (Ctrl-C to stop)");
            }
            err.flush();
        }, "grader-pipe-wait");
        t.setDaemon(true);
        t.start();
        return new PipeWait(t);
    }

    /** A FIFO, also behind a link such as {@code /dev/fd/63} from a shell's {@code <(...)}. */
    static boolean isNamedPipe(Path path) {
        return dev.grader.internal.FileKinds.of(Objects.requireNonNull(path)) == dev.grader.internal.FileKinds.Kind.NAMED_PIPE;
    }

    /** The inputs are read: no notice any more. */
    @Override
    public void close() {
        if (notice != null) {
            notice.interrupt();
        }
    }
}
