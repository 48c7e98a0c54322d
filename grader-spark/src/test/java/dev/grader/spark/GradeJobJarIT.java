package dev.grader.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job jar as a cluster runs it: {@code grader-spark.jar} after Spark's own jars on the class path (as
 * spark-submit puts an application jar), the master from {@code -Dspark.master}, in a JVM of its own. The jar
 * carries no Spark or Scala, brings grader's libraries itself (Jackson relocated), and the executor unpacks ONNX
 * Runtime into the native cache once, leaving nothing in {@code java.io.tmpdir} or the home directory.
 */
class GradeJobJarIT {

    @TempDir
    Path tmp;

    @Test
    void theShadedJarGradesBesideSparksJars() throws Exception {
        Path jar = Path.of(System.getProperty("grader.spark.jar"));
        Set<String> bundled = entries(jar);
        assertFalse(bundled.stream().anyMatch(e -> e.startsWith("org/apache/spark/") || e.startsWith("scala/")
                || e.startsWith("org/apache/hadoop/")), "no Spark, Scala or Hadoop in the job jar");
        assertFalse(bundled.stream().anyMatch(e -> e.startsWith("com/fasterxml/")), "Jackson is relocated");
        assertTrue(bundled.contains("dev/grader/shaded/jackson/databind/ObjectMapper.class"));
        assertTrue(bundled.contains("ai/onnxruntime/native/linux-x64/libonnxruntime.so"));
        assertFalse(bundled.stream().anyMatch(e -> e.startsWith("ai/onnxruntime/native/osx")));

        List<String> classPath = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path p = Path.of(entry);
            if (entry.endsWith(".jar") && Files.isRegularFile(p) && !p.equals(jar) && !isBundled(p, bundled)) {
                classPath.add(entry); // Spark, Scala, Hadoop and what they need: the cluster's jars
            }
        }
        classPath.add(jar.toString());

        Path rubric = JobRun.shippedRubric(tmp);
        Path input = tmp.resolve("answers.jsonl");
        Files.writeString(input, CohortFixture.jsonLines(JobRun.SHIPPED, 12, 5));
        Path home = Files.createDirectories(tmp.resolve("home"));
        Path javaTmp = Files.createDirectories(tmp.resolve("java-tmp"));
        Path natives = tmp.resolve("native-cache");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString()));
        command.addAll(List.of(System.getProperty("spark.test.opens").trim().split("\\s+")));
        command.addAll(List.of("-Xmx1g", "-Dspark.master=local[2]", "-Dspark.ui.enabled=false",
                "-Dspark.driver.host=127.0.0.1", "-Dspark.driver.bindAddress=127.0.0.1",
                "-Djava.io.tmpdir=" + javaTmp, "-Duser.home=" + home, "-cp", String.join(File.pathSeparator, classPath),
                "dev.grader.spark.GradeJob", "--rubric", rubric.toString(), "--input", input.toString(),
                "--output", tmp.resolve("out").toString(), "--native-cache-dir", natives.toString()));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(tmp.resolve("job.log").toFile());
        pb.environment().remove("DJL_CACHE_DIR");
        pb.environment().put("HOME", home.toString());
        Process job = pb.start();
        assertTrue(job.waitFor(5, TimeUnit.MINUTES), "the job ends");
        String log = Files.readString(tmp.resolve("job.log"), StandardCharsets.UTF_8);
        assertEquals(1, job.exitValue(), log); // the fixture has a row naming no question of the rubric
        assertTrue(log.contains("Graded "), log);
        assertTrue(Files.isDirectory(tmp.resolve("out/answers")) && Files.isRegularFile(tmp.resolve(
                "out/cohort/report.html")), log);

        try (Stream<Path> unpacked = Files.list(natives)) {
            assertTrue(unpacked.anyMatch(d -> Files.isRegularFile(d.resolve("libonnxruntime.so"))),
                    "ONNX Runtime unpacked into the native cache");
        }
        try (Stream<Path> left = Files.list(javaTmp)) {
            List<String> names = left.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("onnxruntime"))
                    .toList();
            assertEquals(List.of(), names, "nothing unpacked into java.io.tmpdir");
        }
        try (Stream<Path> left = Files.list(home)) {
            assertEquals(List.of(), left.map(p -> p.getFileName().toString()).filter(n -> n.contains("djl"))
                    .toList(), "no DJL cache in the home directory");
        }
    }

    private static Set<String> entries(Path jar) throws IOException {
        Set<String> out = new HashSet<>();
        try (JarFile file = new JarFile(jar.toFile())) {
            file.stream().forEach(e -> out.add(e.getName()));
        }
        return out;
    }

    /** Whether the job jar holds (some of) this library: a class at the same path; grader's own jars too. */
    private static boolean isBundled(Path library, Set<String> bundled) throws IOException {
        try (JarFile file = new JarFile(library.toFile())) {
            for (Enumeration<JarEntry> e = file.entries(); e.hasMoreElements(); ) {
                String name = e.nextElement().getName();
                if (name.endsWith(".class") && !name.startsWith("META-INF/") && bundled.contains(name)) {
                    return true;
                }
            }
        }
        return false;
    }
}
