package dev.grader.cli.quiz;

import dev.grader.GradeReport;
import dev.grader.GradeReport.FollowUpProbe;
import dev.grader.GradeReport.KeyPointResult;
import dev.grader.Grader;
import dev.grader.PointStatus;
import dev.grader.report.TextReportRenderer;
import dev.grader.rubric.CodeBlock;
import dev.grader.rubric.FollowUp;
import dev.grader.rubric.KeyPoint;
import dev.grader.rubric.Question;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One drill: for each question, ask it, read the answer, show the grade, ask one follow-up and grade the answer
 * to it when the rubric has a model answer; then the {@linkplain SessionSummary summary}. The end of input at
 * any prompt ends the session, with the summary.
 *
 * <pre>{@code
 * SessionSummary summary = QuizSession.builder(grader)
 *         .questions(questions)
 *         .input(System.in).output(out)
 *         .build()
 *         .run();
 * }</pre>
 */
public final class QuizSession {

    static final String ANSWER_PROMPT = "Your answer (end it with an empty line, or Ctrl-D):";
    static final String FOLLOW_UP_PROMPT = "Your answer (an empty line skips it):";
    static final String LINE_PROMPT = "> ";

    private final Grader grader;
    private final List<Question> questions;
    private final String intro;
    private final AnswerReader reader;
    private final TerminalAnswers terminal;
    private final Screen screen;
    private final boolean linePrompts;
    private final TextReportRenderer renderer;
    private final FollowUpQuestions followUps = new FollowUpQuestions();
    private final SessionSummary summary;
    private final AtomicBoolean summarized = new AtomicBoolean();
    /** Guards the summary and the screen against {@link #summarize()} from an interrupt's thread. */
    private final Object lock = new Object();

    private QuizSession(Builder b) {
        this.grader = b.grader;
        this.questions = List.copyOf(b.questions);
        this.intro = b.intro;
        this.reader = b.input == null ? null : new AnswerReader(b.input);
        this.terminal = b.terminal == null ? null : new TerminalAnswers(b.terminal);
        this.screen = new Screen(b.output, b.colour, b.width);
        this.linePrompts = b.linePrompts;
        this.summary = new SessionSummary(questions.size());
        this.renderer = TextReportRenderer.builder().colour(b.colour).width(b.width).question(false).followUps(false)
                .build();
    }

    public static Builder builder(Grader grader) {
        return new Builder(grader);
    }

    /** Whether the learner pressed Ctrl-C at a terminal prompt: the session ended as the signal ends it. */
    public boolean interrupted() {
        return terminal != null && terminal.interrupted();
    }

    /** Runs the session to its end (all questions asked, or the input ended) and prints the summary. */
    public SessionSummary run() {
        if (intro != null) {
            screen.plain(intro, "", "");
        }
        screen.dim("End each answer with an empty line (or Ctrl-D). Ctrl-D at an empty prompt ends the quiz.");
        for (int i = 0; i < questions.size(); i++) {
            if (!ask(questions.get(i), i + 1, summary)) {
                break;
            }
        }
        summarize();
        return summary;
    }

    /**
     * Prints the summary unless it was printed already: at the end of {@link #run()}, or from another thread when
     * the session is interrupted (Ctrl-C), so the answers given so far are not lost from view.
     */
    public void summarize() {
        synchronized (lock) {
            if (summarized.compareAndSet(false, true)) {
                screen.blank();
                screen.rule();
                summary.print(screen);
                screen.flush();
            }
        }
    }

    /** @return false when the input ended, or the session was summarized meanwhile (interrupted) */
    private boolean ask(Question question, int number, SessionSummary summary) {
        synchronized (lock) {
            if (summarized.get()) {
                return false;
            }
            askQuestion(question, number);
        }
        AnswerReader.Answer answer = read(ANSWER_PROMPT);
        FollowUpProbe probe;
        GradeReport report;
        synchronized (lock) {
            if (answer == null || summarized.get()) {
                return false;
            }
            if (answer.text().isBlank()) {
                summary.skipped();
                screen.dim("Skipped: not graded, and not counted in the average.");
                return true;
            }
            report = grader.grade(question.id(), answer.text());
            summary.answered(report);
            screen.blank();
            screen.block(renderer.render(report));
            probe = report.followUps().isEmpty() ? goingFurther(question) : report.followUps().get(0);
        }
        return probe == null || followUp(question, report, probe, summary);
    }

    private void askQuestion(Question question, int number) {
        screen.blank();
        screen.rule();
        String level = question.level() == null || question.level().isBlank() ? "" : " · " + question.level();
        screen.dim("Question " + number + " of " + questions.size() + " · " + question.id() + level);
        screen.bold(question.prompt());
        for (CodeBlock code : question.code()) {
            if ("question".equals(code.section())) {
                screen.blank();
                code.text().lines().forEach(l -> screen.line(("    " + l.replace("\t", "    ")).stripTrailing()));
            }
        }
        screen.blank();
    }

    /**
     * Every answered question gets one follow-up, so a learner (or a script feeding the quiz) can count on the
     * rhythm answer, follow-up. When nothing was weak: the rubric's first follow-up, or else why the weightiest
     * key point holds, which asks for understanding beyond recall.
     */
    private static FollowUpProbe goingFurther(Question question) {
        if (!question.gradedFollowUps().isEmpty()) {
            FollowUp f = question.gradedFollowUps().get(0);
            return new FollowUpProbe(f.id(), f.question(), f.answer().isBlank() ? null : f.answer(), f.probes(),
                    PointStatus.COVERED.label(), "rubric");
        }
        KeyPoint top = question.gradedKeyPoints().stream().max(Comparator.comparingDouble(KeyPoint::weight))
                .orElse(null);
        if (top == null) {
            return null;
        }
        String text = top.text().strip().endsWith(".") ? top.text().strip() : top.text().strip() + ".";
        return new FollowUpProbe(null, "To go further: " + text + " Why is that so, and what would go wrong "
                + "otherwise?", null, List.of(top.id()), PointStatus.COVERED.label(), "generated");
    }

    /** @return false when the input ended */
    private boolean followUp(Question question, GradeReport report, FollowUpProbe probe, SessionSummary summary) {
        synchronized (lock) {
            if (summarized.get()) {
                return false;
            }
            screen.blank();
            screen.bold("Follow-up");
            screen.plain(probe.question(), "  ", "  ");
            screen.blank();
        }
        AnswerReader.Answer answer = read(FOLLOW_UP_PROMPT);
        synchronized (lock) {
            if (answer == null || summarized.get()) {
                return false;
            }
            if (answer.text().isBlank()) {
                screen.dim("Skipped.");
                return true;
            }
            Optional<Question> gradable = followUps.of(question.id(), probe);
            screen.blank();
            if (gradable.isPresent()) {
                GradeReport graded = grader.grade(gradable.get(), answer.text());
                summary.followUp(graded);
                screen.block(renderer.render(graded));
            } else {
                summary.followUp(null);
                screen.plain("Noted. The rubric has no model answer for this follow-up, so it is not graded.", "",
                        "");
                screen.plain("What it asks about: " + probed(report, probe), "", "  ");
            }
            return true;
        }
    }

    private String probed(GradeReport report, FollowUpProbe probe) {
        List<String> texts = report.keyPoints().stream()
                .filter(p -> probe.keyPoints().contains(p.id()))
                .map(KeyPointResult::text)
                .map(t -> t.endsWith(".") ? t.substring(0, t.length() - 1) : t)
                .toList();
        return String.join("; ", texts) + ".";
    }

    /** Reads without holding the lock: an interrupt's summary must not wait for the learner to type. */
    private AnswerReader.Answer read(String prompt) {
        synchronized (lock) {
            screen.prompt(prompt + "\n");
        }
        AnswerReader.Answer answer = terminal != null ? terminal.read()
                : reader.read(linePrompts ? this::linePrompt : () -> { });
        if (answer != null && answer.cut()) {
            synchronized (lock) {
                screen.dim("(Only the first " + AnswerReader.MAX_CHARS + " characters of the answer were kept.)");
            }
        }
        return answer;
    }

    private void linePrompt() {
        synchronized (lock) {
            screen.prompt(LINE_PROMPT);
        }
    }

    /** Configures a {@link QuizSession}; questions, input and output are required. */
    public static final class Builder {
        private final Grader grader;
        private List<Question> questions;
        private String intro;
        private InputStream input;
        private org.jline.terminal.Terminal terminal;
        private PrintWriter output;
        private boolean colour;
        private int width = TextReportRenderer.DEFAULT_WIDTH;
        private boolean linePrompts;

        private Builder(Grader grader) {
            this.grader = Objects.requireNonNull(grader, "grader");
        }

        /** The questions to ask, in order; at least one. */
        public Builder questions(List<Question> questions) {
            if (questions.isEmpty()) {
                throw new IllegalArgumentException("questions must not be empty");
            }
            this.questions = questions;
            return this;
        }

        /** A line printed first, such as what the session covers. */
        public Builder intro(String intro) {
            this.intro = intro;
            return this;
        }

        /** Answers from a stream, line by line (a pipe, a file, a terminal without line editing). */
        public Builder input(InputStream input) {
            this.input = Objects.requireNonNull(input, "input");
            return this;
        }

        /**
         * Answers typed at this terminal, with JLine's line editor: a pasted multi-line answer is one answer
         * (bracketed paste). Replaces {@link #input(InputStream)}.
         */
        public Builder terminal(org.jline.terminal.Terminal terminal) {
            this.terminal = Objects.requireNonNull(terminal, "terminal");
            return this;
        }

        public Builder output(PrintWriter output) {
            this.output = Objects.requireNonNull(output, "output");
            return this;
        }

        /** ANSI bold, dim and colour (default off). */
        public Builder colour(boolean colour) {
            this.colour = colour;
            return this;
        }

        /** The column to wrap at, at least {@link TextReportRenderer#MIN_WIDTH}. */
        public Builder width(int width) {
            if (width < TextReportRenderer.MIN_WIDTH) {
                throw new IllegalArgumentException("width must be at least " + TextReportRenderer.MIN_WIDTH
                        + ", found " + width);
            }
            this.width = width;
            return this;
        }

        /** A "> " before each line of an answer: for a person at a terminal, not for a pipe (default off). */
        public Builder linePrompts(boolean linePrompts) {
            this.linePrompts = linePrompts;
            return this;
        }

        public QuizSession build() {
            Objects.requireNonNull(questions, "questions");
            if (input == null && terminal == null) {
                throw new NullPointerException("input");
            }
            Objects.requireNonNull(output, "output");
            return new QuizSession(this);
        }
    }
}
