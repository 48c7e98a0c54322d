package dev.grader.embeddings;

import ai.onnxruntime.OrtEnvironment;
import dev.grader.Api;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the native code of the embedding model lives on disk: one cache directory instead of the temp directory.
 *
 * <p>ONNX Runtime unpacks its libraries into {@code java.io.tmpdir} on every start and leaves a directory there;
 * DJL's tokenizers and JNA write under the home directory. Before the model first loads, grader unpacks ONNX
 * Runtime's libraries once into {@code <cache>/native/onnxruntime-<version>/<platform>} and points
 * {@code onnxruntime.native.path} there, DJL to {@code <cache>/djl} and JNA to {@code <cache>/jna}. A run leaves
 * nothing in the temp directory, and later runs reuse what the first unpacked.
 *
 * <p>The cache directory is, first found: {@link #cacheDirectory(Path)}, the system property
 * {@value #CACHE_DIR_PROPERTY}, {@code $XDG_CACHE_HOME/grader}, {@code ~/.cache/grader}. Settings made by the caller
 * win: an {@code onnxruntime.native.path} or {@code jna.tmpdir} system property, or {@code DJL_CACHE_DIR} (property or
 * environment variable), is left as it is.
 */
@Api(status = Api.Status.EXPERIMENTAL)
public final class NativeLibraries {

    /** System property naming grader's cache directory. */
    public static final String CACHE_DIR_PROPERTY = "grader.cache.dir";

    static final String ONNX_PATH_PROPERTY = "onnxruntime.native.path";
    private static final String ONNX_RESOURCES = "/ai/onnxruntime/native/";
    private static final String ONNX_POM = "/META-INF/maven/com.microsoft.onnxruntime/onnxruntime/pom.xml";

    private static Path chosen;
    private static Path prepared;

    private NativeLibraries() {
    }

    /**
     * Sets the cache directory, before the embedding model first loads in this JVM.
     *
     * @throws IllegalStateException if the model has loaded already, with the native libraries of another directory
     */
    public static synchronized void cacheDirectory(Path directory) {
        Path absolute = directory.toAbsolutePath().normalize();
        if (prepared != null && !prepared.equals(absolute)) {
            throw new IllegalStateException("the embedding model's native libraries are loaded from " + prepared
                    + " already; set the cache directory before the first grade with embeddings");
        }
        chosen = absolute;
    }

    /** The cache directory in use, or to be used when the model loads. */
    public static synchronized Path cacheDirectory() {
        if (prepared != null) {
            return prepared;
        }
        if (chosen != null) {
            return chosen;
        }
        String property = System.getProperty(CACHE_DIR_PROPERTY);
        if (property != null && !property.isBlank()) {
            return Path.of(property).toAbsolutePath().normalize();
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("grader").toAbsolutePath().normalize();
    }

    /** Points ONNX Runtime, DJL and JNA at the cache, unpacking ONNX Runtime's libraries there the first time. */
    static synchronized void prepare() {
        if (prepared != null) {
            return;
        }
        Path cache = cacheDirectory();
        try {
            if (blank(System.getProperty("DJL_CACHE_DIR")) && blank(System.getenv("DJL_CACHE_DIR"))) {
                System.setProperty("DJL_CACHE_DIR", Files.createDirectories(cache.resolve("djl")).toString());
            }
            if (blank(System.getProperty("jna.tmpdir"))) {
                System.setProperty("jna.tmpdir", Files.createDirectories(cache.resolve("jna")).toString());
            }
            if (blank(System.getProperty(ONNX_PATH_PROPERTY))) {
                Path onnx = unpackOnnxRuntime(cache);
                if (onnx != null) {
                    System.setProperty(ONNX_PATH_PROPERTY, onnx.toString());
                }
            }
        } catch (IOException e) {
            // Grading must not fail for a read-only home: the libraries then unpack where they would without grader.
            System.getLogger(NativeLibraries.class.getName()).log(System.Logger.Level.WARNING, "cannot use " + cache
                    + " for the embedding model's native libraries (" + e.getMessage() + "); set another directory "
                    + "with -D" + CACHE_DIR_PROPERTY + "=DIR");
        }
        prepared = cache;
    }

    /**
     * Unpacks this platform's ONNX Runtime libraries (the ones ONNX Runtime would unpack itself), each written to
     * a temporary name in the cache and renamed, so a concurrent run never sees half a file. Null when the jars
     * hold none for this platform: ONNX Runtime then looks for them itself, as it would without grader.
     */
    static Path unpackOnnxRuntime(Path cache) throws IOException {
        String platform = onnxPlatform();
        if (platform == null) {
            return null;
        }
        List<String> libraries = List.of(System.mapLibraryName("onnxruntime"),
                System.mapLibraryName("onnxruntime4j_jni"));
        for (String library : libraries) {
            if (OrtEnvironment.class.getResource(ONNX_RESOURCES + platform + "/" + library) == null) {
                return null;
            }
        }
        Path dir = Files.createDirectories(cache.resolve("native").resolve("onnxruntime-" + onnxVersion(platform))
                .resolve(platform));
        for (String library : libraries) {
            Path target = dir.resolve(library);
            if (Files.isRegularFile(target)) {
                continue;
            }
            Path partial = Files.createTempFile(dir, library, ".partial");
            try (InputStream in = OrtEnvironment.class.getResourceAsStream(ONNX_RESOURCES + platform + "/" + library)) {
                Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
                Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(partial);
            }
        }
        return dir;
    }

    /** ONNX Runtime's name for this platform's resource folder ({@code linux-x64}), or null if it ships none. */
    static String onnxPlatform() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        String system = os.contains("mac") || os.contains("darwin") ? "osx"
                : os.contains("win") ? "win" : os.contains("nux") ? "linux" : null;
        String machine = arch.startsWith("amd64") || arch.startsWith("x86_64") ? "x64"
                : arch.startsWith("aarch64") || arch.startsWith("arm64") ? "aarch64" : null;
        return system == null || machine == null ? null : system + "-" + machine;
    }

    /** The ONNX Runtime version from its jar, or a digest of its JNI library when the jar was repackaged. */
    private static String onnxVersion(String platform) throws IOException {
        String version = OrtEnvironment.class.getPackage().getImplementationVersion();
        if (!blank(version)) {
            return version;
        }
        try (InputStream pom = OrtEnvironment.class.getResourceAsStream(ONNX_POM)) {
            if (pom != null) {
                Matcher m = Pattern.compile("<artifactId>onnxruntime</artifactId>\\s*<version>([^<]+)</version>")
                        .matcher(new String(pom.readAllBytes(), StandardCharsets.UTF_8));
                if (m.find()) {
                    return m.group(1).strip();
                }
            }
        }
        try (InputStream jni = OrtEnvironment.class.getResourceAsStream(ONNX_RESOURCES + platform + "/"
                + System.mapLibraryName("onnxruntime4j_jni"))) {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return "sha256-" + HexFormat.of().formatHex(sha.digest(jni.readAllBytes()), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
