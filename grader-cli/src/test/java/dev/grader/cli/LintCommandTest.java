package dev.grader.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LintCommandTest {

    private static final String CLEAN = Cli.resource("go-basics.json");

    @TempDir
    Path dir;

    private Path rubric(String json) {
        return Cli.write(dir.resolve("rubric.json"), json);
    }

    @Test
    void aCleanRubricPassesWithItsCounts() {
        Path file = rubric(CLEAN);

        Cli.Result r = Cli.run("lint", file.toString());

        assertEquals(0, r.exitCode());
        assertEquals(file + ": no problems in 2 questions, 3 key points, 1 misconception, 1 follow-up\n", r.out());
        assertEquals("", r.err());
    }

    @Nested
    @DisplayName("a rubric with an error fails with exit code 1, naming the JSON pointer")
    class Errors {

        @Test
        void duplicateId() {
            Path file = rubric(Cli.replace(CLEAN, "\"id\": \"q2-write-after-return\"", "\"id\": \"q1-accept-loop\""));

            Cli.Result r = Cli.run("lint", file.toString());

            assertEquals(1, r.exitCode());
            assertEquals(file + ": /questions/1/keyPoints/0/id: duplicate id 'q1-accept-loop' "
                    + "(first used at /questions/0/keyPoints/0/id)\n"
                    + file + ": 1 error\n", r.out());
        }

        @Test
        void aMisconceptionPhrasedAsAKeyPoint() {
            Path file = rubric(Cli.replace(CLEAN, "\"text\": \"It uses a thread pool.\",",
                    "\"text\": \"It uses a thread pool.\", \"aliases\": [\"Workers take requests from a queue.\", "
                            + "\"It runs an accept loop in (*Server).Serve\", \"it uses a thread pool\"],"));

            Cli.Result r = Cli.run("lint", file.toString());

            assertEquals(1, r.exitCode());
            assertEquals(file + ": /questions/0/misconceptions/0/aliases/1: same text as a key point of Q1: a right "
                    + "answer would state this misconception\n"
                    + file + ": /questions/0/misconceptions/0/aliases/2: warning: same text as another phrasing of this "
                    + "misconception\n"
                    + file + ": 1 error, 1 warning\n", r.out());
        }

        @Test
        void followUpProbingAnUnknownKeyPoint() {
            Path file = rubric(Cli.replace(CLEAN, "\"probes\": [\"q1-goroutine-per-conn\"]", "\"probes\": [\"q1-nope\"]"));

            Cli.Result r = Cli.run("lint", file.toString());

            assertEquals(1, r.exitCode());
            assertEquals(file + ": /questions/0/followUps/0/probes/0: probes unknown key point 'q1-nope' "
                    + "(not a key point of Q1)\n"
                    + file + ": 1 error\n", r.out());
        }

        @Test
        void zeroWeightIsReportedOnceWithItsLine() {
            Path file = rubric(Cli.replace(CLEAN, "\"weight\": 2", "\"weight\": 0"));

            Cli.Result r = Cli.run("lint", file.toString());

            assertEquals(1, r.exitCode());
            assertEquals(file + ": line 55: /questions/1/keyPoints/0/weight: must have an exclusive minimum value of 0 "
                    + "[schema rule exclusiveMinimum]\n"
                    + file + ": 1 error\n", r.out());
        }

        @Test
        void questionWithoutKeyPoints() {
            String q2Points = CLEAN.substring(CLEAN.indexOf("\"keyPoints\"", CLEAN.indexOf("\"id\": \"Q2\"")),
                    CLEAN.indexOf("\"notes\""));
            Path file = rubric(Cli.replace(CLEAN, q2Points, "\"keyPoints\": [],\n      "));

            Cli.Result r = Cli.run("lint", file.toString());

            assertEquals(1, r.exitCode());
            assertEquals(file + ": /questions/1/keyPoints: question Q2 has no key points to grade against\n"
                    + file + ": 1 error\n", r.out());
        }

        @Test
        void schemaViolationsDoNotHideSemanticFindings() {
            String json = Cli.replace(CLEAN, "\"id\": \"q2-write-after-return\"", "\"id\": \"q1-accept-loop\"");
            Path file = rubric(Cli.replace(json, "\"formatVersion\": 1,", "\"formatVersion\": 1,\n  \"colour\": \"blue\","));

            Cli.Result r = Cli.run("lint", file.toString());

            assertEquals(1, r.exitCode());
            assertEquals(file + ": line 1: /: property 'colour' is not defined in the schema and the schema does not "
                    + "allow additional properties [schema rule additionalProperties]\n"
                    + file + ": /questions/1/keyPoints/0/id: duplicate id 'q1-accept-loop' "
                    + "(first used at /questions/0/keyPoints/0/id)\n"
                    + file + ": 2 errors\n", r.out());
        }

        @Test
        void aRubricThatDoesNotFitTheModelIsStillReported() {
            Path file = rubric("{\"formatVersion\": 1, \"title\": \"t\", \"questions\": []}\n");

            Cli.Result r = Cli.run("lint", file.toString());

            assertEquals(1, r.exitCode());
            assertEquals(file + ": line 1: /: required property 'id' not found [schema rule required]\n"
                    + file + ": line 1: /questions: must have at least 1 items but found 0 [schema rule minItems]\n"
                    + file + ": semantic checks skipped: the rubric does not fit the rubric model\n"
                    + file + ": 3 errors\n", r.out());
        }
    }

    @Test
    void suggestionsAwaitingReviewAreNoticesAndDoNotFail() {
        Path file = rubric(Cli.replace(CLEAN, "\"weight\": 1,\n", "\"weight\": 1,\n          \"origin\": \"suggested\",\n"));

        Cli.Result r = Cli.run("lint", file.toString());

        assertEquals(0, r.exitCode());
        assertEquals(file + ": /questions/0/keyPoints/0: notice: suggested key point awaiting review: "
                + "\"It runs an accept loop in (*Server).Serve.\"\n"
                + file + ": notice: 1 suggestion(s) awaiting review: grading ignores them until their "
                + "\"origin\": \"suggested\" is removed\n"
                + file + ": 2 notices\n", r.out());
    }

    @Test
    void malformedJsonIsAnInputErrorWithLineAndColumn() {
        Path file = rubric("{\n  \"id\": \"x\",\n}\n");

        Cli.Result r = Cli.run("lint", file.toString());

        assertEquals(2, r.exitCode());
        assertEquals("grader: " + file + ": line 3, column 1: malformed JSON: Unexpected character ('}' (code 125)): "
                + "was expecting double-quote to start field name\n", r.err());
        assertEquals("", r.out());
    }

    @Test
    void missingFile() {
        Path file = dir.resolve("missing.json");

        Cli.Result r = Cli.run("lint", file.toString());

        assertEquals(2, r.exitCode());
        assertEquals("grader: " + file + ": no such file\n", r.err());
    }

    @Test
    void directoryInsteadOfFile() {
        Cli.Result r = Cli.run("lint", dir.toString());

        assertEquals(2, r.exitCode());
        assertEquals("grader: " + dir + ": is a directory, expected a rubric file\n", r.err());
    }

    @Test
    void notUtf8() throws IOException {
        Path file = Files.write(dir.resolve("latin1.json"), new byte[] {'{', '"', (byte) 0xE9, '"', '}'});

        Cli.Result r = Cli.run("lint", file.toString());

        assertEquals(2, r.exitCode());
        assertEquals("grader: " + file + ": line 1: not valid UTF-8 (byte 0xE9 at offset 2); save the rubric as UTF-8\n",
                r.err());
    }
}
