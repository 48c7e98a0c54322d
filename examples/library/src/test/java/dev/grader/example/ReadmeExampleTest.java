package dev.grader.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.grader.GradeReport;
import dev.grader.Grader;
import dev.grader.Rubrics;
import dev.grader.Version;
import dev.grader.judge.OfflineJudge;
import dev.grader.report.ReportRenderer;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * README.md's "Use it as a library" is this module: its Maven coordinates are this pom's, its Java example is
 * {@link GradeOne} word for word, and the example runs with and without grader-embeddings.
 */
class ReadmeExampleTest {

    static final Path README = Path.of("../../README.md");
    static final Path POM = Path.of("pom.xml");
    static final Path EXAMPLE = Path.of("src/main/java/dev/grader/example/GradeOne.java");
    static final String SECTION = "## Use it as a library";
    static final String ANSWER = "Shutdown waits for in-flight requests; Close drops them.";

    static String section() throws IOException {
        String readme = Files.readString(README);
        int start = readme.indexOf("\n" + SECTION + "\n");
        assertTrue(start >= 0, "README.md has no section '" + SECTION + "'");
        int end = readme.indexOf("\n## ", start + SECTION.length() + 2);
        return readme.substring(start, end < 0 ? readme.length() : end);
    }

    static List<String> blocks(String text, String language) {
        Matcher block = Pattern.compile("```" + language + "\n(.*?)```\n", Pattern.DOTALL).matcher(text);
        List<String> out = new ArrayList<>();
        while (block.find()) {
            out.add(block.group(1));
        }
        return out;
    }

    @Test
    void theReadmeShowsTheExampleAsItIsCompiledHere() throws IOException {
        List<String> java = blocks(section(), "java");
        assertEquals(1, java.size(), "one ```java block in '" + SECTION + "'");
        String example = Files.readString(EXAMPLE).replaceFirst("\\Apackage [\\w.]+;\n\n", "");
        assertEquals(example, java.get(0), "README.md and " + EXAMPLE + " must show the same code");
    }

    /** The coordinates a caller copies are the ones this module builds with, at the version being built. */
    @Test
    void theReadmeShowsTheCoordinatesThisModuleUses() throws IOException {
        List<String> xml = blocks(section(), "xml");
        assertEquals(1, xml.size(), "one ```xml block in '" + SECTION + "'");
        String readme = xml.get(0);
        String pom = Files.readString(POM);
        String shown = pom.substring(pom.indexOf("<dependencyManagement>"), pom.indexOf("<!-- Not in README.md"));
        assertEquals(coordinates(shown)
                        .replace("${project.version}", Version.get()),
                coordinates(readme), "README.md's Maven coordinates differ from " + POM);
        assertTrue(readme.contains("<artifactId>grader-core</artifactId>")
                && readme.contains("<artifactId>grader-embeddings</artifactId>")
                && readme.contains("<artifactId>grader-bom</artifactId>"), readme);
    }

    /** groupId, artifactId, version, type and scope of each dependency, in order; comments and layout aside. */
    static String coordinates(String xml) {
        Matcher element = Pattern.compile("<(groupId|artifactId|version|type|scope)>([^<]*)</\\1>").matcher(
                xml.replaceAll("(?s)<!--.*?-->", ""));
        StringBuilder out = new StringBuilder();
        while (element.find()) {
            out.append(element.group(1)).append('=').append(element.group(2)).append('\n');
        }
        return out.toString();
    }

    /**
     * With grader-embeddings on the module path (core + embeddings), the default judge grades by meaning too: the
     * example requires only {@code dev.grader.core}, and the embeddings module is bound in as the provider of the
     * service the core uses.
     */
    @Test
    void theExampleRunsWithEmbeddings(@TempDir Path tmp) throws Exception {
        String printed = runExample(tmp);
        Grader grader = Grader.builder().rubric(Rubrics.defaultRubric()).build();
        assertEquals("all-minilm-l6-v2-q", grader.judge().info().settings().get("embeddings"));
        assertEquals(expectedOutput(grader.grade("Q4", ANSWER)), printed);
    }

    /**
     * With grader-core alone (the module graph limited to what the example requires, so grader-embeddings is not
     * there to be found), the same code grades lexically: exactly what {@code embeddings(false)} gives.
     */
    @Test
    void theExampleRunsOnTheLexicalCoreAlone(@TempDir Path tmp) throws Exception {
        String printed = runExample(tmp, "--limit-modules", "dev.grader.example");
        Grader lexical = Grader.builder().rubric(Rubrics.defaultRubric())
                .judge(OfflineJudge.builder().embeddings(false).build()).build();
        assertEquals(expectedOutput(lexical.grade("Q4", ANSWER)), printed);
        assertNotEquals(expectedOutput(Grader.builder().rubric(Rubrics.defaultRubric()).build().grade("Q4", ANSWER)),
                printed, "graded as with embeddings: grader-embeddings was found after all");
    }

    /** {@link GradeOne} as a caller runs it: its own JVM, everything on the module path. */
    private static String runExample(Path tmp, String... options) throws Exception {
        List<String> modulePath = new ArrayList<>();
        for (String property : List.of("jdk.module.path", "java.class.path")) {
            String value = System.getProperty(property);
            if (value != null && !value.isEmpty()) {
                modulePath.add(value);
            }
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-XX:TieredStopAtLevel=1", "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"),
                "-Dgrader.cache.dir=" + System.getProperty("grader.cache.dir"),
                "--module-path", String.join(File.pathSeparator, modulePath)));
        command.addAll(List.of(options));
        command.addAll(List.of("-m", "dev.grader.example/" + GradeOne.class.getName()));
        Path out = tmp.resolve("out.txt");
        Path err = tmp.resolve("err.txt");
        Process java = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(java.waitFor(60, TimeUnit.SECONDS), "the example did not finish within 60 s");
        String printed = Files.readString(out, StandardCharsets.UTF_8);
        assertEquals(0, java.exitValue(), printed + Files.readString(err, StandardCharsets.UTF_8));
        return printed;
    }

    private static String expectedOutput(GradeReport report) {
        StringBuilder out = new StringBuilder();
        out.append(report.verdict().label()).append(' ').append(Math.round(report.score() * 100)).append("%\n");
        for (GradeReport.KeyPointResult point : report.keyPoints()) {
            String quote = point.evidence() == null ? "" : "  <- \"" + point.evidence().quote() + "\"";
            out.append(point.status().label()).append(": ").append(point.text()).append(quote).append('\n');
        }
        return out + ReportRenderer.markdown().render(report);
    }
}
