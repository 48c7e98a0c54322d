package dev.grader.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TableReaderTest {

    @TempDir
    Path dir;

    private final TableReader reader = new TableReader(new QuestionResolver(BatchFixtures.SHIPPED));

    private TableReader.Table read(String name, String text) throws IOException {
        Path file = BatchFixtures.write(dir.resolve(name), text);
        return reader.read(file, name);
    }

    private static List<String> messages(TableReader.Table t) {
        return t.problems().stream().map(BatchProblem::message).toList();
    }

    @Test
    void groupsJsonLinesByCandidateAndResolvesQuestionsGivenAsIdNumberLabelOrText() throws IOException {
        TableReader.Table t = read("answers.jsonl", """
                {"candidate": "alice", "question": "Q1", "answer": "Goroutines."}
                {"candidate": "bob", "question": 2, "answer": "No."}
                {"candidate": "alice", "question": "Question 4", "answer": "Shutdown waits."}
                {"candidate": "alice", "question": "What is keep-alive in HTTP/1.1?", "answer": "Reuse."}

                {"candidate": 17, "question": "3", "answer": "When the client goes."}
                """);
        assertEquals(List.of(), messages(t));
        assertEquals(List.of("alice", "bob", "17"), t.candidates().stream().map(TableSubmission::candidateId).toList());
        TableSubmission alice = t.candidates().get(0);
        assertEquals(Map.of("Q1", "Goroutines.", "Q4", "Shutdown waits.", "Q5", "Reuse."), alice.parsed().answers());
        assertEquals(List.of("Q1", "Q4", "Q5"), List.copyOf(alice.parsed().answers().keySet()));
        assertEquals(Map.of("Q3", "When the client goes."), t.candidates().get(2).parsed().answers());
        assertEquals("answers.jsonl", alice.source());
    }

    @Test
    void reportsBadLinesWithTheirNumberAndReadsTheRest() throws IOException {
        byte[] bad = "{\"candidate\": \"carol\", \"question\": \"Q1\", \"answer\": \"caf\u00e9\"}\n"
                .getBytes(StandardCharsets.ISO_8859_1);
        String good = """
                {"candidate": "alice", "question": "Q1", "answer": "Goroutines."}
                {"candidate": "bob", "question": "Q1" "answer": "x"}
                {"question": "Q1", "answer": "x"}
                {"candidate": "dan", "answer": "x"}
                {"candidate": "eve", "question": "Q1", "answer": 5}
                [1, 2]
                """;
        Path file = BatchFixtures.write(dir.resolve("answers.jsonl"),
                concat(good.getBytes(StandardCharsets.UTF_8), bad));
        TableReader.Table t = reader.read(file, "answers.jsonl");
        assertEquals(List.of("alice"), t.candidates().stream().map(TableSubmission::candidateId).toList());
        assertEquals(List.of(
                "answers.jsonl: line 2: malformed JSON: Unexpected character ('\"' (code 34)): was expecting comma "
                        + "to separate Object entries",
                "answers.jsonl: line 3: missing field 'candidate'",
                "answers.jsonl: line 4: missing field 'question'",
                "answers.jsonl: line 5: field 'answer' must be a string",
                "answers.jsonl: line 6: expected a JSON object with candidate, question and answer",
                "answers.jsonl: line 7: not valid UTF-8 text"), messages(t));
        assertEquals("dan", t.problems().get(2).candidate());
    }

    @Test
    void notesUnknownQuestionsAndRepeatedAnswersAndRefusesACandidateWithNoKnownQuestion() throws IOException {
        TableReader.Table t = read("answers.jsonl", """
                {"candidate": "alice", "question": "Q1", "answer": "First."}
                {"candidate": "alice", "question": "Q99", "answer": "Bonus."}
                {"candidate": "alice", "question": "Q1", "answer": "Second."}
                {"candidate": "alice", "question": "Q2", "answer": "  "}
                {"candidate": "bob", "question": "favourite colour", "answer": "Blue."}
                """);
        TableSubmission alice = t.candidates().get(0);
        assertEquals(Map.of("Q1", "Second."), alice.parsed().answers());
        assertEquals(List.of("line 2: question 'Q99' is not in the rubric; not graded",
                "Q1 answered on line 1 and line 3; the later answer was graded"), alice.parsed().notes());
        TableSubmission bob = t.candidates().get(1);
        assertNull(bob.parsed());
        assertEquals("no recognisable answers: none of its 1 row names a question of the rubric", bob.unreadable());
    }

    @Test
    void keepsCandidateIdsAsWritten() throws IOException {
        TableReader.Table t = read("answers.jsonl", """
                {"candidate": "../../evil", "question": "Q1", "answer": "x"}
                """);
        assertEquals("../../evil", t.candidates().get(0).candidateId());
    }

    @Test
    void readsLongCsv() throws IOException {
        TableReader.Table t = read("answers.csv", """
                candidate,question,answer
                alice,Q1,"Goroutines, one per connection."
                alice,4,"Shutdown waits.
                Close does not."
                bob,Q2,No.
                ,Q2,orphan
                """);
        assertEquals(List.of("answers.csv: line 6: empty candidate"), messages(t));
        assertEquals(Map.of("Q1", "Goroutines, one per connection.", "Q4", "Shutdown waits.\nClose does not."),
                t.candidates().get(0).parsed().answers());
        assertEquals(Map.of("Q2", "No."), t.candidates().get(1).parsed().answers());
    }

    @Test
    void readsWideCsvAsFormToolsExportItWithQuestionsAsColumns() throws IOException {
        TableReader.Table t = read("form.csv", "\uFEFFTimestamp,Email Address,"
                + "How does http.ListenAndServe handle concurrent requests?,Q2,Question 4\n"
                + "2024-05-01,alice@example.com,Goroutines.,No.,\n"
                + "2024-05-02,bob@example.com,A pool.,,Shutdown waits.\n");
        assertEquals(List.of(), messages(t));
        assertEquals(List.of("alice@example.com", "bob@example.com"),
                t.candidates().stream().map(TableSubmission::candidateId).toList());
        assertEquals(Map.of("Q1", "Goroutines.", "Q2", "No."), t.candidates().get(0).parsed().answers());
        assertEquals(Map.of("Q1", "A pool.", "Q4", "Shutdown waits."), t.candidates().get(1).parsed().answers());
    }

    @Test
    void reportsTablesItCannotUseAsAWhole() throws IOException {
        assertEquals(List.of("x.csv: no candidate column: the header needs candidate, question and answer, or "
                + "candidate and one column per question"), messages(read("x.csv", "who,what\na,b\n")));
        assertEquals(List.of("y.csv: no question columns: name them by question id (Q4), number or text, or use "
                + "candidate, question and answer columns"), messages(read("y.csv", "candidate,colour\na,b\n")));
        assertEquals(List.of("z.csv: malformed CSV: (startline 2) EOF reached before encapsulated token finished"),
                messages(read("z.csv", "candidate,question,answer\na,Q1,\"unclosed\n")));
        Path latin1 = BatchFixtures.write(dir.resolve("l.csv"),
                "candidate,question,answer\na,Q1,caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        assertEquals(List.of("l.csv: not valid UTF-8 text; save the table as UTF-8"),
                messages(reader.read(latin1, "l.csv")));
        assertEquals(List.of("e.jsonl: no answers in it"), messages(read("e.jsonl", "\n\n")));
    }

    @Test
    void refusesALineLongerThanTheLimitWithoutHoldingItAndReadsTheRest() throws IOException {
        String huge = "x".repeat(dev.grader.internal.LineReader.MAX_LINE_BYTES + 1);
        TableReader.Table t = read("answers.jsonl", "{\"candidate\": \"alice\", \"question\": \"Q1\", \"answer\": \"A.\"}\n"
                + "{\"candidate\": \"bob\", \"question\": \"Q1\", \"answer\": \"" + huge + "\"}\n"
                + "{\"candidate\": \"carol\", \"question\": \"Q1\", \"answer\": \"C.\"}\n");
        assertEquals(List.of("answers.jsonl: line 2: longer than 4 MB, the limit for one line"), messages(t));
        assertEquals(List.of("alice", "carol"), t.candidates().stream().map(TableSubmission::candidateId).toList());

        TableReader.Table csv = read("answers.csv", "candidate,question,answer\r\nalice,Q1,A.\r\nbob,Q1," + huge
                + "\r\n");
        assertEquals(List.of("answers.csv: line 3: longer than 4 MB, the limit for one line"), messages(csv));
    }

    @Test
    void readsLinesEndedByCarriageReturnsAlone() throws IOException {
        TableReader.Table t = read("answers.jsonl", "{\"candidate\": \"alice\", \"question\": \"Q1\", \"answer\": \"A.\"}\r"
                + "{\"candidate\": \"bob\", \"question\": \"Q1\", \"answer\": \"B.\"}\r");
        assertEquals(List.of("alice", "bob"), t.candidates().stream().map(TableSubmission::candidateId).toList());
        TableReader.Table csv = read("answers.csv", "\uFEFFcandidate,question,answer\ralice,Q1,A.\rbob,Q1,B.\r");
        assertEquals(List.of("alice", "bob"), csv.candidates().stream().map(TableSubmission::candidateId).toList());
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
