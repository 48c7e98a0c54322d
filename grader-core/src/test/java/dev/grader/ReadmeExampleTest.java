package dev.grader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.grader.readme.GradeOne;
import dev.grader.report.ReportRenderer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The embedding example of README.md ("Use it as a library") is {@link GradeOne}, word for word, and it runs. */
class ReadmeExampleTest {

    static final Path README = Path.of("../README.md");
    static final Path EXAMPLE = Path.of("src/test/java/dev/grader/readme/GradeOne.java");
    static final String SECTION = "## Use it as a library";

    @Test
    void theReadmeShowsTheExampleAsItIsCompiledHere() throws IOException {
        String readme = Files.readString(README);
        int section = readme.indexOf("\n" + SECTION + "\n");
        assertTrue(section >= 0, "README.md has no section '" + SECTION + "'");
        Matcher block = Pattern.compile("```java\n(.*?)```\n", Pattern.DOTALL).matcher(readme);
        assertTrue(block.find(section), "no ```java block in '" + SECTION + "'");

        String example = Files.readString(EXAMPLE).replaceFirst("\\Apackage [\\w.]+;\n\n", "");
        assertEquals(example, block.group(1), "README.md and " + EXAMPLE + " must show the same code");
    }

    @Test
    void theExampleRunsAndPrintsTheReport() {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            GradeOne.main(new String[0]);
        } finally {
            System.setOut(original);
        }
        String out = captured.toString(StandardCharsets.UTF_8);

        GradeReport report = Grader.builder().rubric(Rubrics.defaultRubric()).build()
                .grade("Q4", "Shutdown waits for in-flight requests; Close drops them.");
        assertTrue(out.startsWith(report.verdict().label() + " " + Math.round(report.score() * 100) + "%\n"), out);
        assertTrue(out.contains("\n" + report.keyPoints().get(0).status().label() + ": "
                + report.keyPoints().get(0).text()), out);
        assertTrue(out.endsWith(ReportRenderer.markdown().render(report)), out);
    }
}
