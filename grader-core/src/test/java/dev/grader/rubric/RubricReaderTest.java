package dev.grader.rubric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.grader.InvalidInputException;
import dev.grader.Rubrics;
import java.util.List;
import org.junit.jupiter.api.Test;

class RubricReaderTest {

    private static final String VALID = """
            {
              "formatVersion": 1,
              "id": "r",
              "title": "R",
              "questions": [
                {
                  "id": "Q1",
                  "prompt": "Why?",
                  "modelAnswer": "Because.",
                  "keyPoints": [
                    {"id": "Q1-k-a", "text": "Because of a", "weight": 1},
                    {"id": "Q1-k-b", "text": "Because of b", "weight": 1}
                  ],
                  "followUps": [{"id": "Q1-f-x", "question": "And?", "probes": ["Q1-k-a"]}]
                }
              ]
            }
            """;

    @Test
    void theShippedRubricLoadsFromTheClassPath() {
        Rubric rubric = Rubrics.defaultRubric();
        assertEquals(33, rubric.questions().size());
        assertEquals(List.of(), RubricLinter.lint(rubric));
    }

    @Test
    void aValidRubricRoundTripsByteForByte() {
        Rubric rubric = RubricReader.parse(VALID, "r.json");
        String json = RubricWriter.toJson(rubric);
        assertEquals(json, RubricWriter.toJson(RubricReader.parse(json, "again.json")));
    }

    @Test
    void aSchemaViolationNamesLinePointerAndRule() {
        String bad = VALID.replace("\"weight\": 1}", "\"weight\": 0}");
        var e = assertThrows(InvalidInputException.class, () -> RubricReader.parse(bad, "r.json"));
        assertEquals("r.json: line 11: /questions/0/keyPoints/0/weight: must have an exclusive minimum value of 0 "
                + "[schema rule exclusiveMinimum] (and 1 more; run grader lint)", e.getMessage());
    }

    @Test
    void malformedJsonNamesLineAndColumn() {
        var e = assertThrows(InvalidInputException.class, () -> RubricReader.parse("{\n  \"id\": \"r\",,\n}", "r.json"));
        assertTrue(e.getMessage().startsWith("r.json: line 2, column 13: malformed JSON: "), e.getMessage());
    }

    @Test
    void textAfterTheRubricIsRefused() {
        var e = assertThrows(InvalidInputException.class, () -> RubricReader.parse(VALID + "\n{\"x\": 1}", "r.json"));
        assertTrue(e.getMessage().startsWith("r.json: line "), e.getMessage());
        assertTrue(e.getMessage().endsWith(": unexpected text after the rubric's closing brace"), e.getMessage());
    }

    @Test
    void theLinterFindsWhatTheSchemaCannot() {
        String dup = VALID.replace("\"Q1-k-b\"", "\"Q1-k-a\"").replace("\"probes\": [\"Q1-k-a\"]",
                "\"probes\": [\"Q9-k-z\"]");
        List<LintFinding> findings = RubricLinter.lint(RubricReader.parse(dup, "r.json"));
        assertEquals(List.of(
                "error: /questions/0/keyPoints/1/id: duplicate id 'Q1-k-a' (first used at /questions/0/keyPoints/0/id)",
                "error: /questions/0/followUps/0/probes/0: probes unknown key point 'Q9-k-z' (not a key point of Q1)"),
                findings.stream().map(LintFinding::toString).toList());
    }

    @Test
    void suggestionsAreNoticesAndAreNotGraded() {
        String suggested = VALID.replace("{\"id\": \"Q1-k-b\", \"text\": \"Because of b\", \"weight\": 1}",
                "{\"id\": \"Q1-k-b\", \"text\": \"Because of b\", \"weight\": 1, \"origin\": \"suggested\"}");
        Rubric rubric = RubricReader.parse(suggested, "r.json");
        assertEquals(1, rubric.questions().get(0).gradedKeyPoints().size());
        List<LintFinding> findings = RubricLinter.lint(rubric);
        assertTrue(findings.stream().allMatch(f -> f.severity() == LintFinding.Severity.NOTICE), findings.toString());
        assertEquals(2, findings.size());
    }
}
