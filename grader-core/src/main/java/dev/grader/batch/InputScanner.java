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
 * Turns the inputs of a batch into submissions: a folder gives one submission per file (sub-folders are left
 * alone; hidden files and editor backups are skipped and listed as {@link SkippedInput}s), a {@code .jsonl}, {@code .csv} or {@code .tsv} file gives one per candidate of
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
     * @param skipped     files of input folders that were not read, with the reason
     */
    record Inputs(List<Submission> submissions, List<BatchProblem> problems, List<SkippedInput> skipped) {
    }

    Inputs scan(List<Path> inputs) {
        List<Submission> submissions = new ArrayList<>();
        List<BatchProblem> problems = new ArrayList<>();
        List<SkippedInput> skipped = new ArrayList<>();
        for (Path input : inputs) {
            String source = input.toString();
            if (Files.isDirectory(input)) {
                int skippedBefore = skipped.size();
                List<Path> files = files(input, skipped);
                if (files.isEmpty()) {
                    int hidden = skipped.size() - skippedBefore;
                    throw new InvalidInputException(source, null,
                            "no submission files in this folder (expected one .md, .txt or .docx file per candidate)"
                                    + (hidden == 0 ? "" : "; " + hidden + " hidden or backup file(s) skipped"));
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
        return new Inputs(submissions, problems, skipped);
    }

    private TableReader.Table readTable(Path file, String source) {
        try {
            return tables.read(file, source);
        } catch (IOException e) {
            return new TableReader.Table(List.of(), List.of(new BatchProblem(source, null, null,
                    "cannot read: " + reason(e))));
        }
    }

    /** The regular files of a folder, by name; hidden files and backups go to {@code skipped} instead. */
    private static List<Path> files(Path dir, List<SkippedInput> skipped) {
        try (Stream<Path> entries = Files.list(dir)) {
            List<Path> files = new ArrayList<>();
            for (Path p : entries.filter(Files::isRegularFile)
                    .sorted(Comparator.comparing(p -> p.getFileName().toString())).toList()) {
                String name = p.getFileName().toString();
                if (name.startsWith(".")) {
                    skipped.add(new SkippedInput(p.toString(), SkippedInput.HIDDEN));
                } else if (name.endsWith("~")) {
                    skipped.add(new SkippedInput(p.toString(), SkippedInput.BACKUP));
                } else {
                    files.add(p);
                }
            }
            return files;
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
