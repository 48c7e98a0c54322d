package dev.grader.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir
    Path dir;

    @Test
    void replacesTheFileWholeAndLeavesNoTemporaryFileBehind() throws Exception {
        Path target = dir.resolve("out/report.json");
        AtomicFiles.writeString(target, "first");
        AtomicFiles.writeString(target, "second");
        assertEquals("second", Files.readString(target));
        try (var files = Files.list(target.getParent())) {
            assertEquals(1, files.count());
        }
    }

    @Test
    void theFileGetsTheSamePermissionsAsAnyFileWrittenThere() throws Exception {
        Path atomic = dir.resolve("atomic.txt");
        Path plain = dir.resolve("plain.txt");
        AtomicFiles.writeString(atomic, "x");
        Files.writeString(plain, "x");
        assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(atomic));
    }

    @Test
    void aSymbolicLinkStaysAndItsTargetGetsTheContent() throws Exception {
        Path target = dir.resolve("real.txt");
        Path link = Files.createSymbolicLink(dir.resolve("link.txt"), target.getFileName());
        AtomicFiles.writeString(link, "through");
        assertTrue(Files.isSymbolicLink(link));
        assertEquals("through", Files.readString(target));
    }

    @Test
    void checkWritableRefusesADirectoryAndAPathUnderAFile() throws Exception {
        Path file = Files.writeString(dir.resolve("plain.txt"), "x");
        assertEquals("is a directory", assertThrows(IOException.class, () -> AtomicFiles.checkWritable(dir))
                .getMessage().replace(dir + ": ", ""));
        assertThrows(IOException.class, () -> AtomicFiles.checkWritable(file.resolve("under.txt")));
        AtomicFiles.checkWritable(dir.resolve("new/sub/ok.txt"));
        try (var files = Files.list(dir.resolve("new/sub"))) {
            assertEquals(0, files.count(), "the probe leaves nothing behind");
        }
    }

    @Test
    void dotDotAfterALinkMeansTheLinkTargetsParentAsForTheFileSystem() throws Exception {
        Files.createDirectories(dir.resolve("real/proj"));
        Files.createDirectories(dir.resolve("home"));
        Files.createSymbolicLink(dir.resolve("home/proj"), Path.of("../real/proj"));
        AtomicFiles.writeString(dir.resolve("home/proj/../x.txt"), "here");
        assertEquals("here", Files.readString(dir.resolve("real/x.txt")));
        assertTrue(Files.notExists(dir.resolve("home/x.txt")));
    }

    @Test
    void aDeviceIsWrittenThroughNeverReplaced() throws Exception {
        Path devNull = Path.of("/dev/null");
        AtomicFiles.checkWritable(devNull);
        AtomicFiles.writeString(devNull, "gone");
        assertTrue(Files.exists(devNull) && !Files.isRegularFile(devNull), "/dev/null is still a device");
    }
}
