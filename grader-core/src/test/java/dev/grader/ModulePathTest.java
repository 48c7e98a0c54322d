package dev.grader;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The tests run on the module path, so they see the module boundary callers see (module-info.java). */
class ModulePathTest {

    @Test
    void runsInTheNamedModule() {
        assertEquals("dev.grader.core", Grader.class.getModule().getName());
        assertEquals("snowball.stemmer", org.tartarus.snowball.SnowballProgram.class.getModule().getName());
    }
}
