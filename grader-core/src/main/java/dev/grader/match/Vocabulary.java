package dev.grader.match;

import dev.grader.rubric.KeyPoint;
import dev.grader.rubric.Misconception;
import dev.grader.rubric.Question;
import dev.grader.rubric.Rubric;
import dev.grader.text.Token;
import dev.grader.text.Tokenizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How rare each word is across a set of rubric texts: words every key point uses ("server", "request")
 * distinguish nothing, rare ones ("stores", "creates") carry the claim.
 */
final class Vocabulary {

    private final Map<String, Integer> documentFrequency = new HashMap<>();
    private final int documents;

    private Vocabulary(List<String> texts) {
        for (String text : texts) {
            Set<String> seen = new HashSet<>();
            for (Token t : Tokenizer.tokenize(text)) {
                if (t.content() && seen.add(t.stem())) {
                    documentFrequency.merge(t.stem(), 1, Integer::sum);
                }
            }
        }
        this.documents = Math.max(1, texts.size());
    }

    static Vocabulary of(Rubric rubric) {
        List<String> texts = new ArrayList<>();
        rubric.questions().forEach(q -> texts.addAll(texts(q)));
        return new Vocabulary(texts);
    }

    static Vocabulary of(Question question) {
        return new Vocabulary(texts(question));
    }

    private static List<String> texts(Question q) {
        List<String> texts = new ArrayList<>();
        q.gradedKeyPoints().stream().map(KeyPoint::text).forEach(texts::add);
        q.gradedMisconceptions().stream().map(Misconception::text).forEach(texts::add);
        return texts;
    }

    /** Inverse document frequency, at least 1. */
    double idf(String stem) {
        return 1.0 + Math.log((documents + 1.0) / (documentFrequency.getOrDefault(stem, 0) + 1.0));
    }
}
