package dev.grader.batch;

import dev.grader.GradeReport;
import dev.grader.examples.ExamplePicker;
import dev.grader.internal.AtomicFiles;
import dev.grader.judge.SentenceEncoder;
import dev.grader.rubric.Question;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

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
     * Where to write the picked answers in {@code dir}: {@link #FILE}, unless an earlier one holds scores a person
     * filled in, which are never overwritten: then {@code examples-to-grade-2.csv}, {@code -3} and so on.
     */
    static Path freeFile(Path dir) {
        Path file = dir.resolve(FILE);
        for (int n = 2; holdsScores(file); n++) {
            file = dir.resolve(FILE.replace(".csv", "-" + n + ".csv"));
        }
        return file;
    }

    /** The answers of earlier files to grade that a person has graded, as question and answer: not picked again. */
    static Set<String> alreadyGraded(Path dir) {
        Set<String> graded = new HashSet<>();
        Path file = dir.resolve(FILE);
        for (int n = 2; Files.isRegularFile(file); n++) {
            graded.addAll(scored(file).orElse(Set.of()));
            file = dir.resolve(FILE.replace(".csv", "-" + n + ".csv"));
        }
        return graded;
    }

    private static boolean holdsScores(Path file) {
        return Files.isRegularFile(file) && scored(file).map(rows -> !rows.isEmpty()).orElse(true);
    }

    /**
     * The rows of a file to grade whose score a person filled in, as question and answer; absent when the file
     * cannot be read as one (edited beyond recognition: then it is kept, never overwritten).
     */
    private static java.util.Optional<Set<String>> scored(Path file) {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
        try (CSVParser csv = CSVParser.parse(Files.readString(file, StandardCharsets.UTF_8).replaceFirst("^\uFEFF", ""),
                format)) {
            Set<String> rows = new HashSet<>();
            for (CSVRecord r : csv) {
                String score = r.isMapped("score") && r.isSet("score") ? r.get("score") : "";
                if (!score.isBlank() && r.isSet("question") && r.isSet("answer")) {
                    rows.add(key(r.get("question"), r.get("answer")));
                }
            }
            return java.util.Optional.of(rows);
        } catch (IOException | RuntimeException e) {
            return java.util.Optional.empty();
        }
    }

    private static String key(String question, String answer) {
        return question + "\u0000" + answer.strip();
    }

    /**
     * Writes the picked answers to {@code file}: UTF-8 with a byte order mark (spreadsheets then open it as UTF-8),
     * one row per picked answer, in question order; answers in {@code graded} are not picked again.
     *
     * @return how many answers were picked
     */
    int write(Path file, Set<String> graded, int n, SentenceEncoder encoder) throws IOException {
        StringWriter text = new StringWriter();
        text.write('\uFEFF');
        int picked = 0;
        CSVFormat format = CSVFormat.DEFAULT.builder().setRecordSeparator("\r\n").get();
        try (CSVPrinter csv = new CSVPrinter(text, format)) {
            csv.printRecord("id", "question", "candidate", "answer", "score", "scale", "suggested");
            for (Question q : questions) {
                List<Answer> answers = byQuestion.get(q.id()).stream()
                        .filter(a -> !graded.contains(key(q.id(), a.answer()))).toList();
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
        AtomicFiles.writeString(file, text.toString());
        return picked;
    }
}
