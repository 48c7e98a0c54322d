package dev.grader.rubric;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import dev.grader.Api;
import dev.grader.InvalidInputException;
import dev.grader.internal.InputFiles;
import dev.grader.internal.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads rubrics and validates each against {@code rubric.schema.json} before binding it, so a hand-edited
 * rubric fails with the JSON pointer, line and rule that it breaks rather than deep inside grading.
 */
@Api(status = Api.Status.STABLE)
public final class RubricReader {

    /** Classpath location of the schema (the same file as {@code rubrics/rubric.schema.json}). */
    public static final String SCHEMA_RESOURCE = "/dev/grader/rubrics/rubric.schema.json";

    /** The largest rubric file read: ten times the shipped 33-question rubric would still be under 2 MB. */
    public static final int MAX_BYTES = 16 << 20;

    private static final Schema SCHEMA = loadSchema();

    private RubricReader() {
    }

    /** Reads, validates and binds the rubric file. */
    public static Rubric read(Path file) {
        String source = file.toString();
        return parse(readUtf8(file), source);
    }

    /** Reads a rubric shipped on the class path, such as {@code /dev/grader/rubrics/net-http-server-concurrency.json}. */
    public static Rubric readResource(String resource) {
        String source = "classpath:" + resource;
        try (InputStream in = resource(resource)) {
            if (in == null) {
                throw new InvalidInputException(source, null, "no such resource on the class path");
            }
            return parse(decode(in.readAllBytes(), source), source);
        } catch (IOException e) {
            throw new InvalidInputException(source, null, "cannot read: " + e.getMessage(), e);
        }
    }

    /**
     * A resource of grader-core (the shipped rubrics), else of the caller's class path. On the module path a
     * class finds only its own module's resources, so the caller's come through the context class loader.
     */
    private static InputStream resource(String absoluteName) {
        InputStream in = RubricReader.class.getResourceAsStream(absoluteName);
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        if (in == null && context != null && RubricReader.class.getModule().isNamed()) {
            in = context.getResourceAsStream(absoluteName.substring(1));
        }
        return in;
    }

    /**
     * Parses, validates and binds rubric JSON.
     *
     * @param json   the rubric text
     * @param source a name for messages, such as the file name
     */
    public static Rubric parse(String json, String source) {
        JsonNode tree = parseTree(json, source);
        List<String> problems = schemaProblems(tree, json);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(source, null, problems.get(0)
                    + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more; run grader lint)" : ""));
        }
        return bind(tree, source);
    }

    /**
     * Schema violations of a rubric text, one line each ({@code line 12: /questions/0/id: must not be empty
     * [minLength]}); empty when it conforms. Syntax errors throw.
     */
    public static List<String> validate(String json, String source) {
        return schemaProblems(parseTree(json, source), json);
    }

    static JsonNode parseTree(String json, String source) {
        try {
            // text after the rubric object is a damaged or concatenated file, not something to ignore
            JsonNode node = Json.mapper().reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readTree(json);
            if (node == null || node.isMissingNode()) {
                throw new InvalidInputException(source, null, "empty file: expected a rubric JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? null : "line " + at.getLineNr() + ", column " + at.getColumnNr();
            String message = e.getOriginalMessage();
            String problem = message != null && message.startsWith("Trailing token")
                    ? "unexpected text after the rubric's closing brace"
                    : "malformed JSON: " + Json.problem(e);
            throw new InvalidInputException(source, where, problem, e);
        }
    }

    private static List<String> schemaProblems(JsonNode tree, String json) {
        List<Error> errors = SCHEMA.validate(tree);
        if (errors.isEmpty()) {
            return List.of();
        }
        JsonLocations locations = JsonLocations.of(json);
        List<String> problems = new ArrayList<>();
        for (Error error : errors) {
            String pointer = pointer(error.getInstanceLocation());
            int line = locations.line(pointer);
            String message = stripPathPrefix(error.getMessage());
            problems.add((line > 0 ? "line " + line + ": " : "")
                    + (pointer.isEmpty() ? "/" : pointer) + ": " + message + " [schema rule " + error.getKeyword() + "]");
        }
        return problems;
    }

    private static Rubric bind(JsonNode tree, String source) {
        try {
            return Json.mapper().treeToValue(tree, Rubric.class);
        } catch (MismatchedInputException e) {
            throw new InvalidInputException(source, e.getPathReference(), e.getOriginalMessage(), e);
        } catch (JsonProcessingException | IllegalArgumentException | NullPointerException e) {
            throw new InvalidInputException(source, null, "cannot read rubric: " + e.getMessage(), e);
        }
    }

    static String pointer(NodePath path) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < path.getNameCount(); i++) {
            Object element = path.getElement(i);
            out.append('/').append(String.valueOf(element).replace("~", "~0").replace("/", "~1"));
        }
        return out.toString();
    }

    private static String stripPathPrefix(String message) {
        // networknt prefixes messages with the instance path ("$.questions[0].id: ..."); we print a pointer instead.
        int colon = message.indexOf(": ");
        return colon > 0 && message.startsWith("$") ? message.substring(colon + 2) : message;
    }

    /**
     * Parses and binds rubric JSON without the schema check, for tools that report schema problems themselves
     * (lint) and still want the semantic checks. Syntax errors and values that cannot bind still throw.
     */
    public static Rubric parseUnvalidated(String json, String source) {
        return bind(parseTree(json, source), source);
    }

    /** The 1-based line of the value at a JSON pointer (or of its nearest ancestor) in a rubric text; 0 if unknown. */
    public static int lineOf(String json, String pointer) {
        return JsonLocations.of(json).line(pointer);
    }

    /** A file's text, strictly UTF-8; missing, unreadable or mis-encoded files fail with a one-line message. */
    public static String readText(Path file) {
        return readUtf8(file);
    }

    static String readUtf8(Path file) {
        return decode(readBytes(file), file.toString());
    }

    /**
     * The bytes of a rubric file, at most {@link #MAX_BYTES}: a larger file (or {@code /dev/zero}) is refused
     * before it exhausts memory.
     *
     * @throws InvalidInputException if the file is missing, a directory, unreadable or too large
     */
    public static byte[] readBytes(Path file) {
        return InputFiles.read(file, MAX_BYTES, "rubric");
    }

    /** Strict UTF-8 decoding: a wrong encoding is reported with its line and byte offset, not replaced. */
    public static String decode(byte[] bytes, String source) {
        return InputFiles.decodeUtf8(bytes, source, "the rubric");
    }

    private static Schema loadSchema() {
        try (InputStream in = RubricReader.class.getResourceAsStream(SCHEMA_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("rubric schema missing from the class path: " + SCHEMA_RESOURCE);
            }
            SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
            return registry.getSchema(Json.mapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
