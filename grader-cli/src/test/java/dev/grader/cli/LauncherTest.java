package dev.grader.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./grader} launcher, run by bash from a copy of the repository layout with a stand-in {@code java}
 * (JAVA_HOME) whose start-up preparation takes as long as the test says: the real jar does not exist yet while
 * the tests run, and a real archive dump would make the test slow.
 */
@EnabledOnOs(OS.LINUX)
class LauncherTest {

    private static final String NOTICE = "grader: preparing a faster start-up for the new build (once per build, a "
            + "few seconds)...\n";

    @TempDir
    Path dir;

    private Path root() throws IOException {
        Path root = dir.resolve("repo");
        Files.createDirectories(root.resolve("grader-cli/target"));
        Files.copy(Path.of("..", "grader"), root.resolve("grader"));
        executable(root.resolve("grader"));
        Files.writeString(root.resolve("grader-cli/target/grader.jar"), "a jar built by mvn package");
        Path java = dir.resolve("jdk/bin/java");
        Files.createDirectories(java.getParent());
        // Training runs (-XX:DumpLoadedClassList) take FAKE_JAVA_DELAY seconds each and write a class list; the
        // dump writes an archive; a real run says what it ran.
        Files.writeString(java, """
                #!/bin/sh
                dump=no
                for a in "$@"; do
                  case "$a" in
                    -XX:DumpLoadedClassList=*) sleep "${FAKE_JAVA_DELAY:-0}"; echo java/lang/Object > "${a#*=}"; exit 0 ;;
                    -Xshare:dump) dump=yes ;;
                    -XX:SharedArchiveFile=*) archive="${a#*=}" ;;
                  esac
                done
                if [ "$dump" = yes ]; then echo archive > "$archive"; exit 0; fi
                echo "ran: $*" | sed 's/.*-jar [^ ]* /ran: /'
                """);
        executable(java);
        return root;
    }

    private static void executable(Path file) throws IOException {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private record Run(String out, String err) {
    }

    private Run launch(Path root, String delay) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("bash", root.resolve("grader").toString(), "show", "-q", "Q1");
        pb.environment().put("JAVA_HOME", dir.resolve("jdk").toString());
        pb.environment().put("XDG_CACHE_HOME", dir.resolve("cache").toString());
        pb.environment().put("FAKE_JAVA_DELAY", delay);
        pb.redirectOutput(dir.resolve("out.txt").toFile());
        pb.redirectError(dir.resolve("err.txt").toFile());
        Process p = pb.start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), Files.readString(dir.resolve("err.txt")));
        return new Run(Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8),
                Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8));
    }

    @Test
    void aSlowStartUpPreparationAfterABuildIsAnnouncedOnce() throws Exception {
        Path root = root();

        Run first = launch(root, "0.8");
        assertEquals("ran: show -q Q1\n", first.out());
        assertEquals(NOTICE, first.err());

        Run second = launch(root, "0.8");
        assertEquals("ran: show -q Q1\n", second.out());
        assertEquals("", second.err(), "prepared once per jar");
    }

    @Test
    void aQuickOneIsNotAnnounced() throws Exception {
        Run run = launch(root(), "0");
        assertEquals(List.of("ran: show -q Q1"), run.out().lines().toList());
        assertEquals("", run.err());
    }
}
