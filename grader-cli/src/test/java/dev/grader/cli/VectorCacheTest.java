package dev.grader.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.grader.judge.SentenceEncoder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VectorCacheTest {

    /** A deterministic encoder that counts the texts it was asked to embed. */
    static final class CountingEncoder implements SentenceEncoder {
        int embedded;

        @Override
        public List<float[]> encode(List<String> texts) {
            embedded += texts.size();
            return texts.stream().map(t -> new float[] {t.length(), t.hashCode() % 7, 1}).toList();
        }

        @Override
        public String name() {
            return "counting";
        }
    }

    static final List<String> EXAMPLES = IntStream.range(0, 12).mapToObj(i -> "example sentence " + i).toList();

    @Test
    void aBatchEmbeddedOnceIsReadBackByTheNextRun(@TempDir Path dir) {
        CountingEncoder first = new CountingEncoder();
        List<float[]> fresh = new VectorCache(first, dir).encode(EXAMPLES);
        CountingEncoder second = new CountingEncoder();
        List<float[]> cached = new VectorCache(second, dir).encode(EXAMPLES);
        assertEquals(12, first.embedded);
        assertEquals(0, second.embedded);
        for (int i = 0; i < fresh.size(); i++) {
            assertArrayEquals(fresh.get(i), cached.get(i));
        }
    }

    @Test
    void answersAndSmallBatchesAreNeverWritten(@TempDir Path dir) throws IOException {
        VectorCache cache = new VectorCache(new CountingEncoder(), dir);
        cache.encodeUncached(EXAMPLES);
        cache.encode(EXAMPLES.subList(0, VectorCache.MIN_BATCH - 1));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(0, files.count());
        } catch (java.nio.file.NoSuchFileException e) {
            // nothing written, not even the folder
        }
    }

    @Test
    void aCorruptedFileIsEmbeddedAgain(@TempDir Path dir) throws IOException {
        new VectorCache(new CountingEncoder(), dir).encode(EXAMPLES);
        Path file;
        try (Stream<Path> files = Files.list(dir)) {
            file = files.findFirst().orElseThrow();
        }
        Files.write(file, java.util.Arrays.copyOf(Files.readAllBytes(file), 20)); // cut short
        CountingEncoder again = new CountingEncoder();
        List<float[]> vectors = new VectorCache(again, dir).encode(EXAMPLES);
        assertEquals(12, again.embedded);
        assertEquals(12, vectors.size());
    }

    @Test
    void aNewBuildRemovesTheVectorsOfBuildsUnusedForAMonth(@TempDir Path root) throws IOException {
        Path stale = Files.createDirectories(root.resolve("stalebuild"));
        Files.writeString(stale.resolve("x.bin"), "old");
        Files.setLastModifiedTime(stale, java.nio.file.attribute.FileTime.from(
                java.time.Instant.now().minus(java.time.Duration.ofDays(VectorCache.UNUSED_DAYS + 1))));
        Path recent = Files.createDirectories(root.resolve("otherbuild"));
        new VectorCache(new CountingEncoder(), root.resolve("thisbuild")).encode(EXAMPLES);
        assertFalse(Files.exists(stale));
        assertTrue(Files.isDirectory(recent));
        assertTrue(Files.isDirectory(root.resolve("thisbuild")));
    }

    @Test
    void anUnwritableFolderCostsTimeNotAGrade(@TempDir Path dir) throws IOException {
        Path blocked = dir.resolve("file-not-folder");
        Files.writeString(blocked, "x");
        CountingEncoder encoder = new CountingEncoder();
        assertEquals(12, new VectorCache(encoder, blocked).encode(EXAMPLES).size());
        assertFalse(Files.isDirectory(blocked));
    }
}
