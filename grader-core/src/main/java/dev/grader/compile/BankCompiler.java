package dev.grader.compile;

import dev.grader.InvalidInputException;
import dev.grader.internal.Hashing;
import dev.grader.internal.InputFiles;
import dev.grader.rubric.Rubric;
import dev.grader.rubric.RubricReader;
import dev.grader.rubric.RubricSource;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Compiles a question bank into a rubric. Formats: the plain-text layout ({@code .txt}), its Markdown twin
 * ({@code .md}) and JSON Lines or a JSON array ({@code .jsonl}, {@code .json}); the extension decides, and
 * content is sniffed for other names. The same bank always gives the same rubric.
 *
 * <pre>{@code
 * Rubric rubric = BankCompiler.compile(Path.of("rubrics/net-http-server-concurrency.txt"));
 * }</pre>
 *
 * <p>Status: stable.
 */
public final class BankCompiler {

    /** The largest bank read: a bank compiles to a larger rubric, whose own limit is the same. */
    public static final int MAX_BYTES = RubricReader.MAX_BYTES;

    private static final Pattern ID = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9_.:/#@+\\-]*$");

    private BankCompiler() {
    }

    /**
     * @throws InvalidInputException naming the file, the line and what is wrong
     */
    public static Rubric compile(Path bank) {
        return compile(bank, false);
    }

    /**
     * Like {@link #compile(Path)}, but a question id used twice does not fail: the second question becomes
     * {@code id#2} (the third {@code id#3}, ...). For grading data whose bank reuses ids; {@code eval} then sends
     * each answer to the closest of the questions sharing its id. Use {@link #duplicatesOf} to find them.
     */
    public static Rubric compileKeepingDuplicateIds(Path bank) {
        return compile(bank, true);
    }

    /** The ids of a rubric that share a bank id: {@code X} and its {@code X#2}, {@code X#3}, ... */
    public static java.util.Map<String, List<String>> duplicatesOf(Rubric rubric) {
        java.util.Map<String, List<String>> groups = new java.util.LinkedHashMap<>();
        for (String id : rubric.questionIds()) {
            int hash = id.lastIndexOf('#');
            String base = hash > 0 && id.substring(hash + 1).matches("\\d+") ? id.substring(0, hash) : id;
            groups.computeIfAbsent(base, k -> new java.util.ArrayList<>()).add(id);
        }
        groups.values().removeIf(ids -> ids.size() < 2);
        return groups;
    }

    private static Rubric compile(Path bank, boolean keepDuplicates) {
        String source = bank.toString();
        byte[] bytes = InputFiles.read(bank, MAX_BYTES, "question bank");
        String content = InputFiles.decode(bytes, source, "the bank");
        Path name = bank.getFileName();
        return compile(content, name == null ? source : name.toString(), source, Hashing.sha256(bytes), keepDuplicates);
    }

    /**
     * Compiles bank text.
     *
     * @param content  the bank
     * @param fileName its file name: decides the format and the rubric id
     */
    public static Rubric compile(String content, String fileName) {
        return compile(content, fileName, fileName, Hashing.sha256(content), false);
    }

    private static Rubric compile(String text, String fileName, String source, String sha256,
                                  boolean keepDuplicates) {
        // CRLF and old Mac CR-only line ends read like LF (in JSON, a raw CR can only be white space)
        String content = text.replace("\r\n", "\n").replace('\r', '\n');
        String format = format(fileName, content);
        RawBank bank;
        try {
            bank = switch (format) {
                case "jsonl" -> JsonBankParser.parse(content);
                case "markdown" -> QuestionAssembler.assemble(MarkdownBankParser.blocks(content), "markdown");
                default -> QuestionAssembler.assemble(TextBankParser.blocks(content), "text");
            };
            if (keepDuplicates) {
                bank = renameDuplicates(bank);
            }
            check(bank);
            String baseName = Path.of(fileName).getFileName().toString();
            return RubricBuilder.build(bank, rubricId(baseName), new RubricSource(baseName, sha256, format));
        } catch (BankSyntaxException e) {
            throw new InvalidInputException(source, e.location(), e.getMessage(), e);
        }
    }

    private static RawBank renameDuplicates(RawBank bank) {
        Map<String, Integer> seen = new HashMap<>();
        List<RawQuestion> renamed = new java.util.ArrayList<>();
        for (RawQuestion q : bank.questions()) {
            int n = seen.merge(q.id(), 1, Integer::sum);
            renamed.add(n == 1 ? q : new RawQuestion(q.id() + "#" + n, q.level(), q.prompt(), q.modelAnswer(),
                    q.acceptedAnswers(), q.wrongAnswers(), q.followUps(), q.notes(), q.code(), q.line()));
        }
        return new RawBank(bank.title(), bank.description(), renamed, bank.format());
    }

    private static void check(RawBank bank) {
        if (bank.questions().isEmpty()) {
            throw new BankSyntaxException(0, "no questions found (expected lines such as 'Q1. What is ...?', "
                    + "'### Q1. ...' in Markdown, or one JSON object per line)");
        }
        Map<String, Integer> seen = new HashMap<>();
        for (RawQuestion q : bank.questions()) {
            if (!ID.matcher(q.id()).matches()) {
                throw new BankSyntaxException(q.line(), "question id '" + q.id()
                        + "' may only contain letters, digits and . _ : / # @ + -");
            }
            Integer first = seen.putIfAbsent(q.id(), q.line());
            if (first != null) {
                throw new BankSyntaxException(q.line(), "duplicate question id '" + q.id() + "'"
                        + (first > 0 ? " (first at line " + first + ")" : ""));
            }
            if (q.modelAnswer().isBlank()) {
                throw new BankSyntaxException(q.line(), "question " + q.id() + " has no model answer");
            }
        }
    }

    static String format(String fileName, String content) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".jsonl") || lower.endsWith(".json") || lower.endsWith(".ndjson")) {
            return "jsonl";
        }
        if (lower.endsWith(".md") || lower.endsWith(".markdown")) {
            return "markdown";
        }
        if (lower.endsWith(".txt")) {
            return "text";
        }
        String head = content.stripLeading();
        if (head.startsWith("{") || head.startsWith("[")) {
            return "jsonl";
        }
        List<String> lines = head.lines().limit(50).toList();
        boolean markdown = lines.stream().anyMatch(l -> l.startsWith("#")) || lines.stream().anyMatch(l -> l.startsWith("```"));
        return markdown ? "markdown" : "text";
    }

    /** The file name without extension, reduced to id characters. */
    static String rubricId(String fileName) {
        String base = fileName.replaceFirst("\\.[A-Za-z0-9]+$", "");
        String id = base.replaceAll("[^A-Za-z0-9_.\\-]+", "-").replaceAll("^[^A-Za-z0-9]+", "");
        return id.isEmpty() ? "rubric" : id;
    }
}
