package dev.grader.batch;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import dev.grader.InvalidInputException;
import dev.grader.internal.AtomicFiles;
import dev.grader.internal.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The output folder of a batch:
 * <pre>
 * OUTDIR/
 *   candidates/NAME.json   one per candidate: the result (written last, atomically: it marks the candidate done)
 *   candidates/NAME.md     the feedback report
 *   summary.csv, summary.json, report.html   the cohort, rebuilt from candidates/ at the end of every run
 *   anonymization-map.json                   with --anonymize: pseudonyms back to candidates
 * </pre>
 */
final class OutputLayout {

    static final String CANDIDATES = "candidates";
    static final String SUMMARY_CSV = "summary.csv";
    static final String SUMMARY_JSON = "summary.json";
    static final String REPORT_HTML = "report.html";

    private final Path root;
    private final Path candidates;

    private OutputLayout(Path root) {
        this.root = root;
        this.candidates = root.resolve(CANDIDATES);
    }

    /**
     * Checks the folder against the inputs and the anonymization mode of an earlier run, then creates it.
     *
     * @throws InvalidInputException when it is a file, an input folder, or holds a batch of the other mode
     */
    static OutputLayout prepare(Path root, List<Path> inputs, boolean anonymize) {
        String name = root.toString();
        if (Files.exists(root) && !Files.isDirectory(root)) {
            throw new InvalidInputException(name, null, "is a file; the output must be a folder");
        }
        for (Path input : inputs) {
            if (Files.isDirectory(input) && sameFile(root, input)) {
                throw new InvalidInputException(name, null,
                        "is an input folder; reports would be mixed with submissions: choose another output folder");
            }
        }
        OutputLayout layout = new OutputLayout(root);
        boolean hasMap = Files.exists(layout.anonymizationMap());
        if (!anonymize && hasMap) {
            throw new InvalidInputException(name, null, "holds an anonymized batch (" + Pseudonyms.MAP_FILE
                    + "); pass --anonymize, or grade into another folder");
        }
        if (anonymize && !hasMap && previousRunWasNamed(layout.summaryJson())) {
            throw new InvalidInputException(name, null, "holds a batch graded without --anonymize: its reports name "
                    + "the candidates; grade into another folder");
        }
        try {
            Files.createDirectories(layout.candidates);
        } catch (IOException e) {
            throw new InvalidInputException(name, null, "cannot create the output folder: "
                    + InputScanner.reason(e), e);
        }
        return layout;
    }

    private static boolean previousRunWasNamed(Path summary) {
        if (!Files.exists(summary)) {
            return false;
        }
        try {
            JsonNode root = Json.mapper().readTree(summary.toFile());
            return root != null && !root.path("anonymized").asBoolean(true);
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean sameFile(Path a, Path b) {
        try {
            return Files.exists(a) && Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }

    Path root() {
        return root;
    }

    Path json(String file) {
        return candidates.resolve(file + ".json");
    }

    Path markdown(String file) {
        return candidates.resolve(file + ".md");
    }

    Path summaryCsv() {
        return root.resolve(SUMMARY_CSV);
    }

    Path summaryJson() {
        return root.resolve(SUMMARY_JSON);
    }

    Path reportHtml() {
        return root.resolve(REPORT_HTML);
    }

    Path anonymizationMap() {
        return root.resolve(Pseudonyms.MAP_FILE);
    }

    /**
     * The fingerprint of a candidate's stored result, read from the start of the file only; null when there is
     * no result or it is unreadable (then the candidate is graded again).
     */
    String storedFingerprint(String file) {
        Path path = json(file);
        if (!Files.isRegularFile(path)) {
            return null;
        }
        try (InputStream in = Files.newInputStream(path);
             JsonParser parser = Json.mapper().getFactory().createParser(in)) {
            if (parser.nextToken() != JsonToken.START_OBJECT || parser.nextToken() != JsonToken.FIELD_NAME
                    || !"fingerprint".equals(parser.currentName())) {
                return null;
            }
            return parser.nextTextValue();
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * What a rerun needs of a stored result: its fingerprint, and how many of its answers fell back to the offline
     * judge (a provisional grade, graded again by the next run).
     */
    record Stored(String fingerprint, int fallbacks) {
    }

    /**
     * The fingerprint and fallbacks of a candidate's stored result, read from the start of the file only (the
     * answers come last); null when there is no result or it is unreadable.
     */
    Stored stored(String file) {
        String fingerprint = storedFingerprint(file);
        if (fingerprint == null) {
            return null;
        }
        try (InputStream in = Files.newInputStream(json(file));
             JsonParser parser = Json.mapper().getFactory().createParser(in)) {
            parser.nextToken();
            for (JsonToken t = parser.nextToken(); t == JsonToken.FIELD_NAME; t = parser.nextToken()) {
                String name = parser.currentName();
                parser.nextToken();
                if ("usage".equals(name)) {
                    JsonNode usage = Json.mapper().readTree(parser);
                    return new Stored(fingerprint, usage == null ? 0 : usage.path("fallbacks").asInt());
                }
                if ("questions".equals(name)) {
                    break;
                }
                parser.skipChildren();
            }
            return new Stored(fingerprint, 0);
        } catch (IOException e) {
            return null;
        }
    }

    /** A stored result; null when it is missing or unreadable. */
    CandidateResult read(String file) {
        try {
            return Json.mapper().readValue(json(file).toFile(), CandidateResult.class);
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * Writes a candidate's feedback report, then its result: a present result means a complete candidate.
     *
     * @throws FailedWrite naming the file that could not be written
     */
    void write(CandidateResult result, String markdown) throws FailedWrite {
        write(markdown(result.file()), markdown);
        write(json(result.file()), Json.pretty(result));
    }

    /** Writes a feedback report again from a stored result (someone deleted it). */
    void writeMarkdown(String file, String markdown) throws FailedWrite {
        write(markdown(file), markdown);
    }

    private static void write(Path file, String text) throws FailedWrite {
        try {
            AtomicFiles.writeString(file, text);
        } catch (IOException e) {
            throw new FailedWrite(file, e);
        }
    }

    /** A file of the output that could not be written, with the file system's failure. */
    static final class FailedWrite extends IOException {

        private final transient Path file;

        FailedWrite(Path file, IOException cause) {
            super(cause.getMessage(), cause);
            this.file = file;
        }

        Path file() {
            return file;
        }

        IOException failure() {
            return (IOException) getCause();
        }
    }
}
