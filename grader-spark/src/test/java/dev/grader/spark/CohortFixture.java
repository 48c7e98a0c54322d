package dev.grader.spark;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.grader.internal.Json;
import dev.grader.rubric.KeyPoint;
import dev.grader.rubric.Misconception;
import dev.grader.rubric.Question;
import dev.grader.rubric.Rubric;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A deterministic table of answers to the shipped rubric, as a cohort writes them: full, partial, paraphrased and
 * terse answers, misconceptions, negations, keyword lists, off-topic and empty ones, questions named by id, number
 * or text, a question answered twice, rows naming no question of the rubric, and a candidate none of whose rows
 * names one.
 */
final class CohortFixture {

    private static final String[] FILLER = {"I have seen this in production.", "The docs are vague here.",
        "This matters under load.", "I would check it with a small program."};
    private static final String[] OFF_TOPIC = {"Go is a compiled language with a garbage collector.",
        "We use gRPC at work, so I have not needed net/http much.", "Kubernetes restarts the pod anyway."};

    private CohortFixture() {
    }

    /** JSON Lines of about {@code answers} rows (candidate, question, answer), the same for the same seed. */
    static String jsonLines(Rubric rubric, int answers, long seed) {
        Random random = new Random(seed);
        List<Question> questions = rubric.questions();
        StringBuilder out = new StringBuilder();
        int written = 0;
        for (int c = 1; written < answers; c++) {
            String candidate = String.format("cand-%03d", c);
            double ability = 0.2 + 0.75 * random.nextDouble();
            for (int i = 0; i < questions.size() && written < answers; i++) {
                if (random.nextDouble() < 0.35) {
                    continue; // a take-home assigns some questions; this candidate skipped this one
                }
                Question q = questions.get(i);
                String label = switch (random.nextInt(10)) {
                    case 0 -> Integer.toString(i + 1);
                    case 1 -> q.prompt();
                    default -> q.id();
                };
                line(out, candidate, label, answer(q, ability, random));
                written++;
                if (random.nextDouble() < 0.01) { // answered again, later: the later answer counts
                    line(out, candidate, q.id(), answer(q, ability, random));
                    written++;
                }
            }
            if (c % 7 == 0) {
                line(out, candidate, "Q" + (questions.size() + 5), "An answer to a question the rubric lacks.");
                written++;
            }
        }
        line(out, "nobody-knows", "Q999", "Nothing here names a question of the rubric.");
        return out.toString();
    }

    private static void line(StringBuilder out, String candidate, String question, String answer) {
        ObjectNode row = Json.mapper().createObjectNode();
        row.put("candidate", candidate);
        row.put("question", question);
        row.put("answer", answer);
        out.append(Json.compact(row)).append('\n');
    }

    static String answer(Question q, double ability, Random random) {
        List<KeyPoint> points = q.gradedKeyPoints();
        List<Misconception> myths = q.gradedMisconceptions();
        double roll = random.nextDouble();
        List<String> sentences = new ArrayList<>();
        if (roll < 0.04) {
            return random.nextBoolean() ? "" : "   \n ";
        } else if (roll < 0.09) {
            sentences.add(OFF_TOPIC[random.nextInt(OFF_TOPIC.length)]);
        } else if (roll < 0.17 && !myths.isEmpty()) {
            sentences.add("I think " + lower(myths.get(random.nextInt(myths.size())).text()));
        } else if (roll < 0.22 && !points.isEmpty()) {
            sentences.add("It is not true that " + lower(points.get(0).text()));
        } else if (roll < 0.27 && !points.isEmpty()) {
            List<String> words = new ArrayList<>();
            points.forEach(k -> words.addAll(k.terms().stream().limit(2).toList()));
            sentences.add(String.join(", ", words));
        } else {
            for (KeyPoint k : points) {
                if (random.nextDouble() < ability) {
                    sentences.add(random.nextBoolean() ? k.text() : shorten(k.text(), random));
                }
            }
            if (sentences.isEmpty()) {
                sentences.add(OFF_TOPIC[random.nextInt(OFF_TOPIC.length)]);
            }
        }
        if (random.nextDouble() < 0.3) {
            sentences.add(FILLER[random.nextInt(FILLER.length)]);
        }
        String text = String.join(random.nextInt(4) == 0 ? "\n\n" : " ", sentences);
        return random.nextInt(8) == 0 ? "  " + text + "\n" : text;
    }

    private static String shorten(String s, Random random) {
        String[] words = s.split("\\s+");
        int keep = Math.max(3, words.length - 1 - random.nextInt(Math.max(1, words.length / 2)));
        return String.join(" ", java.util.Arrays.copyOf(words, Math.min(keep, words.length))) + ".";
    }

    private static String lower(String s) {
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }
}
