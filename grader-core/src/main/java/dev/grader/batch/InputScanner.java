package dev.grader.batch;

import dev.grader.InvalidInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Turns the inputs of a batch into submissions: a folder gives one submission per file (hidden files and
 * sub-folders are left alone), a {@code .jsonl}, {@code .csv} or {@code .tsv} file gives one per candidate of
 * the table, any other file is one submission. A missing input, or a folder without a single file, is bad
 * input: nothing is graded.
 */
final class InputScanner {

    private final TableReader tables;

    InputScanner(QuestionResolver resolver) {
        this.tables = new TableReader(resolver);
    }

    /**
     * The submissions of all inputs, in input order, and the problems of tables.
     *
     * @param submissions one per candidate file or table candidate
     * @param problems    bad table rows and unreadable tables
     */
    record Inputs(List<Submission> submissions, List<BatchProblem> problems) {
    }

    Inputs scan(List<Path> inputs) {
        List<Submission> submissions = new ArrayList<>();
        List<BatchProblem> problems = new ArrayList<>();
        for (Path input : inputs) {
            String source = input.toString();
            if (Files.isDirectory(input)) {
                List<Path> files = files(input);
                if (files.isEmpty()) {
                    throw new InvalidInputException(source, null,
                            "no submission files in this folder (expected one .md, .txt or .docx file per candidate)");
                }
                files.forEach(f -> submissions.add(FileSubmission.of(f, f.toString())));
            } else if (Files.isRegularFile(input)) {
                if (TableReader.isTable(input)) {
                    TableReader.Table table = readTable(input, source);
                    submissions.addAll(table.candidates());
                    problems.addAll(table.problems());
                } else {
                    submissions.add(FileSubmission.of(input, source));
                }
            } else if (Files.exists(input)) {
                throw new InvalidInputException(source, null, "neither a file nor a folder");
            } else {
                throw new InvalidInputException(source, null, "no such file or folder");
            }
        }
        return new Inputs(submissions, problems);
    }

    private TableReader.Table readTable(Path file, String source) {
        try {
            return tables.read(file, source);
        } catch (IOException e) {
            return new TableReader.Table(List.of(), List.of(new BatchProblem(source, null, null,
                    "cannot read: " + reason(e))));
        }
    }

    private static List<Path> files(Path dir) {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .filter(p -> !p.getFileName().toString().endsWith("~"))
                    .filter(Files::isRegularFile)
                    .sorted(Comparator.comparing(p -> p.getFileName().toString()))
                    .toList();
        } catch (IOException e) {
            throw new InvalidInputException(dir.toString(), null, "cannot list the folder: " + reason(e), e);
        }
    }

    static String reason(IOException e) {
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof java.nio.file.FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
