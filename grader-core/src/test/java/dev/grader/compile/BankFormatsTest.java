package dev.grader.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.grader.rubric.FollowUp;
import dev.grader.rubric.KeyPoint;
import dev.grader.rubric.Misconception;
import dev.grader.rubric.Question;
import dev.grader.rubric.Rubric;
import dev.grader.rubric.RubricLinter;
import dev.grader.rubric.RubricWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Bank formats")
class BankFormatsTest {

    private static final Path BANKS = Path.of("src/test/resources/banks");

    @Test
    void theMarkdownTwinCompilesToTheSameQuestionsAsTheTextLayout() {
        Rubric text = BankCompiler.compile(BANKS.resolve("sample.txt"));
        Rubric markdown = BankCompiler.compile(BANKS.resolve("sample.md"));
        assertEquals("markdown", markdown.source().format());
        assertEquals(text.title(), markdown.title());
        assertEquals(text.questionIds(), markdown.questionIds());
        for (Question t : text.questions()) {
            Question m = markdown.question(t.id()).orElseThrow();
            assertEquals(t.level(), m.level(), t.id());
            assertEquals(t.prompt(), m.prompt(), t.id());
            assertEquals(ids(t.keyPoints()), ids(m.keyPoints()), t.id() + " key points");
            assertEquals(t.keyPoints(), m.keyPoints(), t.id());
            assertEquals(t.misconceptions(), m.misconceptions(), t.id());
            assertEquals(t.followUps(), m.followUps(), t.id());
            assertEquals(t.notes(), m.notes(), t.id());
            assertEquals(t.code().stream().map(c -> c.section() + ":" + c.text()).toList(),
                    m.code().stream().map(c -> c.section() + ":" + c.text()).toList(), t.id());
        }
        assertEquals("go", markdown.question("Q20").orElseThrow().code().get(0).language());
    }

    @Test
    void utf16WithAByteOrderMarkAndCarriageReturnLineEndsReadLikeUtf8AndLineFeeds(@TempDir Path dir)
            throws Exception {
        for (String name : List.of("sample.txt", "sample.md", "sample.jsonl")) {
            Rubric original = BankCompiler.compile(BANKS.resolve(name));
            String text = Files.readString(BANKS.resolve(name));
            Map<String, byte[]> variants = new LinkedHashMap<>();
            variants.put("utf16le", concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, text.getBytes(StandardCharsets.UTF_16LE)));
            variants.put("utf16be", concat(new byte[] {(byte) 0xFE, (byte) 0xFF}, text.getBytes(StandardCharsets.UTF_16BE)));
            variants.put("cr", text.replace("\n", "\r").getBytes(StandardCharsets.UTF_8));
            variants.put("crlf", text.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8));
            for (Map.Entry<String, byte[]> v : variants.entrySet()) {
                Path file = Files.createDirectories(dir.resolve(v.getKey())).resolve(name);
                Files.write(file, v.getValue());
                Rubric variant = BankCompiler.compile(file);
                assertEquals(original.questions(), variant.questions(), name + " as " + v.getKey());
                assertEquals(original.title(), variant.title(), name + " as " + v.getKey());
            }
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void jsonLinesCarryAcceptedAnswersWrongAnswersAndFollowUps() {
        Rubric rubric = BankCompiler.compile(BANKS.resolve("sample.jsonl"));
        assertEquals("jsonl", rubric.source().format());
        assertEquals("sample", rubric.id());
        assertEquals(List.of(), RubricLinter.errors(rubric));

        Question t1 = rubric.question("T1").orElseThrow();
        assertEquals("Junior", t1.level());
        assertEquals(List.of("It synchronises the initial sequence numbers of both sides",
                "It confirms that both endpoints can send and receive"), t1.keyPoints().stream().map(KeyPoint::text).toList());
        List<Misconception> wrong = t1.misconceptions();
        assertEquals("It encrypts the connection", wrong.get(0).text());
        assertEquals("No, that is TLS.", wrong.get(0).correction());
        assertEquals("It reserves bandwidth", wrong.get(1).text());
        assertEquals("TCP reserves nothing; it only agrees on sequence numbers.", wrong.get(1).correction());
        List<FollowUp> followUps = t1.followUps();
        assertEquals("Why not two steps?", followUps.get(0).question());
        assertEquals("What is a SYN flood?", followUps.get(1).question());
        assertEquals("An attack that leaves half-open connections.", followUps.get(1).answer());

        Question t2 = rubric.question("T2").orElseThrow();
        assertEquals(1, t2.keyPoints().size());
        assertEquals("UDP is not reliable", t2.keyPoints().get(0).text());
        assertEquals(List.of("UDP does not guarantee delivery", "UDP gives no delivery guarantee"),
                t2.keyPoints().get(0).aliases(), "a single claim takes the accepted answers as paraphrases");
        assertEquals(t2.acceptedAnswers(), t2.keyPoints().get(0).aliases());

        Question t3 = rubric.question("T3").orElseThrow();
        assertEquals(4, t3.keyPoints().size());
        assertEquals(2, t3.expectedPoints(), "'at least 2' of four listed fields");
    }

    @Test
    void aJsonArrayIsReadLikeJsonLines() {
        String array = "[{\"id\": \"A\", \"question\": \"Why?\", \"modelAnswer\": \"Because caches need locality.\"}]";
        Rubric rubric = BankCompiler.compile(array, "bank.json");
        assertEquals(List.of("A"), rubric.questionIds());
    }

    @Test
    void compilingIsDeterministic() {
        String first = RubricWriter.toJson(BankCompiler.compile(BANKS.resolve("sample.txt")));
        String second = RubricWriter.toJson(BankCompiler.compile(BANKS.resolve("sample.txt")));
        assertEquals(first, second);
        assertTrue(first.endsWith("}\n"));
    }

    private static List<String> ids(List<KeyPoint> points) {
        return points.stream().map(KeyPoint::id).toList();
    }
}
