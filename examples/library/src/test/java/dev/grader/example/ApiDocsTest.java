package dev.grader.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What javadoc's "missing" checks would demand of the API, and only of the API (the build's doclint leaves them
 * out): every package a library module exports has a package-info saying what it is for, and every public type
 * in it a summary sentence and an {@code @Api} status. Read from the sources of the sibling modules.
 */
class ApiDocsTest {

    static final Path ROOT = Path.of("../..");
    static final List<String> LIBRARIES = List.of("grader-core", "grader-embeddings", "grader-batch", "grader-eval",
            "grader-llm");

    static final Pattern EXPORTS = Pattern.compile("^\\s*exports ([\\w.]+);", Pattern.MULTILINE);
    static final Pattern PUBLIC_TYPE = Pattern.compile(
            "^public (?:final |abstract |sealed |non-sealed )*(?:class|interface|record|enum|@interface) (\\w+)",
            Pattern.MULTILINE);
    static final Pattern API = Pattern.compile("^@Api\\(status = Api\\.Status\\.(STABLE|EXPERIMENTAL|INTERNAL)\\)$",
            Pattern.MULTILINE);

    static Path sources(String module) {
        return ROOT.resolve(module).resolve("src/main/java");
    }

    static List<String> exportedPackages(String module) throws IOException {
        Matcher m = EXPORTS.matcher(Files.readString(sources(module).resolve("module-info.java")));
        List<String> out = new ArrayList<>();
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    @Test
    void eachLibraryModuleExportsItsApiPackagesOnly() throws IOException {
        assertEquals(List.of("dev.grader", "dev.grader.compile", "dev.grader.examples", "dev.grader.judge", "dev.grader.report",
                "dev.grader.rubric", "dev.grader.score"), exportedPackages("grader-core"));
        assertEquals(List.of("dev.grader.embeddings"), exportedPackages("grader-embeddings"));
        assertEquals(List.of("dev.grader.batch"), exportedPackages("grader-batch"));
        assertEquals(List.of("dev.grader.eval"), exportedPackages("grader-eval"));
        assertEquals(List.of("dev.grader.llm"), exportedPackages("grader-llm"));
    }

    @Test
    void everyExportedPackageSaysWhatItIsFor() throws IOException {
        for (String module : LIBRARIES) {
            for (String pkg : exportedPackages(module)) {
                Path info = sources(module).resolve(pkg.replace('.', '/')).resolve("package-info.java");
                assertTrue(Files.isRegularFile(info), info + " is missing");
                assertTrue(summary(Files.readString(info), Files.readString(info).indexOf("package ")).length() > 10,
                        info + " has no summary");
            }
        }
    }

    @Test
    void everyPublicTypeOfTheApiHasASummaryAndAStatus() throws IOException {
        Set<String> checked = new TreeSet<>();
        List<String> problems = new ArrayList<>();
        for (String module : LIBRARIES) {
            for (String pkg : exportedPackages(module)) {
                Path dir = sources(module).resolve(pkg.replace('.', '/'));
                try (Stream<Path> files = Files.list(dir)) {
                    for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                        String source = Files.readString(file);
                        Matcher type = PUBLIC_TYPE.matcher(source);
                        if (file.endsWith("package-info.java") || !type.find()) {
                            continue;
                        }
                        String name = pkg + "." + type.group(1);
                        checked.add(name);
                        int doc = source.lastIndexOf("*/", type.start());
                        String annotations = doc < 0 ? source.substring(0, type.start())
                                : source.substring(doc + 2, type.start());
                        if (summary(source, type.start()).isEmpty()) {
                            problems.add(name + ": no summary sentence");
                        }
                        if (!API.matcher(annotations.strip().lines().findFirst().orElse("")).matches()
                                && !API.matcher(annotations).find()) {
                            problems.add(name + ": no @Api(status = ...)");
                        }
                        if (source.contains("Status: stable") || source.contains("Status: experimental")) {
                            problems.add(name + ": a 'Status:' sentence where @Api belongs");
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), problems);
        assertTrue(checked.contains("dev.grader.Grader") && checked.contains("dev.grader.embeddings.MiniLmEncoder")
                && checked.contains("dev.grader.llm.LlmJudge"), checked.toString());
    }

    /** The first sentence of the doc comment that ends right before {@code declaration}, or "" if none. */
    static String summary(String source, int declaration) {
        int end = source.lastIndexOf("*/", declaration);
        int start = end < 0 ? -1 : source.lastIndexOf("/**", end);
        if (start < 0 || source.substring(end + 2, declaration).contains(";")) {
            return "";
        }
        String text = source.substring(start + 3, end).replaceAll("(?m)^\\s*\\*", " ").strip();
        int at = text.indexOf("\n@");
        text = (at < 0 ? text : text.substring(0, at)).strip();
        int stop = text.indexOf(". ");
        return (stop < 0 ? text : text.substring(0, stop + 1)).strip();
    }

    @Test
    void theBomManagesEveryLibraryModuleAtTheProjectVersion() throws IOException {
        String bom = Files.readString(ROOT.resolve("grader-bom/pom.xml"));
        String parent = Files.readString(ROOT.resolve("pom.xml"));
        Matcher managed = Pattern.compile("<artifactId>([\\w-]+)</artifactId>\\s*<version>\\$\\{project.version}"
                + "</version>").matcher(bom);
        List<String> artifacts = new ArrayList<>();
        while (managed.find()) {
            artifacts.add(managed.group(1));
        }
        assertEquals(LIBRARIES, artifacts);
        assertFalse(bom.contains("<parent>"), "the BOM must not inherit the parent's dependencyManagement");
        assertEquals(version(parent), version(bom));
        for (String module : LIBRARIES) {
            assertTrue(parent.contains("<module>" + module + "</module>"), module + " is not a module of the build");
        }
    }

    private static String version(String pom) {
        Matcher m = Pattern.compile("<artifactId>grader-(?:parent|bom)</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(pom);
        assertTrue(m.find());
        return m.group(1);
    }
}
