package dev.grader.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ONNX Runtime's native library is unpacked once into a cache directory, complete or not at all. */
class NativeLibrariesTest {

    @TempDir
    Path cache;

    @Test
    void unpacksOnceAndLeavesNothingElse() throws Exception {
        Path dir = NativeLibraries.unpackOnnxRuntime(cache);
        assertNotNull(dir, "the test class path has ONNX Runtime's linux-x64 library");
        assertTrue(Files.size(dir.resolve("libonnxruntime.so")) > 1_000_000);
        assertTrue(Files.isRegularFile(dir.resolve("libonnxruntime4j_jni.so")));
        FileTime written = Files.getLastModifiedTime(dir.resolve("libonnxruntime.so"));

        assertEquals(dir, NativeLibraries.unpackOnnxRuntime(cache), "the same content, the same directory");
        assertEquals(written, Files.getLastModifiedTime(dir.resolve("libonnxruntime.so")), "not written again");
        try (Stream<Path> entries = Files.list(cache)) {
            assertEquals(List.of(dir), entries.toList(), "no staging directory left behind");
        }
    }

    @Test
    void executorsLoadTheModelFromTheCache() {
        // any grading in this JVM prepared the natives first; the tests' java.io.tmpdir is target/
        NativeLibraries.prepare(null);
        String path = System.getProperty(NativeLibraries.ORT_PROPERTY);
        assertNotNull(path);
        assertTrue(Files.isRegularFile(Path.of(path, "libonnxruntime.so")), path);
        assertTrue(Path.of(path).startsWith(NativeLibraries.root(null)), path);
    }
}
