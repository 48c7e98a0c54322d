package dev.grader.batch;

import dev.grader.GradeReport;
import dev.grader.examples.ExamplePicker;
import dev.grader.internal.AtomicFiles;
import dev.grader.judge.SentenceEncoder;
import dev.grader.rubric.Question;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The answers of the cohort a person should grade first so that grading by example has examples that cover it
 * ({@code grader batch --pick-examples N}): per question, N answers picked by {@link ExamplePicker}, written as a
 * CSV with an empty {@code score} column to fill in and read back with {@code --examples}.
 */
final class ExamplesToGrade {

    /** The file name in the output folder. */
    static final String FILE = "examples-to-grade.csv";
    /** The scale the score column is read on, written on every row so the file is a valid examples file. */
    static final int SCALE = 5;

    private record Answer(String candidate, String answer, double score, boolean review) {
    }

    private final List<Question> questions;
    private final Map<String, List<Answer>> byQuestion = new LinkedHashMap<>();

    ExamplesToGrade(List<Question> questions) {
        this.questions = List.copyOf(questions);
        questions.forEach(q -> byQuestion.put(q.id(), new ArrayList<>()));
    }

    /** Adds the graded answers of one candidate's result. */
    void add(CandidateResult result) {
        for (CandidateResult.QuestionResult q : result.questions()) {
            GradeReport report = q.report();
            List<Answer> answers = byQuestion.get(q.question());
            if (answers != null && report != null && q.answer() != null && !q.answer().isBlank()) {
                answers.add(new Answer(result.candidate(), q.answer(), report.score(), report.needsReview()));
            }
        }
    }

    /**
     * Writes {@link #FILE} in {@code dir}: UTF-8 with a byte order mark (spreadsheets then open it as UTF-8),
     * one row per picked answer, in question order.
     *
     * @return how many answers were picked
     */
    int write(Path dir, int n, SentenceEncoder encoder) throws IOException {
        StringWriter text = new StringWriter();
        text.write('\uFEFF');
        int picked = 0;
        CSVFormat format = CSVFormat.DEFAULT.builder().setRecordSeparator("\r\n").get();
        try (CSVPrinter csv = new CSVPrinter(text, format)) {
            csv.printRecord("id", "question", "candidate", "answer", "score", "scale", "suggested");
            for (Question q : questions) {
                List<Answer> answers = byQuestion.get(q.id());
                double[] unsure = new double[answers.size()];
                for (int i = 0; i < answers.size(); i++) {
                    Answer a = answers.get(i);
                    unsure[i] = a.review() ? 1 : 1 - Math.abs(2 * a.score() - 1);
                }
                for (int i : ExamplePicker.pick(answers.stream().map(Answer::answer).toList(), unsure, n, encoder)) {
                    Answer a = answers.get(i);
                    csv.printRecord(q.id() + "/" + SummaryCsv.safe(a.candidate()), q.id(),
                            SummaryCsv.safe(a.candidate()), SummaryCsv.safe(a.answer()), "", SCALE,
                            Numbers.plain(Math.round(a.score() * SCALE * 2) / 2.0));
                    picked++;
                }
            }
        }
        AtomicFiles.writeString(dir.resolve(FILE), text.toString());
        return picked;
    }
}
