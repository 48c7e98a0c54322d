package dev.grader.batch;

import dev.grader.InvalidInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Turns the inputs of a batch into submissions: a folder gives one submission per file (sub-folders are left
 * alone; hidden files, editor backups, named pipes and other special files are skipped and listed as
 * {@link SkippedInput}s), a {@code .jsonl}, {@code .csv} or {@code .tsv} file gives one per candidate of the table,
 * any other file is one submission. A file reached twice is read once. A missing input, or a folder without a
 * single file, is bad input: nothing is graded.
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
     * @param problems    bad table rows, unreadable tables, inputs that are not files
     * @param skipped     hidden, backup and special files in folders and inputs given twice, with the reason
     */
    record Inputs(List<Submission> submissions, List<BatchProblem> problems, List<SkippedInput> skipped) {
    }

    /**
     * Reads the inputs. A file or folder reached twice (given twice, or a file given as well as its folder) is
     * read once, by its real path: the same submission never becomes two candidates. A hidden file named on the
     * command line is graded: naming it is asking for it.
     */
    Inputs scan(List<Path> inputs) {
        List<Submission> submissions = new ArrayList<>();
        List<BatchProblem> problems = new ArrayList<>();
        List<SkippedInput> skipped = new ArrayList<>();
        Map<Path, String> seen = new HashMap<>();
        Map<Path, SkippedInput> leftOut = new HashMap<>();
        for (Path input : inputs) {
            String source = input.toString();
            if (Files.isDirectory(input)) {
                String first = seen.putIfAbsent(realPath(input), source);
                if (first != null) {
                    skipped.add(SkippedInput.repeat(source, first, true));
                    continue;
                }
                List<SkippedInput> left = new ArrayList<>();
                List<Path> files = files(input, left);
                if (files.isEmpty()) {
                    throw new InvalidInputException(source, null, "no submission files in this folder (expected one "
                            + ".md, .txt or .docx file per candidate)" + (left.isEmpty() ? ""
                            : "; left out: " + left.get(0).message() + (left.size() > 1 ? " and " + (left.size() - 1)
                            + " more" : "")));
                }
                for (SkippedInput s : left) {
                    Path real = realPath(Path.of(s.source()));
                    String firstFile = seen.get(real);
                    if (firstFile != null) {
                        skipped.add(duplicate(s.source(), firstFile));
                    } else {
                        leftOut.put(real, s);
                        skipped.add(s);
                    }
                }
                for (Path f : files) {
                    String firstFile = seen.putIfAbsent(realPath(f), f.toString());
                    if (firstFile != null) {
                        skipped.add(duplicate(f.toString(), firstFile));
                    } else {
                        submissions.add(FileSubmission.of(f, f.toString()));
                    }
                }
            } else if (Files.isRegularFile(input)) {
                Path real = realPath(input);
                String first = seen.putIfAbsent(real, source);
                if (first != null) {
                    skipped.add(duplicate(source, first));
                    continue;
                }
                SkippedInput leftInFolder = leftOut.remove(real);
                if (leftInFolder != null) {
                    skipped.remove(leftInFolder); // named on the command line after all: graded, not skipped
                }
                if (TableReader.isTable(input)) {
                    TableReader.Table table = readTable(input, source);
                    submissions.addAll(table.candidates());
                    problems.addAll(table.problems());
                } else {
                    submissions.add(FileSubmission.of(input, source));
                }
            } else if (Files.exists(input)) {
                problems.add(new BatchProblem(source, null, null, special(input)
                        + ": batch reads regular files only; save it to a file first"));
            } else if (Files.isSymbolicLink(input)) {
                problems.add(new BatchProblem(source, null, null, SkippedInput.BROKEN_LINK));
            } else {
                throw new InvalidInputException(source, null, "no such file or folder");
            }
        }
        return new Inputs(submissions, problems, skipped);
    }

    private static SkippedInput duplicate(String source, String first) {
        return SkippedInput.repeat(source, first, false);
    }

    /** The path with links resolved, for telling the same file by two names; the absolute path when unreadable. */
    private static Path realPath(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            return p.toAbsolutePath().normalize();
        }
    }

    /** What a file that is neither a regular file nor a folder is, in words. */
    static String special(Path p) {
        return switch (dev.grader.internal.FileKinds.of(p)) {
            case NAMED_PIPE -> "a named pipe, not a regular file";
            case DEVICE -> "a device, not a regular file";
            case SOCKET -> "a socket, not a regular file";
            case OTHER -> "not a regular file";
        };
    }

    private TableReader.Table readTable(Path file, String source) {
        try {
            return tables.read(file, source);
        } catch (IOException e) {
            return new TableReader.Table(List.of(), List.of(new BatchProblem(source, null, null,
                    "cannot read: " + reason(e))));
        }
    }

    /**
     * The candidate files of a folder, by name. Sub-folders are left alone; named pipes, devices, sockets, links
     * to nothing, hidden files and editor backups ({@code ~}) are left out and reported in {@code skipped}.
     */
    private static List<Path> files(Path dir, List<SkippedInput> skipped) {
        List<Path> entries;
        try (Stream<Path> list = Files.list(dir)) {
            entries = list.sorted(Comparator.comparing(p -> p.getFileName().toString())).toList();
        } catch (IOException e) {
            throw new InvalidInputException(dir.toString(), null, "cannot list the folder: " + reason(e), e);
        }
        List<Path> files = new ArrayList<>();
        for (Path p : entries) {
            String name = p.getFileName().toString();
            if (Files.isDirectory(p)) {
                continue;
            }
            boolean exists = Files.exists(p);
            if (exists && !Files.isRegularFile(p)) {
                skipped.add(SkippedInput.special(p.toString(), special(p)));
            } else if (name.startsWith(".")) {
                skipped.add(SkippedInput.hidden(p.toString()));
            } else if (name.endsWith("~")) {
                skipped.add(SkippedInput.backup(p.toString()));
            } else if (!exists) {
                skipped.add(SkippedInput.brokenLink(p.toString()));
            } else {
                files.add(p);
            }
        }
        return files;
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
