package dev.grader.batch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A submission file: Markdown or plain text ({@code .md}, {@code .markdown}, {@code .txt}, no extension), or Word
 * ({@code .docx}). Other types are known by name and reported as unreadable with a hint, not guessed at.
 *
 * @param path        the file
 * @param candidateId the file name without its extension
 * @param source      the path as the user gave it
 * @param unsupported why the file type cannot be graded, or null when it can
 */
record FileSubmission(Path path, String candidateId, String source, String unsupported) implements Submission {

    /** Submissions are prose; anything bigger is almost certainly not a take-home and is not read. */
    static final long MAX_BYTES = 8L * 1024 * 1024;

    /** A submission for {@code path}, its type told by its extension. */
    static FileSubmission of(Path path, String source) {
        String name = path.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String id = dot > 0 ? name.substring(0, dot) : name;
        String ext = dot > 0 ? name.substring(dot + 1).toLowerCase(Locale.ROOT) : "";
        return new FileSubmission(path, id, source, unsupportedReason(ext));
    }

    private static String unsupportedReason(String ext) {
        return switch (ext) {
            case "", "md", "markdown", "txt", "text", "docx" -> null;
            case "pdf" -> "PDF is not supported: export it as .txt or .md (for example with pdftotext)";
            case "doc", "odt", "rtf", "pages" -> "." + ext + " is not supported: save it as .docx, .md or .txt";
            case "jsonl", "ndjson", "csv", "tsv" ->
                    "a table inside a submissions folder: pass it as an INPUT of its own";
            default -> "unsupported file type ." + ext + " (expected .md, .txt or .docx)";
        };
    }

    boolean docx() {
        return path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".docx");
    }

    @Override
    public byte[] content() throws IOException {
        if (unsupported != null) {
            return new byte[0];
        }
        long size = Files.size(path);
        if (size > MAX_BYTES) {
            throw new UnreadableSubmissionException("file too large (" + (size >> 20) + " MB; the limit is "
                    + (MAX_BYTES >> 20) + " MB)");
        }
        return Files.readAllBytes(path);
    }

    @Override
    public ParsedSubmission read(byte[] content, SubmissionParser parser) {
        if (unsupported != null) {
            throw new UnreadableSubmissionException(unsupported);
        }
        return parser.parse(docx() ? DocxText.extract(content) : TextDecoder.decode(content));
    }
}
