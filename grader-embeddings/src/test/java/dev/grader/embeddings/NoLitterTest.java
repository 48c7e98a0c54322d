package dev.grader.embeddings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A library run with embeddings leaves nothing in the temp directory (ONNX Runtime would unpack its libraries
 * there) nor in the home directory (DJL, JNA): the native libraries go to grader's cache directory, once.
 */
class NoLitterTest {

    @Test
    void aRunLeavesTheTempAndHomeDirectoriesEmpty(@TempDir Path dir) throws Exception {
        Path tmp = Files.createDirectory(dir.resolve("tmp"));
        Path home = Files.createDirectory(dir.resolve("home"));
        Path cache = dir.resolve("cache");

        String printed = runFreshJvm(tmp, home, cache);
        assertTrue(printed.startsWith("all-minilm-l6-v2-q "), printed);
        assertEquals(List.of(), contents(tmp), "left in java.io.tmpdir");
        assertEquals(List.of(), contents(home), "left in user.home");

        String platform = NativeLibraries.onnxPlatform();
        Path onnx;
        try (Stream<Path> versions = Files.list(cache.resolve("native"))) {
            onnx = versions.findFirst().orElseThrow().resolve(platform);
        }
        Path library = onnx.resolve(System.mapLibraryName("onnxruntime"));
        assertTrue(Files.isRegularFile(library), contents(cache).toString());
        assertTrue(Files.isRegularFile(onnx.resolve(System.mapLibraryName("onnxruntime4j_jni"))));
        assertTrue(Files.isDirectory(cache.resolve("djl")) && Files.isDirectory(cache.resolve("jna")));
        assertTrue(contents(cache).stream().noneMatch(p -> p.toString().endsWith(".partial")),
                contents(cache).toString());
    }

    /** Later runs load what the first unpacked: nothing is written again. */
    @Test
    void unpacksOnceAndReusesTheCache(@TempDir Path cache) throws IOException {
        Path onnx = NativeLibraries.unpackOnnxRuntime(cache);
        Path library = onnx.resolve(System.mapLibraryName("onnxruntime"));
        assertTrue(Files.size(library) > 1_000_000, library.toString());
        assertEquals(cache.resolve("native"), onnx.getParent().getParent());
        assertTrue(onnx.getParent().getFileName().toString().startsWith("onnxruntime-"), onnx.toString());
        Files.setLastModifiedTime(library, FileTime.fromMillis(Files.getLastModifiedTime(library).toMillis() - 60_000));
        FileTime before = Files.getLastModifiedTime(library);
        List<Path> files = contents(cache);

        assertEquals(onnx, NativeLibraries.unpackOnnxRuntime(cache));
        assertEquals(before, Files.getLastModifiedTime(library), "unpacked again");
        assertEquals(files, contents(cache));
    }

    /** {@link LitterFreeRun} on the class path, as most callers run, with its own temp, home and cache. */
    private static String runFreshJvm(Path tmp, Path home, Path cache) throws IOException, InterruptedException {
        List<String> classPath = new ArrayList<>();
        classPath.add(Path.of(LitterFreeRun.class.getProtectionDomain().getCodeSource().getLocation().getPath())
                .toString());
        for (String property : List.of("jdk.module.path", "java.class.path")) {
            String value = System.getProperty(property);
            if (value != null && !value.isEmpty()) {
                classPath.add(value);
            }
        }
        Path out = Files.createTempFile(cache.getParent(), "out", ".txt");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-Djava.io.tmpdir=" + tmp, "-Duser.home=" + home,
                "-D" + NativeLibraries.CACHE_DIR_PROPERTY + "=" + cache,
                "-cp", String.join(File.pathSeparator, classPath), LitterFreeRun.class.getName())
                .redirectErrorStream(true).redirectOutput(out.toFile());
        builder.environment().remove("DJL_CACHE_DIR");
        builder.environment().remove("XDG_CACHE_HOME");
        Process java = builder.start();
        assertTrue(java.waitFor(120, TimeUnit.SECONDS), "the run did not finish within 120 s");
        String printed = Files.readString(out, StandardCharsets.UTF_8).strip();
        Files.delete(out);
        assertEquals(0, java.exitValue(), printed);
        return printed;
    }

    private static List<Path> contents(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> !p.equals(dir)).map(dir::relativize).sorted().toList();
        }
    }
}
