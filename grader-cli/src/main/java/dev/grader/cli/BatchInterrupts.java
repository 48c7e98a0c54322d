package dev.grader.cli;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl-C (SIGINT) and SIGTERM during {@code grader batch}. The JVM answers both by running shutdown hooks and
 * then halting, so the hook installed here cancels the batch and holds the JVM until the command has written the
 * summary of what is done and said so on the console ({@link #close()}), or {@link #MAX_WAIT} has passed. The
 * process then exits with the signal's status: 130 for Ctrl-C, 143 for SIGTERM.
 *
 * <p>Close it when the command is done (try-with-resources): that removes the hook, or, when a signal already
 * came, lets the waiting hook return.
 */
final class BatchInterrupts implements AutoCloseable {

    /** Longest wait for the summaries after a signal: a stuck run must not make Ctrl-C useless. */
    static final Duration MAX_WAIT = Duration.ofSeconds(30);

    private final CountDownLatch done = new CountDownLatch(1);
    private final Thread hook;
    private volatile boolean signalled;

    private BatchInterrupts(Runnable cancel) {
        this.hook = new Thread(() -> {
            signalled = true;
            cancel.run();
            try {
                done.await(MAX_WAIT.toSeconds(), TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "grader-batch-interrupt");
    }

    /** Installs the hook: a signal from now on calls {@code cancel} and waits for {@link #close()}. */
    static BatchInterrupts install(Runnable cancel) {
        BatchInterrupts interrupts = new BatchInterrupts(cancel);
        Runtime.getRuntime().addShutdownHook(interrupts.hook);
        return interrupts;
    }

    /** Whether a signal came (the JVM is shutting down). */
    boolean signalled() {
        return signalled;
    }

    @Override
    public void close() {
        done.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // The JVM is shutting down and the hook is running: counting down above lets it return.
        }
    }
}
