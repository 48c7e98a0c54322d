package dev.grader.internal;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;

/**
 * Writes a file so that readers see either the old content or the complete new content, never a half-written
 * file: write a temporary sibling, then move it into place.
 *
 * <p>A symbolic link is followed, so the link stays and its target gets the content. A target that exists but is
 * not a regular file (a named pipe, a terminal), or lies under {@code /dev} or {@code /proc} ({@code /dev/stdout}),
 * cannot be replaced and is written through.
 */
public final class AtomicFiles {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int MAX_LINKS = 40;

    private AtomicFiles() {
    }

    public static void writeString(Path target, String content) throws IOException {
        write(target, content.getBytes(StandardCharsets.UTF_8));
    }

    public static void write(Path target, byte[] content) throws IOException {
        replace(target, out -> out.write(content));
    }

    /** Writes UTF-8 text produced piece by piece: a large file (the cohort's HTML report) is not held in memory. */
    public static void writeText(Path target, TextBody body) throws IOException {
        replace(target, out -> {
            try (Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8))) {
                body.writeTo(writer); // the body may close the writer itself (a CSV printer does)
            }
        });
    }

    /** Text written piece by piece. */
    @FunctionalInterface
    public interface TextBody {
        void writeTo(Writer out) throws IOException;
    }

    private interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private static void replace(Path target, Content body) throws IOException {
        if (writeThrough(target)) {
            try (OutputStream out = Files.newOutputStream(target, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND)) {
                body.writeTo(out);
            }
            return;
        }
        Path file = resolve(target);
        Files.createDirectories(file.getParent());
        Path tmp = temporarySibling(file);
        try {
            // not Files.createTempFile: it makes the file readable by its owner only, and reports are shared
            try (OutputStream out = Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE)) {
                body.writeTo(out);
            }
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * Fails now, with the file system's reason, if {@link #write} could not write this target later: for checks
     * before long work whose result would otherwise be lost. Creates missing parent directories, as write would.
     */
    public static void checkWritable(Path target) throws IOException {
        if (Files.isDirectory(target)) {
            throw new FileSystemException(target.toString(), null, "is a directory");
        }
        if (writeThrough(target)) {
            if (!Files.isWritable(target)) {
                throw new FileSystemException(target.toString(), null, "permission denied");
            }
            return;
        }
        Path file = resolve(target);
        Files.createDirectories(file.getParent());
        Path probe = temporarySibling(file);
        try {
            Files.write(probe, new byte[0], StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (FileSystemException e) {
            // the probe's hidden name means nothing to the user: report the directory and the reason
            throw new FileSystemException(file.getParent().toString(), null, IoErrors.reason(e));
        } finally {
            Files.deleteIfExists(probe);
        }
    }

    /**
     * A device, pipe or terminal, or a path through {@code /dev} or {@code /proc} ({@code /dev/stdout} leads to
     * {@code /proc/self/fd/1}, whose link text is not a path to replace): nothing to swap atomically, so it is
     * written in place.
     */
    private static boolean writeThrough(Path target) {
        Path absolute = target.toAbsolutePath();
        return absolute.startsWith("/dev") || absolute.startsWith("/proc")
                || Files.exists(target) && !Files.isRegularFile(target);
    }

    /**
     * The absolute path with symbolic links followed, even a link to a file not yet created. Not normalized:
     * ".." after a link means the link target's parent, which only the file system knows.
     */
    private static Path resolve(Path target) throws IOException {
        Path path = target.toAbsolutePath();
        for (int i = 0; i < MAX_LINKS && Files.isSymbolicLink(path); i++) {
            path = path.resolveSibling(Files.readSymbolicLink(path));
        }
        if (Files.isSymbolicLink(path)) {
            throw new FileSystemException(target.toString(), null, "too many levels of symbolic links");
        }
        return path;
    }

    private static Path temporarySibling(Path file) {
        return file.resolveSibling("." + file.getFileName() + "." + Long.toHexString(RANDOM.nextLong()) + ".tmp");
    }
}
