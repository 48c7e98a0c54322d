package dev.grader.batch;

import dev.grader.Grader;
import dev.grader.Rubrics;
import dev.grader.judge.OfflineJudge;
import dev.grader.rubric.KeyPoint;
import dev.grader.rubric.Question;
import dev.grader.rubric.Rubric;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Rubrics, graders and files shared by the batch tests. */
final class BatchFixtures {

    /** The shipped rubric: ids Q1..Q33. */
    static final Rubric SHIPPED = Rubrics.defaultRubric();

    /** A rubric whose ids are not Q-numbers: numbers map by position. */
    static final Rubric NAMED = new Rubric(Rubric.FORMAT_VERSION, "named", "Named questions", null, null, List.of(
            question("intro", "What does an HTTP server do with each connection?"),
            question("shutdown", "How does a graceful shutdown differ from closing a server?"),
            question("timeouts", "Which timeouts protect a server from slow clients?")));

    private BatchFixtures() {
    }

    private static Question question(String id, String prompt) {
        return new Question(id, null, prompt, "Model answer of " + id + ".", null, null,
                List.of(new KeyPoint(id + "-k1", "A point about " + id, 1.0, List.of(id), null)),
                null, null, null, null);
    }

    /** The fast offline judge: lexical signals only, deterministic. */
    static Grader lexicalGrader() {
        return Grader.builder().rubric(SHIPPED).judge(OfflineJudge.builder().embeddings(false).build()).build();
    }

    static Path write(Path file, String text) {
        return write(file, text.getBytes(StandardCharsets.UTF_8));
    }

    static Path write(Path file, byte[] bytes) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            return Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes {@code n} submissions ({@code cand-01.md}, ...) answering Q1..Q6 of the shipped rubric: candidate i
     * states the key points whose index is not a multiple of (i % 3 + 2), skips one question, and gets the heading
     * style {@code i % 3} (## Q4., Question 4:, **Q4**).
     */
    static void cohort(Path dir, int n) {
        for (int i = 1; i <= n; i++) {
            StringBuilder text = new StringBuilder("Take-home of candidate " + i + "\n\n");
            for (int q = 1; q <= 6; q++) {
                if (q == i % 6 + 1) {
                    continue;
                }
                Question question = SHIPPED.questions().get(q - 1);
                text.append(switch (i % 3) {
                    case 0 -> "## Q" + q + ". " + question.prompt() + "\n\n";
                    case 1 -> "Question " + q + ":\n";
                    default -> "**Q" + q + "**\n\n";
                });
                List<KeyPoint> points = question.gradedKeyPoints();
                for (int k = 0; k < points.size(); k++) {
                    if (k % (i % 3 + 2) != 0 || k == 0 && i % 4 == 0) {
                        text.append(points.get(k).text()).append(". ");
                    }
                }
                text.append(i % 5 == 0 ? "It uses a fixed pool of worker threads." : "That is all I know.")
                        .append("\n\n");
            }
            write(dir.resolve(String.format(java.util.Locale.ROOT, "cand-%02d.md", i)), text.toString());
        }
    }

    /** Every regular file under {@code root}, by relative path, with its content. */
    static Map<String, String> tree(Path root) {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            walk.filter(Files::isRegularFile).forEach(f -> files.put(root.relativize(f).toString().replace('\\', '/'),
                    read(f)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }
}
