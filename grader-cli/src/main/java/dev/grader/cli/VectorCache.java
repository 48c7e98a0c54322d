package dev.grader.cli;

import dev.grader.Version;
import dev.grader.internal.AtomicFiles;
import dev.grader.internal.Hashing;
import dev.grader.judge.SentenceEncoder;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A sentence encoder that keeps the vectors of recurring batches (a question's key points, its graded examples)
 * in {@code ${XDG_CACHE_HOME:-~/.cache}/grader/vectors}, one file per batch: {@code grader grade} would otherwise
 * embed a question's examples on every run, half of its time. Answers ({@link #encodeUncached}) are never written
 * to disk. An unreadable or corrupted file is a miss; a failed write is ignored.
 */
final class VectorCache implements SentenceEncoder {

    /** Batches smaller than this are cheap to embed and not worth a file. */
    static final int MIN_BATCH = 8;
    private static final int MAGIC = 0x47564543; // "GVEC"

    private final SentenceEncoder encoder;
    private final Path dir;

    VectorCache(SentenceEncoder encoder, Path dir) {
        this.encoder = encoder;
        this.dir = dir;
    }

    /**
     * The cache beside the model-reply cache, one folder per model and build: {@code .../grader/vectors/<id>}. A
     * new build's first write removes the folders of builds unused for {@link #UNUSED_DAYS} days, so the cache
     * does not grow with every upgrade.
     */
    static VectorCache in(SentenceEncoder encoder, JudgeEnvironment env) {
        String build = Hashing.sha256((encoder.name() + "\n" + Version.get() + "\n" + Version.build())
                .getBytes(StandardCharsets.UTF_8)).substring(0, 16);
        return new VectorCache(encoder, env.defaultCacheDir().resolveSibling("vectors").resolve(build));
    }

    /** How long a build's vectors are kept after their last use. */
    static final int UNUSED_DAYS = 30;

    @Override
    public List<float[]> encode(List<String> texts) {
        if (texts.size() < MIN_BATCH) {
            return encoder.encode(texts);
        }
        Path file = dir.resolve(key(texts) + ".bin");
        List<float[]> known = read(file, texts.size());
        if (known != null) {
            touch(); // in use: not a build to prune
            return known;
        }
        List<float[]> fresh = encoder.encode(texts);
        write(file, fresh);
        return fresh;
    }

    @Override
    public List<float[]> encodeUncached(List<String> texts) {
        return encoder.encodeUncached(texts);
    }

    @Override
    public String name() {
        return encoder.name();
    }

    /** The batch, the model and the build: another build may carry another model under the same name. */
    private String key(List<String> texts) {
        StringBuilder b = new StringBuilder(encoder.name()).append('\n').append(Version.get()).append('\n')
                .append(Version.build());
        for (String t : texts) {
            b.append('\u0000').append(t);
        }
        return Hashing.sha256(b.toString().getBytes(StandardCharsets.UTF_8));
    }

    private void touch() {
        try {
            Files.setLastModifiedTime(dir, java.nio.file.attribute.FileTime.from(java.time.Instant.now()));
        } catch (IOException | RuntimeException e) {
            // only pruning reads the time
        }
    }

    /** Removes the folders of other builds not written to for {@link #UNUSED_DAYS} days; failures are ignored. */
    void pruneOtherBuilds() {
        java.time.Instant cutoff = java.time.Instant.now().minus(java.time.Duration.ofDays(UNUSED_DAYS));
        try (java.util.stream.Stream<Path> builds = Files.list(dir.getParent())) {
            for (Path other : builds.filter(p -> !p.equals(dir) && Files.isDirectory(p)).toList()) {
                if (Files.getLastModifiedTime(other).toInstant().isBefore(cutoff)) {
                    try (java.util.stream.Stream<Path> files = Files.list(other)) {
                        for (Path f : files.toList()) {
                            Files.deleteIfExists(f);
                        }
                    }
                    Files.deleteIfExists(other);
                }
            }
        } catch (IOException | RuntimeException e) {
            // an old folder left behind costs disk space, never a grade
        }
    }

    private static List<float[]> read(Path file, int count) {
        try {
            ByteBuffer in = ByteBuffer.wrap(Files.readAllBytes(file));
            if (in.getInt() != MAGIC || in.getInt() != count) {
                return null;
            }
            int dims = in.getInt();
            if (dims <= 0 || in.remaining() != (long) count * dims * Float.BYTES) {
                return null;
            }
            List<float[]> out = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                float[] v = new float[dims];
                in.asFloatBuffer().get(v);
                in.position(in.position() + dims * Float.BYTES);
                out.add(v);
            }
            return out;
        } catch (IOException | RuntimeException e) {
            return null; // missing, unreadable or cut short: embed again
        }
    }

    private void write(Path file, List<float[]> vectors) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            int dims = vectors.isEmpty() ? 0 : vectors.get(0).length;
            out.writeInt(MAGIC);
            out.writeInt(vectors.size());
            out.writeInt(dims);
            for (float[] v : vectors) {
                if (v.length != dims) {
                    return;
                }
                for (float x : v) {
                    out.writeFloat(x);
                }
            }
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir);
                pruneOtherBuilds();
            }
            AtomicFiles.write(file, bytes.toByteArray());
            touch();
        } catch (IOException | RuntimeException e) {
            // a cache that cannot be written costs time, never a grade
        }
    }
}
