package dev.grader;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.grader.judge.SentenceEncoderProvider;
import java.lang.module.ModuleDescriptor;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The tests run on the module path, so they see the module boundary callers see (module-info.java). */
class ModulePathTest {

    @Test
    void runsInTheNamedModule() {
        assertEquals("dev.grader.core", Grader.class.getModule().getName());
        assertEquals("snowball.stemmer", org.tartarus.snowball.SnowballProgram.class.getModule().getName());
    }

    @Test
    void exportsTheApiToAllAndSharesInternalsWithGradersModulesOnly() {
        ModuleDescriptor module = Grader.class.getModule().getDescriptor();
        Map<String, Set<String>> exports = new TreeMap<>();
        module.exports().forEach(e -> exports.put(e.source(), e.targets()));
        assertEquals(Map.of(
                "dev.grader", Set.of(), "dev.grader.compile", Set.of(), "dev.grader.examples", Set.of(), "dev.grader.judge", Set.of(),
                "dev.grader.report", Set.of(), "dev.grader.rubric", Set.of(), "dev.grader.score", Set.of(),
                "dev.grader.text", Set.of("dev.grader.eval", "dev.grader.llm"),
                "dev.grader.internal", Set.of("dev.grader.batch", "dev.grader.eval", "dev.grader.llm")), exports);
        assertEquals(Set.of(SentenceEncoderProvider.class.getName()), module.uses());
        assertEquals(Set.of("dev.grader.feedback", "dev.grader.match"), module.packages().stream()
                .filter(p -> p.startsWith("dev.grader.") && !exports.containsKey(p) && !p.equals("dev.grader.rubrics"))
                .collect(Collectors.toSet()));
    }
}
