package dev.grader.cli;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import dev.grader.InvalidInputException;
import dev.grader.Rubrics;
import dev.grader.compile.BankCompiler;
import dev.grader.compile.SkippedQuestion;
import dev.grader.internal.InputFiles;
import dev.grader.internal.Json;
import dev.grader.rubric.Rubric;
import dev.grader.rubric.RubricLinter;
import dev.grader.rubric.RubricReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The rubric a command works on: the file given on the command line or, without one, the rubric grader ships
 * with. A question bank given where a rubric is expected (a common slip: {@code grade -r bank.txt}) is compiled
 * for the run, with a notice that says how to skip that step. Every failure is an {@link InvalidInputException}
 * that names the file.
 */
final class RubricInput {

    private RubricInput() {
    }

    /** For grading: read, validated against the schema and the linter's errors (named after the file), bound. */
    static Rubric load(Path file, PrintWriter err) {
        return load(file, err, new ArrayList<>());
    }

    /** As {@link #load(Path, PrintWriter)}; questions of a bank that do not compile go to {@code skipped}. */
    static Rubric load(Path file, PrintWriter err, List<SkippedQuestion> skipped) {
        Rubric rubric = read(file, err, skipped);
        if (file != null) {
            RubricLinter.requireUsable(rubric, file.toString());
        }
        return rubric;
    }

    /** For showing: read and validated against the schema only, so a rubric being fixed can still be looked at. */
    static Rubric read(Path file, PrintWriter err) {
        return read(file, err, new ArrayList<>());
    }

    private static Rubric read(Path file, PrintWriter err, List<SkippedQuestion> skipped) {
        if (file == null) {
            return Rubrics.defaultRubric();
        }
        // Read once: a named pipe (grade -r <(...)) cannot be read a second time for compiling
        byte[] bytes = fileBytes(file);
        String text;
        try {
            text = RubricReader.decode(bytes, file.toString());
        } catch (InvalidInputException notUtf8) {
            text = bankText(bytes, file).orElseThrow(() -> notUtf8);
        }
        if (!isBank(text)) {
            return RubricReader.parse(text, file.toString());
        }
        BankCompiler.Compiled compiled;
        try {
            compiled = BankCompiler.compileSkippingInvalid(file, bytes, false);
        } catch (InvalidInputException e) {
            throw new InvalidInputException(file.toString(), e.location(), "neither a rubric (JSON) nor a question "
                    + "bank that compiles: " + e.problem(), e);
        }
        Rubric rubric = compiled.rubric();
        err.println("grader: note: " + file + " is a question bank, not a rubric: compiled it for this run (to skip "
                + "this step next time: grader compile " + (PipeWait.isNamedPipe(file) // <(...): no name to reuse
                ? "BANK -o RUBRIC.json" : file + " -o " + compiledName(file)) + ")");
        for (SkippedQuestion q : compiled.skippedInBankOrder()) {
            err.println("grader: warning: " + q.message(file.toString()) + "; skipped: answers to it are not graded");
        }
        skipped.addAll(compiled.skipped());
        err.flush();
        return rubric;
    }

    /** The text of a bank that is not UTF-8 but UTF-16 with a byte order mark, as banks may be; else empty. */
    private static Optional<String> bankText(byte[] bytes, Path file) {
        try {
            String text = InputFiles.decode(bytes, file.toString(), "the bank");
            return isBank(text) ? Optional.of(text) : Optional.empty();
        } catch (InvalidInputException e) {
            return Optional.empty();
        }
    }

    /** The name messages use for the rubric: the path as given, or the class-path resource. */
    static String name(Path file) {
        return file == null ? "classpath:" + Rubrics.DEFAULT_RESOURCE : file.toString();
    }

    /**
     * The rubric's raw text, for checks that must see the file before it binds. A question bank is refused with
     * the command that compiles it: such checks are about rubrics.
     */
    static String text(Path file) {
        String name = name(file);
        String text = RubricReader.decode(file == null ? shippedBytes(name) : fileBytes(file), name);
        if (file != null && isBank(text)) {
            throw new InvalidInputException(name, null, "is a question bank, not a rubric; compile it first: "
                    + "grader compile " + file + " -o " + compiledName(file));
        }
        return text;
    }

    /**
     * Whether text is a question bank rather than a rubric. A rubric is one JSON object with {@code questions};
     * a bank is text, Markdown, a JSON array, or JSON Lines whose first object is a question. Malformed JSON is
     * left to the rubric reader, which says where it breaks.
     */
    static boolean isBank(String text) {
        String head = text.stripLeading();
        if (head.isEmpty()) {
            return false;
        }
        if (head.startsWith("[")) {
            return true;
        }
        if (!head.startsWith("{")) {
            return true;
        }
        try (JsonParser parser = Json.mapper().createParser(head)) {
            JsonNode first = Json.mapper().readTree(parser);
            return first != null && first.isObject() && !first.has("questions")
                    && (first.has("modelAnswer") || first.has("question"));
        } catch (IOException e) {
            return false;
        }
    }

    /** {@code bank.txt} compiles to {@code bank.json}; {@code bank.json} (a JSON-array bank) to {@code bank.rubric.json}. */
    private static String compiledName(Path file) {
        String name = file.toString();
        String base = name.replaceFirst("\\.[A-Za-z0-9]+$", "");
        return name.endsWith(".json") ? base + ".rubric.json" : base + ".json";
    }

    private static byte[] fileBytes(Path file) {
        return RubricReader.readBytes(file);
    }

    private static byte[] shippedBytes(String name) {
        try (InputStream in = RubricInput.class.getResourceAsStream(Rubrics.DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new InvalidInputException(name, null, "no such resource on the class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new InvalidInputException(name, null, "cannot read: " + e.getMessage(), e);
        }
    }
}
