package dev.grader.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.grader.Assessment;
import dev.grader.Grader;
import dev.grader.InvalidInputException;
import dev.grader.Judge;
import dev.grader.JudgeInfo;
import dev.grader.internal.Json;
import dev.grader.judge.OfflineJudge;
import dev.grader.rubric.Question;
import dev.grader.rubric.Rubric;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BatchGradingTest {

    @TempDir
    Path dir;

    private static BatchResult run(Grader grader, Path out, Path... inputs) {
        return BatchGrading.builder(grader).outputDir(out).threads(2).build().run(List.of(inputs));
    }

    private static JsonNode json(Path file) throws IOException {
        return Json.mapper().readTree(file.toFile());
    }

    @Test
    void gradesAFolderInEveryHeadingStyleAndReportsWhatItCannotRead() throws IOException {
        Path subs = dir.resolve("subs");
        BatchFixtures.write(subs.resolve("alice.md"), "# Alice's take-home\n\n## Q1. How does http.ListenAndServe "
                + "handle concurrent requests?\n\nAn accept loop starts a new goroutine for each connection.\n\n"
                + "## Q2.\nNo, it is not safe for concurrent use.\n");
        BatchFixtures.write(subs.resolve("bob.txt"), "Question 1: A pool of worker threads.\nQuestion 3: When the "
                + "client closes its connection or the handler returns.\n");
        BatchFixtures.write(subs.resolve("carol.md"), "**Q4**\n\nShutdown is graceful, Close is abrupt.\n");
        BatchFixtures.write(subs.resolve("dan.txt"), "1)\nOne goroutine per connection.\n\n2)\nNo.\n");
        BatchFixtures.write(subs.resolve("erin.md"), "> What is keep-alive in HTTP/1.1?\n\nThe connection stays "
                + "open for the next request.\n");
        BatchFixtures.write(subs.resolve("frank.docx"), DocxTextTest.docx(DocxTextTest.paragraph("Q6")
                + DocxTextTest.paragraph("How long an idle keep-alive connection stays open.")));
        BatchFixtures.write(subs.resolve("binary.md"), new byte[] {'Q', '1', '\n', 0, 1, 2, 3});
        BatchFixtures.write(subs.resolve("latin1.txt"), "Q1\ncaf\u00e9".getBytes(StandardCharsets.ISO_8859_1));
        BatchFixtures.write(subs.resolve("empty.txt"), "");
        BatchFixtures.write(subs.resolve("notes.txt"), "Some thoughts on servers, under no heading at all.\n");
        BatchFixtures.write(subs.resolve("scan.pdf"), "%PDF-1.4");
        BatchFixtures.write(subs.resolve(".DS_Store"), new byte[] {0, 0, 0, 1});
        BatchFixtures.write(subs.resolve("old/zed.md"), "Q1\nIgnored: sub-folders are not read.\n");
        Path out = dir.resolve("out");

        BatchResult r = run(BatchFixtures.lexicalGrader(), out, subs);

        assertEquals(11, r.candidates());
        assertEquals(6, r.graded());
        assertEquals(5, r.unreadable());
        assertEquals(0, r.reused());
        assertFalse(r.interrupted());
        assertEquals(List.of(
                subs.resolve("binary.md") + ": binary file, not text (it contains NUL bytes)",
                subs.resolve("empty.txt") + ": empty file",
                subs.resolve("latin1.txt") + ": not valid UTF-8 text (byte 0xE9 at offset 6); save the file as UTF-8",
                subs.resolve("notes.txt") + ": " + SubmissionParser.NO_ANSWERS,
                subs.resolve("scan.pdf") + ": PDF is not supported: export it as .txt or .md (for example with "
                        + "pdftotext)"), r.problems().stream().map(BatchProblem::message).toList());

        JsonNode summary = json(out.resolve("summary.json"));
        assertEquals(5, summary.get("problems").size());
        assertEquals("latin1", summary.get("problems").get(2).get("candidate").asText());
        assertEquals(subs.resolve("latin1.txt").toString(), summary.get("problems").get(2).get("source").asText());
        assertEquals(6, summary.get("counts").get("graded").asInt());
        assertEquals(5, summary.get("counts").get("unreadable").asInt());

        JsonNode alice = json(out.resolve("candidates/alice.json"));
        assertEquals("alice", alice.get("candidate").asText());
        assertEquals(List.of("1 line before the first question heading was not graded"),
                List.of(alice.get("notes").get(0).asText()));
        assertEquals("graded", alice.get("questions").get(0).get("status").asText());
        assertEquals("graded", alice.get("questions").get(1).get("status").asText());
        assertEquals("unanswered", alice.get("questions").get(2).get("status").asText());
        assertFalse(alice.get("questions").get(2).has("report"));
        assertEquals(2, alice.get("totals").get("answered").asInt());
        assertEquals(4, alice.get("totals").get("unanswered").asInt(), "of the six questions the cohort answers");
        assertEquals("graded", json(out.resolve("candidates/frank.json")).get("questions").get(5).get("status")
                .asText());
        assertEquals("graded", json(out.resolve("candidates/erin.json")).get("questions").get(4).get("status")
                .asText());
        try (Stream<Path> files = Files.list(out.resolve("candidates"))) {
            assertEquals(12, files.count());
        }
        assertTrue(BatchFixtures.read(out.resolve("candidates/bob.md")).contains(
                "## Q2 · Is http.ResponseWriter safe for concurrent use?\n\n**Unanswered**"));
    }

    @Test
    void keepsEveryFileInsideTheOutputFolderWhateverTheCandidateIds() throws IOException {
        Path table = BatchFixtures.write(dir.resolve("in/answers.jsonl"), """
                {"candidate": "../../evil", "question": "Q1", "answer": "One goroutine per connection."}
                {"candidate": "/etc/passwd", "question": "Q1", "answer": "A pool."}
                {"candidate": "CON", "question": "Q2", "answer": "No."}
                {"candidate": "..", "question": "Q2", "answer": "No."}
                {"candidate": "evil", "question": "Q2", "answer": "No."}
                """);
        Path out = dir.resolve("deep/out");
        BatchResult r = run(BatchFixtures.lexicalGrader(), out, table);
        assertEquals(5, r.graded());

        List<String> outside = new ArrayList<>();
        try (Stream<Path> all = Files.walk(dir)) {
            all.filter(Files::isRegularFile).filter(f -> !f.startsWith(out) && !f.equals(table))
                    .forEach(f -> outside.add(f.toString()));
        }
        assertEquals(List.of(), outside);
        assertEquals(List.of("candidates/_CON.json", "candidates/_CON.md", "candidates/candidate.json",
                "candidates/candidate.md", "candidates/etc_passwd.json", "candidates/etc_passwd.md",
                "candidates/evil-2.json", "candidates/evil-2.md", "candidates/evil.json", "candidates/evil.md",
                "report.html", "summary.csv", "summary.json"), List.copyOf(BatchFixtures.tree(out).keySet()));

        Map<String, String> fileById = new java.util.TreeMap<>();
        json(out.resolve("summary.json")).get("candidates").forEach(c -> fileById.put(c.get("id").asText(),
                c.get("file").asText()));
        assertEquals(Map.of("../../evil", "candidates/evil", "/etc/passwd", "candidates/etc_passwd",
                "CON", "candidates/_CON", "..", "candidates/candidate", "evil", "candidates/evil-2"), fileById);
        assertEquals("../../evil", json(out.resolve("candidates/evil.json")).get("candidate").asText());
    }

    @Test
    void resumesAnInterruptedRunToTheSameReportsAsAnUninterruptedOne() throws IOException {
        Path subs = dir.resolve("subs");
        BatchFixtures.cohort(subs, 6);
        Path reference = dir.resolve("reference");
        run(BatchFixtures.lexicalGrader(), reference, subs);

        // Ctrl-C while the third candidate is being graded: the judge cancels the batch on its 13th answer.
        Path out = dir.resolve("out");
        CancellingJudge judge = new CancellingJudge(OfflineJudge.builder().embeddings(false).build(), 13);
        BatchGrading interrupted = BatchGrading.builder(Grader.builder().rubric(BatchFixtures.SHIPPED).judge(judge)
                .build()).outputDir(out).threads(1).build();
        judge.cancel = interrupted::cancel;
        BatchResult first = interrupted.run(List.of(subs));
        assertTrue(first.interrupted());
        assertEquals(2, first.graded());
        assertEquals(4, first.pending());
        JsonNode summary = json(out.resolve("summary.json"));
        assertEquals("interrupted", summary.get("run").get("status").asText());
        assertEquals(2, summary.get("counts").get("graded").asInt());
        assertEquals(4, summary.get("counts").get("pending").asInt());
        assertEquals(List.of("cand-01.json", "cand-01.md", "cand-02.json", "cand-02.md"),
                List.copyOf(BatchFixtures.tree(out.resolve("candidates")).keySet()));

        BatchResult second = run(BatchFixtures.lexicalGrader(), out, subs);
        assertFalse(second.interrupted());
        assertEquals(2, second.reused());
        assertEquals(4, second.graded());
        assertSameReports(reference, out);
    }

    @Test
    void progressAfterAnInterruptionCountsWhatTheSummaryCounts() throws IOException {
        Path subs = dir.resolve("subs");
        BatchFixtures.cohort(subs, 6);
        Path out = dir.resolve("out");
        // Stopped while the third candidate is graded: that candidate is dropped, so it must not count as done.
        CancellingJudge judge = new CancellingJudge(OfflineJudge.builder().embeddings(false).build(), 13);
        List<Integer> shown = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        BatchGrading interrupted = BatchGrading.builder(Grader.builder().rubric(BatchFixtures.SHIPPED).judge(judge)
                .build()).outputDir(out).threads(1).progress((done, total) -> shown.add(done)).build();
        judge.cancel = interrupted::cancel;

        BatchResult result = interrupted.run(List.of(subs));

        int graded = json(out.resolve("summary.json")).get("counts").get("graded").asInt();
        assertEquals(2, graded);
        assertEquals(graded, result.graded());
        assertEquals(graded, shown.get(shown.size() - 1), "the last progress shown: " + shown);
        assertTrue(shown.stream().allMatch(d -> d <= graded), "progress never ran ahead: " + shown);
    }

    @Test
    void regradesOnlyWhatChangedAndEverythingWithForce() throws IOException {
        Path subs = dir.resolve("subs");
        BatchFixtures.cohort(subs, 5);
        Path out = dir.resolve("out");
        Grader grader = BatchFixtures.lexicalGrader();
        assertEquals(5, run(grader, out, subs).graded());
        String beforeReport = BatchFixtures.read(out.resolve("report.html"));

        // cand-02 skipped Q3, which the others answer: the questions of the cohort stay Q1..Q6
        BatchFixtures.write(subs.resolve("cand-02.md"), BatchFixtures.read(subs.resolve("cand-02.md"))
                + "\nQ3\nThe server closes the body itself.\n");
        Files.delete(out.resolve("candidates/cand-03.json"));
        Files.delete(out.resolve("candidates/cand-04.md"));
        BatchResult rerun = run(grader, out, subs);
        assertEquals(2, rerun.graded());
        assertEquals(3, rerun.reused());
        assertTrue(Files.exists(out.resolve("candidates/cand-04.md")), "a deleted feedback report is written again");
        assertEquals("graded", json(out.resolve("candidates/cand-02.json")).get("questions").get(2).get("status")
                .asText());
        assertNotEquals(beforeReport, BatchFixtures.read(out.resolve("report.html")));

        BatchResult forced = BatchGrading.builder(grader).outputDir(out).force(true).build().run(List.of(subs));
        assertEquals(5, forced.graded());
        assertEquals(0, forced.reused());
    }

    @Test
    void regradesEveryoneWhenTheJudgeSettingsChange() {
        Path subs = dir.resolve("subs");
        BatchFixtures.cohort(subs, 2);
        Path out = dir.resolve("out");
        run(BatchFixtures.lexicalGrader(), out, subs);
        Judge lexical = OfflineJudge.builder().embeddings(false).build();
        Map<String, Object> settings = new java.util.HashMap<>(lexical.info().settings());
        settings.put("covered", 0.9);
        Judge stricterJudge = new Judge() {
            @Override
            public Assessment assess(Question question, String answer) {
                return lexical.assess(question, answer);
            }

            @Override
            public JudgeInfo info() {
                return new JudgeInfo(lexical.info().name(), settings);
            }
        };
        Grader stricter = Grader.builder().rubric(BatchFixtures.SHIPPED).judge(stricterJudge).build();
        BatchResult r = run(stricter, out, subs);
        assertEquals(2, r.graded());
        assertEquals(0, r.reused());
    }

    @Test
    void reportsAFailedGradingAndGradesTheRest() throws IOException {
        Path subs = dir.resolve("subs");
        BatchFixtures.cohort(subs, 3);
        BatchFixtures.write(subs.resolve("cand-02.md"), "Q1\nBOOM\n");
        Judge failing = new FailingJudge(OfflineJudge.builder().embeddings(false).build());
        Path out = dir.resolve("out");
        BatchResult r = run(Grader.builder().rubric(BatchFixtures.SHIPPED).judge(failing).build(), out, subs);
        assertEquals(2, r.graded());
        assertEquals(1, r.failed());
        assertEquals(List.of(subs.resolve("cand-02.md") + ": grading failed: model server unreachable"),
                r.problems().stream().map(BatchProblem::message).toList());
        assertEquals("failed", json(out.resolve("summary.json")).get("candidates").get(2).get("status").asText());
        assertFalse(Files.exists(out.resolve("candidates/cand-02.json")));
    }

    @Test
    void listsProblemsInSubmissionOrderWhateverOrderParallelGradingFinishesIn() throws IOException {
        Path subs = dir.resolve("subs");
        BatchFixtures.cohort(subs, 4);
        BatchFixtures.write(subs.resolve("cand-01.md"), "Q1\nBOOM slowly\n");
        BatchFixtures.write(subs.resolve("cand-03.md"), "Q1\nBOOM\n");
        // "slowly" makes cand-01 fail after cand-03, which the other thread grades meanwhile
        Judge failing = new FailingJudge(OfflineJudge.builder().embeddings(false).build());
        BatchResult r = run(Grader.builder().rubric(BatchFixtures.SHIPPED).judge(failing).build(), dir.resolve("out"),
                subs);
        assertEquals(List.of(subs.resolve("cand-01.md") + ": grading failed: model server unreachable",
                subs.resolve("cand-03.md") + ": grading failed: model server unreachable"),
                r.problems().stream().map(BatchProblem::message).toList());
    }

    @Test
    void anonymizesEveryReportAndFileNameStably() throws IOException {
        Path subs = dir.resolve("subs");
        BatchFixtures.write(subs.resolve("alice_liddell.md"), "Q1\nOne goroutine per connection.\n");
        BatchFixtures.write(subs.resolve("bob_builder.md"), "Q2\nNo.\n");
        BatchFixtures.write(subs.resolve("carol_danvers.txt"), new byte[] {0, 1, 2});
        Path out = dir.resolve("out");
        Grader grader = BatchFixtures.lexicalGrader();
        BatchResult r = BatchGrading.builder(grader).outputDir(out).anonymize(true).build().run(List.of(subs));
        assertEquals(2, r.graded());

        Map<String, String> files = BatchFixtures.tree(out);
        for (Map.Entry<String, String> f : files.entrySet()) {
            if (f.getKey().equals("anonymization-map.json")) {
                continue;
            }
            for (String name : List.of("alice", "bob", "carol", "liddell", "builder", "danvers")) {
                assertFalse(f.getKey().contains(name) || f.getValue().contains(name), name + " in " + f.getKey());
            }
        }
        JsonNode map = json(out.resolve("anonymization-map.json"));
        List<String> pseudonyms = new ArrayList<>();
        map.get("candidates").fieldNames().forEachRemaining(pseudonyms::add);
        assertEquals(3, pseudonyms.size());
        pseudonyms.forEach(p -> assertTrue(p.matches("candidate-[0-9a-f]{6}"), p));
        List<String> ids = new ArrayList<>();
        map.get("candidates").forEach(e -> ids.add(e.get("id").asText()));
        assertEquals(List.of("alice_liddell", "bob_builder", "carol_danvers"), ids.stream().sorted().toList());
        assertTrue(files.containsKey("candidates/" + pseudonyms.get(0) + ".md")
                || files.containsKey("candidates/" + pseudonyms.get(1) + ".md"));

        BatchResult again = BatchGrading.builder(grader).outputDir(out).anonymize(true).build().run(List.of(subs));
        assertEquals(2, again.reused(), "the same pseudonyms, so the results are found again");
        assertEquals(map, json(out.resolve("anonymization-map.json")));

        InvalidInputException named = assertThrows(InvalidInputException.class, () -> run(grader, out, subs));
        assertEquals(out + ": holds an anonymized batch (anonymization-map.json); pass --anonymize, or grade into "
                + "another folder", named.getMessage());
    }

    @Test
    void refusesToAnonymizeIntoAFolderOfNamedReports() {
        Path subs = dir.resolve("subs");
        BatchFixtures.cohort(subs, 1);
        Path out = dir.resolve("out");
        run(BatchFixtures.lexicalGrader(), out, subs);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> BatchGrading.builder(
                BatchFixtures.lexicalGrader()).outputDir(out).anonymize(true).build().run(List.of(subs)));
        assertEquals(out + ": holds a batch graded without --anonymize: its reports name the candidates; grade into "
                + "another folder", e.getMessage());
    }

    @Test
    void refusesMissingInputsEmptyFoldersAndAnInputFolderAsOutput() {
        Grader grader = BatchFixtures.lexicalGrader();
        Path missing = dir.resolve("nope");
        assertEquals(missing + ": no such file or folder", assertThrows(InvalidInputException.class,
                () -> run(grader, dir.resolve("out"), missing)).getMessage());
        Path empty = dir.resolve("empty");
        BatchFixtures.write(empty.resolve(".keep"), "");
        assertEquals(empty + ": no submission files in this folder (expected one .md, .txt or .docx file per "
                + "candidate); left out: " + empty.resolve(".keep") + ": skipped: hidden file (its name starts "
                + "with a dot); rename it to grade it", assertThrows(InvalidInputException.class,
                        () -> run(grader, dir.resolve("out"), empty)).getMessage());
        Path subs = dir.resolve("subs");
        BatchFixtures.cohort(subs, 1);
        assertEquals(subs + ": is an input folder; reports would be mixed with submissions: choose another output "
                + "folder", assertThrows(InvalidInputException.class, () -> run(grader, subs, subs)).getMessage());
    }

    @Test
    void numbersQuestionsByPositionForRubricsWithoutQIds() throws IOException {
        Rubric named = BatchFixtures.NAMED;
        Grader grader = Grader.builder().rubric(named).judge(OfflineJudge.builder().embeddings(false).build()).build();
        Path table = BatchFixtures.write(dir.resolve("a.csv"), "candidate,question,answer\nann,2,It waits.\n"
                + "ann,timeouts,ReadHeaderTimeout.\n");
        Path out = dir.resolve("out");
        run(grader, out, table);
        JsonNode ann = json(out.resolve("candidates/ann.json"));
        assertEquals("shutdown", ann.get("questions").get(0).get("question").asText(), "2 is the second question");
        assertEquals("graded", ann.get("questions").get(0).get("status").asText());
        assertEquals("timeouts", ann.get("questions").get(1).get("question").asText());
        assertEquals(2, ann.get("questions").size(), "intro: answered by nobody, so not assigned");
    }

    /** Every output file equal, summary.json apart from what the run did ({@code run}). */
    static void assertSameReports(Path expected, Path actual) throws IOException {
        Map<String, String> a = BatchFixtures.tree(expected);
        Map<String, String> b = BatchFixtures.tree(actual);
        assertEquals(a.keySet(), b.keySet());
        for (String file : a.keySet()) {
            if (file.equals("summary.json")) {
                ObjectNode x = (ObjectNode) Json.mapper().readTree(a.get(file));
                ObjectNode y = (ObjectNode) Json.mapper().readTree(b.get(file));
                x.remove("run");
                y.remove("run");
                assertEquals(x, y);
            } else {
                assertEquals(a.get(file), b.get(file), file);
            }
        }
    }

    /** A judge whose model is unreachable for answers saying BOOM, after a pause for those saying "slowly". */
    static final class FailingJudge implements Judge {

        private final Judge inner;

        FailingJudge(Judge inner) {
            this.inner = inner;
        }

        @Override
        public Assessment assess(Question question, String answer) {
            if (answer.contains("slowly")) {
                try {
                    Thread.sleep(300);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (answer.contains("BOOM")) {
                throw new IllegalStateException("model server unreachable");
            }
            return inner.assess(question, answer);
        }

        @Override
        public JudgeInfo info() {
            return inner.info();
        }
    }

    @Test
    void aQuestionThatCannotBeGradedIsLeftOutAndTheRestIsGraded() throws IOException {
        Path subs = dir.resolve("subs");
        BatchFixtures.cohort(subs, 4);
        Judge offline = OfflineJudge.builder().embeddings(false).build();
        Judge failsOnQ2 = new Judge() {
            @Override
            public Assessment assess(Question question, String answer) {
                if (question.id().equals("Q2")) {
                    throw new IllegalStateException("judge exploded on Q2");
                }
                return offline.assess(question, answer);
            }

            @Override
            public JudgeInfo info() {
                return offline.info();
            }
        };
        Path out = dir.resolve("out");
        BatchResult result = run(Grader.builder().rubric(BatchFixtures.SHIPPED).judge(failsOnQ2).build(), out, subs);

        assertEquals(4, result.graded(), "every candidate is graded");
        assertFalse(result.hasProblems());
        // cand-01 skips Q2 (i % 6 + 1): three answers to Q2 were not graded
        assertEquals(List.of(new BatchResult.NotGraded("Q2", 3, "grading failed: judge exploded on Q2")),
                result.notGraded());
        JsonNode cand = json(out.resolve("candidates/cand-02.json"));
        assertEquals("failed", cand.get("questions").get(1).get("status").asText());
        assertEquals("graded", cand.get("questions").get(0).get("status").asText());
        assertEquals(5, cand.get("totals").get("max").asInt(), "six assigned, one not graded");
        JsonNode summary = json(out.resolve("summary.json"));
        assertEquals(3, summary.get("questions").get(1).get("notGraded").asInt());
        assertTrue(BatchFixtures.read(out.resolve("candidates/cand-02.md")).contains("**Not graded**: grading failed: "
                + "judge exploded on Q2."));
    }

    /** A judge that cancels the batch on its n-th answer, as a Ctrl-C during grading would. */
    static final class CancellingJudge implements Judge {

        private final Judge inner;
        private final int at;
        private final AtomicInteger seen = new AtomicInteger();
        volatile Runnable cancel = () -> {
        };

        CancellingJudge(Judge inner, int at) {
            this.inner = inner;
            this.at = at;
        }

        @Override
        public Assessment assess(Question question, String answer) {
            if (seen.incrementAndGet() == at) {
                cancel.run();
            }
            return inner.assess(question, answer);
        }

        @Override
        public JudgeInfo info() {
            return inner.info();
        }

        @Override
        public void prepare(Rubric rubric) {
            inner.prepare(rubric);
        }
    }
}
