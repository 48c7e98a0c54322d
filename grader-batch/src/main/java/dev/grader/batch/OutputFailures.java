package dev.grader.batch;

import dev.grader.internal.IoErrors;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The writes of a batch's output that failed. The first one stops the run: a full device or a folder that
 * cannot be written fails every later write too, and grading on (maybe paying a model for it) into the void
 * would lose the work. Thread-safe: workers record, the run reads.
 */
final class OutputFailures {

    /** The first failed write. */
    record First(Path file, String reason) {
    }

    private final AtomicInteger count = new AtomicInteger();
    private final AtomicReference<First> first = new AtomicReference<>();

    void record(Path file, IOException e) {
        count.incrementAndGet();
        first.compareAndSet(null, new First(file, IoErrors.reason(e)));
    }

    /** Whether a write failed: then no candidate starts and those in progress stop. */
    boolean stopped() {
        return count.get() > 0;
    }

    int count() {
        return count.get();
    }

    First first() {
        return first.get();
    }
}
