package dev.grader.compile;

import dev.grader.rubric.KeyPoint;
import dev.grader.text.Token;
import dev.grader.text.Tokenizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Links a follow-up to the key points it tests: the most similar key point by rarity-weighted shared stems,
 * and any other within a quarter of it. A follow-up with nothing in common falls back to the question's
 * heaviest key point, so every probe is reachable from some missed point.
 */
final class FollowUpLinker {

    private static final double CLOSE_TO_BEST = 0.75;
    private static final double MIN_SIMILARITY = 0.08;

    private FollowUpLinker() {
    }

    static List<String> probes(String question, String answer, List<KeyPoint> keyPoints, TermExtractor idf) {
        if (keyPoints.isEmpty()) {
            return List.of();
        }
        Map<String, Double> followVector = vector(question + " " + answer, idf);
        double[] scores = new double[keyPoints.size()];
        double best = 0;
        for (int i = 0; i < keyPoints.size(); i++) {
            KeyPoint k = keyPoints.get(i);
            scores[i] = cosine(followVector, vector(k.text() + " " + String.join(" ", k.aliases()), idf));
            best = Math.max(best, scores[i]);
        }
        List<String> out = new ArrayList<>();
        if (best < MIN_SIMILARITY) {
            KeyPoint heaviest = keyPoints.get(0);
            for (KeyPoint k : keyPoints) {
                if (k.weight() > heaviest.weight()) {
                    heaviest = k;
                }
            }
            out.add(heaviest.id());
            return out;
        }
        for (int i = 0; i < keyPoints.size(); i++) {
            if (scores[i] >= best * CLOSE_TO_BEST && scores[i] >= MIN_SIMILARITY) {
                out.add(keyPoints.get(i).id());
            }
        }
        return out;
    }

    private static Map<String, Double> vector(String text, TermExtractor idf) {
        Map<String, Double> v = new HashMap<>();
        for (Token t : Tokenizer.tokenize(text)) {
            if (t.content()) {
                v.merge(t.stem(), idf.idf(t.stem()), (a, b) -> a);
            }
        }
        return v;
    }

    private static double cosine(Map<String, Double> a, Map<String, Double> b) {
        double dot = 0;
        for (Map.Entry<String, Double> e : a.entrySet()) {
            Double other = b.get(e.getKey());
            if (other != null) {
                dot += e.getValue() * other;
            }
        }
        double na = norm(a);
        double nb = norm(b);
        return na == 0 || nb == 0 ? 0 : dot / (na * nb);
    }

    private static double norm(Map<String, Double> v) {
        double s = 0;
        for (double x : v.values()) {
            s += x * x;
        }
        return Math.sqrt(s);
    }
}
