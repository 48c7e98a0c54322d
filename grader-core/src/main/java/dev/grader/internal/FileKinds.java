package dev.grader.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What kind of file a path is beyond regular file and folder: named pipes, devices, sockets (POSIX only). */
public final class FileKinds {

    /** The kinds {@link #of} tells apart. */
    public enum Kind { NAMED_PIPE, DEVICE, SOCKET, OTHER }

    private static final int FILE_TYPE = 0170000;

    private FileKinds() {
    }

    /**
     * The kind of file at {@code path}, following links ({@code /dev/fd/63} of a shell's {@code <(...)} is a pipe);
     * {@link Kind#OTHER} for regular files, folders, and wherever the file system has no POSIX modes.
     */
    public static Kind of(Path path) {
        if (!path.getFileSystem().supportedFileAttributeViews().contains("unix")) {
            return Kind.OTHER;
        }
        try {
            return switch ((Integer) Files.getAttribute(path, "unix:mode") & FILE_TYPE) {
                case 0010000 -> Kind.NAMED_PIPE;
                case 0020000, 0060000 -> Kind.DEVICE;
                case 0140000 -> Kind.SOCKET;
                default -> Kind.OTHER;
            };
        } catch (IOException e) {
            return Kind.OTHER; // gone or unreadable: the caller's own read says so
        }
    }
}
