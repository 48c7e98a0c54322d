package dev.grader.compile;

import dev.grader.Api;
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
 */
@Api(status = Api.Status.STABLE)
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

    /**
     * What a lenient compile gives: the rubric of the questions that compile, and those left out with the reason.
     *
     * @param rubric  the questions that compile
     * @param skipped the others, in the order a compile without skipping meets them (the first is the error it
     *                reports)
     */
    public record Compiled(Rubric rubric, List<SkippedQuestion> skipped) {

        public Compiled {
            skipped = List.copyOf(skipped);
        }

        /** {@link #skipped()} in the order of the bank's lines, for listing them. */
        public List<SkippedQuestion> skippedInBankOrder() {
            return skipped.stream().sorted(java.util.Comparator.comparingInt(q -> q.location() == null
                    || !q.location().matches("line \\d+.*") ? 0
                    : Integer.parseInt(q.location().replaceFirst("^line (\\d+).*$", "$1")))).toList();
        }
    }

    /**
     * Like {@link #compile(Path)} (or {@link #compileKeepingDuplicateIds(Path)}), but a question that cannot be
     * compiled — a malformed line, a missing field or model answer, a bad or repeated id, no key point — is left
     * out and listed instead of failing the whole bank: one bad question of eighty must not stop a run.
     *
     * @throws InvalidInputException when the file cannot be read, its structure is broken (not one question can
     *                               be told apart), or no question compiles
     */
    public static Compiled compileSkippingInvalid(Path bank, boolean keepDuplicateIds) {
        List<SkippedQuestion> skipped = new java.util.ArrayList<>();
        Rubric rubric = compile(bank, keepDuplicateIds, skipped);
        return new Compiled(rubric, skipped);
    }

    /**
     * {@link #compileSkippingInvalid(Path, boolean)} of a bank already read: {@code content} is the file's bytes
     * (a named pipe cannot be read a second time).
     *
     * @param bank names the bank in messages; its file name decides the format and the rubric id
     */
    public static Compiled compileSkippingInvalid(Path bank, byte[] content, boolean keepDuplicateIds) {
        if (content.length > MAX_BYTES) {
            throw new InvalidInputException(bank.toString(), null, "larger than " + InputFiles.megabytes(MAX_BYTES)
                    + ", the limit for a question bank");
        }
        List<SkippedQuestion> skipped = new java.util.ArrayList<>();
        Rubric rubric = compile(bank, content, keepDuplicateIds, skipped);
        return new Compiled(rubric, skipped);
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
        return compile(bank, keepDuplicates, null);
    }

    private static Rubric compile(Path bank, boolean keepDuplicates, List<SkippedQuestion> skipped) {
        return compile(bank, InputFiles.read(bank, MAX_BYTES, "question bank"), keepDuplicates, skipped);
    }

    private static Rubric compile(Path bank, byte[] bytes, boolean keepDuplicates, List<SkippedQuestion> skipped) {
        String source = bank.toString();
        String content = InputFiles.decode(bytes, source, "the bank");
        Path name = bank.getFileName();
        return compile(content, name == null ? source : name.toString(), source, Hashing.sha256(bytes), keepDuplicates,
                skipped);
    }

    /**
     * Compiles bank text.
     *
     * @param content  the bank
     * @param fileName its file name: decides the format and the rubric id
     */
    public static Rubric compile(String content, String fileName) {
        return compile(content, fileName, fileName, Hashing.sha256(content), false, null);
    }

    /** @param skipped where questions that cannot be compiled go; null to fail on the first one */
    private static Rubric compile(String text, String fileName, String source, String sha256,
                                  boolean keepDuplicates, List<SkippedQuestion> skipped) {
        // CRLF and old Mac CR-only line ends read like LF (in JSON, a raw CR can only be white space)
        String content = text.replace("\r\n", "\n").replace('\r', '\n');
        String format = format(fileName, content);
        RawBank bank;
        try {
            bank = switch (format) {
                case "jsonl" -> JsonBankParser.parse(content, skipped);
                case "markdown" -> QuestionAssembler.assemble(MarkdownBankParser.blocks(content), "markdown");
                default -> QuestionAssembler.assemble(TextBankParser.blocks(content), "text");
            };
            if (keepDuplicates) {
                bank = renameDuplicates(bank);
            }
            bank = check(bank, skipped);
            String baseName = Path.of(fileName).getFileName().toString();
            return RubricBuilder.build(bank, rubricId(baseName), new RubricSource(baseName, sha256, format), skipped);
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

    /** The questions that pass; the others fail the compile, or go to {@code skipped} when it is given. */
    private static RawBank check(RawBank bank, List<SkippedQuestion> skipped) {
        if (bank.questions().isEmpty() && (skipped == null || skipped.isEmpty())) {
            throw new BankSyntaxException(0, "no questions found (expected lines such as 'Q1. What is ...?', "
                    + "'### Q1. ...' in Markdown, or one JSON object per line)");
        }
        Map<String, Integer> seen = new HashMap<>();
        List<RawQuestion> passed = new java.util.ArrayList<>();
        for (RawQuestion q : bank.questions()) {
            try {
                if (!ID.matcher(q.id()).matches()) {
                    throw new BankSyntaxException(q.line(), "question id '" + q.id()
                            + "' may only contain letters, digits and . _ : / # @ + -");
                }
                Integer first = seen.get(q.id());
                if (first != null) {
                    throw new BankSyntaxException(q.line(), "duplicate question id '" + q.id() + "'"
                            + (first > 0 ? " (first at line " + first + ")" : ""));
                }
                seen.put(q.id(), q.line());
                if (q.modelAnswer().isBlank()) {
                    throw new BankSyntaxException(q.line(), "question " + q.id() + " has no model answer");
                }
                passed.add(q);
            } catch (BankSyntaxException e) {
                if (skipped == null) {
                    throw e;
                }
                skipped.add(new SkippedQuestion(q.id(), e.location(), e.getMessage()));
            }
        }
        return new RawBank(bank.title(), bank.description(), passed, bank.format());
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
