package dev.grader.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Objects;
import java.util.function.LongSupplier;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.jline.terminal.spi.SystemStream;
import org.jline.terminal.spi.TerminalProvider;

/**
 * Shows how far a long batch (grading a gold file, a folder of answers) has got, on standard error.
 *
 * <ul>
 *   <li>On a terminal: a redrawn progress bar with rate and time left (the progressbar library).</li>
 *   <li>Anywhere else (a CI log, {@code 2> file}): a plain line every few seconds,
 *       {@code graded 1200/8910 (13%) 210/s eta 0:36}, and a last line with the total time if any line was
 *       printed. A bar there would write carriage returns and colour codes into the log.</li>
 *   <li>Short runs finish before the first line is due and print nothing.</li>
 * </ul>
 *
 * <p>{@link #update} takes the count done so far; feed it from one thread (the evaluation runner reports on its
 * calling thread). Close it when the batch ends, so the bar is completed and its line ended.
 */
public final class ProgressReporter implements AutoCloseable {

    /** How often the plain form prints a line. */
    static final Duration LINE_INTERVAL = Duration.ofSeconds(5);

    private final Display display;
    private long done;
    private long total;
    private boolean closed;

    private ProgressReporter(Display display) {
        this.display = display;
    }

    /**
     * The reporter for standard error: a bar when it is a terminal, periodic lines on {@code err} otherwise.
     *
     * @param err   where plain lines go (the command's error writer)
     * @param verb  what is being done to each item, as in {@code graded 12/40}
     * @param color whether the bar may use ANSI colours ({@code --no-color} and {@code NO_COLOR} say no)
     */
    public static ProgressReporter forStderr(PrintWriter err, String verb, boolean color) {
        return stderrIsTerminal() ? new ProgressReporter(new Bar(verb, color))
                : lines(err, verb, LINE_INTERVAL, System::nanoTime);
    }

    /** Plain periodic lines on {@code out}, with the clock given (tests pass a fake one). */
    static ProgressReporter lines(PrintWriter out, String verb, Duration interval, LongSupplier nanoClock) {
        return new ProgressReporter(new Lines(out, verb, interval.toNanos(), nanoClock));
    }

    /** Reports nothing: for {@code --no-progress} and for callers that print their own. */
    public static ProgressReporter none() {
        return new ProgressReporter(new Display() {
        });
    }

    /**
     * @param done  items finished so far; a smaller count than before is ignored
     * @param total items in the batch
     */
    public synchronized void update(long done, long total) {
        if (closed || done < this.done) {
            return;
        }
        this.done = done;
        this.total = total;
        display.show(done, total);
    }

    /** Completes the display; later updates are ignored. */
    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            display.finish(done, total);
        }
    }

    /**
     * Whether standard error is an interactive terminal. Java 17 can only tell for stdin and stdout together
     * ({@code System.console()}); jline asks the OS about file descriptor 2. {@code TERM=dumb} counts as not a
     * terminal: it cannot redraw a line.
     */
    static boolean stderrIsTerminal() {
        if ("dumb".equals(System.getenv("TERM"))) {
            return false;
        }
        try {
            return TerminalProvider.load("exec").isSystemStream(SystemStream.Error);
        } catch (Exception | LinkageError e) {
            return false;
        }
    }

    /** Renders progress; both methods default to showing nothing. */
    private interface Display {

        default void show(long done, long total) {
        }

        default void finish(long done, long total) {
        }
    }

    /** Periodic plain lines with rate and time left. */
    private static final class Lines implements Display {

        private final PrintWriter out;
        private final String verb;
        private final long intervalNanos;
        private final LongSupplier clock;
        private final long start;
        private long nextLine;
        private boolean printed;

        Lines(PrintWriter out, String verb, long intervalNanos, LongSupplier clock) {
            this.out = Objects.requireNonNull(out, "out");
            this.verb = Objects.requireNonNull(verb, "verb");
            this.intervalNanos = intervalNanos;
            this.clock = clock;
            this.start = clock.getAsLong();
            this.nextLine = start + intervalNanos;
        }

        @Override
        public void show(long done, long total) {
            long now = clock.getAsLong();
            if (now - nextLine < 0 || done >= total) {
                return;
            }
            nextLine = now + intervalNanos;
            double seconds = (now - start) / 1e9;
            double rate = done / seconds;
            String eta = done == 0 ? "?" : clock((long) Math.ceil((total - done) / rate));
            print(String.format(Locale.ROOT, "%s %d/%d (%d%%) %.0f/s eta %s", verb, done, total, percent(done, total),
                    rate, eta));
        }

        @Override
        public void finish(long done, long total) {
            if (!printed) {
                return;
            }
            double seconds = (clock.getAsLong() - start) / 1e9;
            print(String.format(Locale.ROOT, "%s %d/%d (%d%%) %.0f/s in %s", verb, done, total, percent(done, total),
                    seconds > 0 ? done / seconds : 0, clock(Math.round(seconds))));
        }

        private void print(String line) {
            out.println(line);
            out.flush();
            printed = true;
        }

        private static long percent(long done, long total) {
            return total == 0 ? 100 : done * 100 / total;
        }

        /** {@code 0:36}, {@code 12:05}, {@code 1:02:09}. */
        static String clock(long seconds) {
            long h = seconds / 3600;
            long m = seconds / 60 % 60;
            long s = seconds % 60;
            return h > 0 ? String.format(Locale.ROOT, "%d:%02d:%02d", h, m, s)
                    : String.format(Locale.ROOT, "%d:%02d", m, s);
        }
    }

    /** A redrawn bar on the terminal; created at the first update, when the total is known. */
    private static final class Bar implements Display {

        private final String task;
        private final boolean color;
        private ProgressBar bar;

        Bar(String verb, boolean color) {
            this.task = verb.isEmpty() ? verb : Character.toUpperCase(verb.charAt(0)) + verb.substring(1);
            this.color = color;
        }

        @Override
        public void show(long done, long total) {
            if (bar == null) {
                bar = new ProgressBarBuilder()
                        .setTaskName(task)
                        .setInitialMax(total)
                        .setStyle(color ? ProgressBarStyle.COLORFUL_UNICODE_BLOCK : ProgressBarStyle.UNICODE_BLOCK)
                        .setUpdateIntervalMillis(200)
                        .showSpeed()
                        .setSpeedUnit(ChronoUnit.SECONDS)
                        .build();
            }
            bar.maxHint(total);
            bar.stepTo(done);
        }

        @Override
        public void finish(long done, long total) {
            if (bar != null) {
                bar.close();
            }
        }
    }
}
