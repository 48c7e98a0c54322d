package dev.grader.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class OutputNamesTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "alice|alice",
        "Alice Smith|Alice_Smith",
        "../../evil|evil",
        "/etc/passwd|etc_passwd",
        "C:\\Windows\\win.ini|C_Windows_win.ini",
        "..|candidate",
        "''|candidate",
        ".hidden|hidden",
        "a\tb\u0000c|a_b_c",
        "CON|_CON",
        "nul.txt|_nul.txt",
        "com1|_com1",
        "console|console",
        "josé.garcía@uni.example|josé.garcía@uni.example",
        "trailing dots...|trailing_dots",
        "x:y*z?<w>|x_y_z_w"})
    void sanitisesIdsIntoOneSafeFileNameSegment(String id, String name) {
        assertEquals(name, OutputNames.sanitize(id));
    }

    @Test
    void cutsLongIdsAtEightyChars() {
        String name = OutputNames.sanitize("a".repeat(200));
        assertEquals(OutputNames.MAX_LENGTH, name.length());
    }

    @Test
    void resolvesCollisionsInTheOrderGivenAlsoIgnoringCase() {
        List<String> keys = List.of("Alice", "alice", "alice-2", "a/b", "a_b");
        Map<String, String> bases = new LinkedHashMap<>();
        keys.forEach(k -> bases.put(k, k));
        Map<String, String> names = OutputNames.assign(keys, bases);
        assertEquals(List.of("Alice", "alice-2", "alice-2-2", "a_b", "a_b-2"), List.copyOf(names.values()));
    }

    @Test
    void neverProducesAPathSeparatorOrALeadingDot() {
        for (String id : List.of("../x", "./", "\\\\server\\share", "~/x", "..\\..\\x", "\u202Eexe.txt")) {
            String name = OutputNames.sanitize(id);
            assertTrue(!name.contains("/") && !name.contains("\\") && !name.startsWith("."), id + " -> " + name);
        }
    }
}
