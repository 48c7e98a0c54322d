package dev.grader.spark;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Native libraries on executors. ONNX Runtime (the sentence embedding model) unpacks its 16 MB library from the jar
 * into a fresh temporary directory on every JVM start unless {@code onnxruntime.native.path} names a directory that
 * holds it; on a cluster that is one copy per executor per job. So before the first model loads, the library is
 * unpacked once into a cache directory, under a name made of its content hash (an upgrade gets a directory of its
 * own; executors on one node share one copy; a directory appears complete or not at all), and the property is set.
 * DJL's tokenizer and JNA keep their natives there too instead of the user's home directory. Settings the user made
 * ({@code -Donnxruntime.native.path}, {@code DJL_CACHE_DIR}, {@code -Djna.tmpdir}) are left alone.
 *
 * <p>The shaded job jar carries linux-x64 natives only (as the CLI's jar does); elsewhere the libraries find their
 * own way, from the full artifacts on the class path.
 */
final class NativeLibraries {

    static final String ORT_PROPERTY = "onnxruntime.native.path";
    private static final String ORT_RESOURCES = "ai/onnxruntime/native/linux-x64/";
    private static final List<String> ORT_FILES = List.of("libonnxruntime.so", "libonnxruntime4j_jni.so");

    private static boolean prepared;

    private NativeLibraries() {
    }

    /** Once per JVM: where the native libraries go, for every later model load. */
    static synchronized void prepare(String cacheDir) {
        if (prepared) {
            return;
        }
        prepared = true;
        Path root = root(cacheDir);
        if (System.getProperty(ORT_PROPERTY) == null && linuxX64()) {
            try {
                Path dir = unpackOnnxRuntime(root);
                if (dir != null) {
                    System.setProperty(ORT_PROPERTY, dir.toString());
                }
            } catch (IOException | UncheckedIOException e) {
                // ONNX Runtime then unpacks into java.io.tmpdir itself, as it does without us
                System.err.println("grader: cannot unpack ONNX Runtime into " + root + " (" + e.getMessage()
                        + "); it unpacks into java.io.tmpdir instead");
            }
        }
        if (System.getenv("DJL_CACHE_DIR") == null && System.getProperty("DJL_CACHE_DIR") == null) {
            System.setProperty("DJL_CACHE_DIR", root.resolve("djl").toString());
        }
        if (System.getProperty("jna.tmpdir") == null) {
            System.setProperty("jna.tmpdir", root.resolve("jna").toString());
        }
    }

    /** The cache directory: the one set, or {@code grader-native-USER} under {@code java.io.tmpdir}. */
    static Path root(String cacheDir) {
        if (cacheDir != null && !cacheDir.isBlank()) {
            return Path.of(cacheDir);
        }
        String user = System.getProperty("user.name", "user").replaceAll("[^A-Za-z0-9._-]", "_");
        return Path.of(System.getProperty("java.io.tmpdir"), "grader-native-" + user);
    }

    private static boolean linuxX64() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        return os.contains("linux") && (arch.equals("amd64") || arch.equals("x86_64"));
    }

    /**
     * Unpacks ONNX Runtime's libraries under {@code root}, unless that content is there already.
     *
     * @return the directory holding them, or null when the class path has none (another platform's jar)
     */
    static Path unpackOnnxRuntime(Path root) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        MessageDigest sha = sha256();
        ClassLoader loader = NativeLibraries.class.getClassLoader();
        for (String name : ORT_FILES) {
            try (InputStream in = loader.getResourceAsStream(ORT_RESOURCES + name)) {
                if (in == null) {
                    return null;
                }
                byte[] bytes = in.readAllBytes();
                sha.update(name.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                sha.update(bytes);
                files.put(name, bytes);
            }
        }
        Path target = root.resolve("onnxruntime-" + HexFormat.of().formatHex(sha.digest()).substring(0, 16));
        if (complete(target, files)) {
            return target;
        }
        Files.createDirectories(root);
        Path staging = Files.createTempDirectory(root, ".unpacking-");
        try {
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                Files.write(staging.resolve(f.getKey()), f.getValue());
            }
            try {
                Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException
                     | AtomicMoveNotSupportedException e) {
                if (!complete(target, files)) { // another executor won the race, or a broken leftover is in the way
                    throw new IOException("cannot place " + target + ": " + e);
                }
            }
        } finally {
            deleteTree(staging);
        }
        return target;
    }

    private static boolean complete(Path dir, Map<String, byte[]> files) throws IOException {
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            Path p = dir.resolve(f.getKey());
            if (!Files.isRegularFile(p) || Files.size(p) != f.getValue().length) {
                return false;
            }
        }
        return true;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
