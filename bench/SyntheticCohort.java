import dev.grader.Rubrics;
import dev.grader.rubric.KeyPoint;
import dev.grader.rubric.Misconception;
import dev.grader.rubric.Question;
import dev.grader.rubric.Rubric;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Writes a synthetic cohort of take-home submissions for the shipped rubric: one file per candidate, every
 * question answered (or, now and then, skipped) in the way a candidate of that candidate's ability might write it
 * — full, partial, wrong, off-topic or terse — under one of six heading styles (## Q4. prompt, Q4:, Question 4:
 * inline, 4), **Q4**, the prompt quoted).
 *
 * <p>Deterministic: candidate i depends only on the seed and i, so a cohort of 50 is the first 50 of a cohort of
 * 200. Answers are assembled from the rubric's key points and misconceptions, lightly reworded, with filler
 * sentences written for this generator.
 *
 * <pre>
 * java -cp grader-cli/target/grader.jar bench/SyntheticCohort.java OUT_DIR [CANDIDATES=200] [SEED=42]
 * java -cp grader-cli/target/grader.jar bench/SyntheticCohort.java OUT.jsonl [CANDIDATES=200] [SEED=42]
 * </pre>
 *
 * <p>Given a file name ending in {@code .jsonl}, it writes the same answers as one table ({@code candidate},
 * {@code question}, {@code answer} per line), the input of {@code grader batch} and of the Spark job alike.
 */
public class SyntheticCohort {

    private static final String[] OPENERS = {"", "", "", "Short version: ", "From memory, ", "As far as I know, ",
        "In practice, ", "Basically, ", "If I remember the source right, "};

    private static final String[] FILLER = {
        "I have run into this in production once, which is how I learned it.",
        "This is one of those details that only matters under load.",
        "The documentation is a bit vague here, so I checked the source.",
        "I would double-check this with a small test program before relying on it.",
        "It is easy to get wrong when you write your first server.",
        "Most of the time the defaults are fine, but not always."};

    private static final String[] OFF_TOPIC = {
        "Go is a compiled language with a garbage collector and a fast build.",
        "I usually put nginx in front of the service and let it deal with this.",
        "Channels are the idiomatic way to communicate between goroutines.",
        "We mostly use gRPC at work, so I have not needed net/http much.",
        "Kubernetes restarts the pod anyway, so it does not matter much in practice."};

    private static final String[] WRONG = {
        "It uses a fixed pool of worker threads sized to GOMAXPROCS.",
        "Everything runs on the main goroutine, one request at a time.",
        "The runtime queues requests and a scheduler thread hands them out.",
        "Nothing happens: the server ignores it and keeps going.",
        "This is handled by the operating system, not by Go."};

    private static final String[][] REWORDS = {
        {"spawns", "starts"}, {"immediately", "right away"}, {"waits for", "blocks until it sees"},
        {"in-flight", "active"}, {"calls", "invokes"}, {"closes", "shuts"}, {"connection", "conn"},
        {"goroutine", "goroutine"}, {"handler", "handler func"}, {"returns", "exits"}};

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: SyntheticCohort OUT_DIR [CANDIDATES] [SEED]");
            System.exit(2);
        }
        Path out = Path.of(args[0]);
        int candidates = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 42;
        Rubric rubric = Rubrics.defaultRubric();
        if (out.getFileName().toString().endsWith(".jsonl")) {
            table(rubric, out, candidates, seed);
            return;
        }
        Files.createDirectories(out);
        long bytes = 0;
        for (int i = 1; i <= candidates; i++) {
            Random random = new Random(seed * 1_000_003L + i);
            int style = (i - 1) % 6;
            String name = String.format(Locale.ROOT, "cand-%03d", i);
            String ext = style == 1 || style == 2 || style == 3 ? ".txt" : ".md";
            String text = submission(rubric, name, style, random);
            Files.writeString(out.resolve(name + ext), text, StandardCharsets.UTF_8);
            bytes += text.length();
        }
        System.out.printf(Locale.ROOT, "wrote %d submissions (%d questions each, %.1f MB) to %s%n", candidates,
                rubric.questions().size(), bytes / 1e6, out);
    }

    /** The answers of {@link #submission} (the same random draws), one JSON line per answer. */
    static void table(Rubric rubric, Path out, int candidates, long seed) throws IOException {
        long answers = 0;
        try (java.io.BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            for (int i = 1; i <= candidates; i++) {
                Random random = new Random(seed * 1_000_003L + i);
                String name = String.format(Locale.ROOT, "cand-%03d", i);
                double ability = 0.15 + 0.8 * random.nextDouble();
                for (Question q : rubric.questions()) {
                    if (random.nextDouble() < 0.05) {
                        continue;
                    }
                    java.util.Map<String, String> row = new java.util.LinkedHashMap<>();
                    row.put("candidate", name);
                    row.put("question", q.id());
                    row.put("answer", answer(q, ability, random));
                    w.write(dev.grader.internal.Json.compact(row));
                    w.write('\n');
                    answers++;
                }
            }
        }
        System.out.printf(Locale.ROOT, "wrote %d answers of %d candidates to %s%n", answers, candidates, out);
    }

    static String submission(Rubric rubric, String name, int style, Random random) {
        double ability = 0.15 + 0.8 * random.nextDouble();
        StringBuilder s = new StringBuilder();
        s.append(style == 0 || style == 4 || style == 5 ? "# Take-home: " : "Take-home, ").append(name).append("\n\n");
        List<Question> questions = rubric.questions();
        for (int n = 1; n <= questions.size(); n++) {
            Question q = questions.get(n - 1);
            if (random.nextDouble() < 0.05) {
                continue;
            }
            String answer = answer(q, ability, random);
            switch (style) {
                case 0 -> s.append("## Q").append(n).append(". ").append(q.prompt()).append("\n\n").append(answer);
                case 1 -> s.append("Q").append(n).append(":\n").append(answer);
                case 2 -> s.append("Question ").append(n).append(": ").append(answer);
                case 3 -> s.append(n).append(")\n").append(answer);
                case 4 -> s.append("**Q").append(n).append("**\n\n").append(answer);
                default -> s.append("> ").append(q.prompt()).append("\n\n").append(answer);
            }
            s.append("\n\n");
        }
        return s.toString();
    }

    static String answer(Question q, double ability, Random random) {
        List<KeyPoint> points = q.gradedKeyPoints();
        double roll = random.nextDouble();
        List<String> sentences = new ArrayList<>();
        if (roll < 0.04) {
            sentences.add(OFF_TOPIC[random.nextInt(OFF_TOPIC.length)]);
        } else if (roll < 0.12) {
            List<Misconception> wrong = q.gradedMisconceptions();
            sentences.add(wrong.isEmpty() ? WRONG[random.nextInt(WRONG.length)]
                    : finish("I think " + lower(wrong.get(random.nextInt(wrong.size())).text())));
            if (!points.isEmpty() && random.nextBoolean()) {
                sentences.add(reword(points.get(0).text(), random));
            }
        } else if (roll < 0.17) {
            String first = points.isEmpty() ? q.prompt() : points.get(0).text();
            String[] words = first.split("\\s+");
            sentences.add(String.join(" ", java.util.Arrays.copyOf(words, Math.min(6, words.length))) + ".");
        } else {
            for (KeyPoint k : points) {
                if (random.nextDouble() < ability) {
                    sentences.add(reword(k.text(), random));
                }
            }
            if (sentences.isEmpty()) {
                sentences.add(WRONG[random.nextInt(WRONG.length)]);
            }
        }
        if (random.nextDouble() < 0.3) {
            sentences.add(FILLER[random.nextInt(FILLER.length)]);
        }
        String opener = OPENERS[random.nextInt(OPENERS.length)];
        StringBuilder a = new StringBuilder(opener);
        a.append(opener.isEmpty() ? sentences.get(0) : lower(sentences.get(0)));
        for (int i = 1; i < sentences.size(); i++) {
            a.append(random.nextInt(4) == 0 ? "\n\n" : " ").append(sentences.get(i));
        }
        if (random.nextDouble() < 0.06) {
            // Numbered lists and code inside an answer must stay inside it.
            a.append("\n\nSteps:\n1) check the server's timeouts\n2) look at the handler\n\n```go\n"
                    + "// 1) start\nsrv := &http.Server{Addr: \":8080\"}\n// Q5: not a heading\n```");
        }
        return a.toString();
    }

    static String reword(String sentence, Random random) {
        String s = sentence.strip();
        for (int i = 0; i < 2; i++) {
            String[] r = REWORDS[random.nextInt(REWORDS.length)];
            s = s.replaceFirst("\\b" + r[0] + "\\b", r[1]);
        }
        return finish(s);
    }

    static String finish(String s) {
        return s.endsWith(".") || s.endsWith("?") || s.endsWith("!") ? s : s + ".";
    }

    static String lower(String s) {
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }
}
