package dev.grader.eval;

import dev.grader.compile.BankCompiler;
import dev.grader.rubric.KeyPoint;
import dev.grader.rubric.Question;
import dev.grader.rubric.Rubric;
import dev.grader.text.Token;
import dev.grader.text.Tokenizer;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Sends an answer whose question id the bank uses for several questions ({@code X}, {@code X#2}, ...; see
 * {@link BankCompiler#compileKeepingDuplicateIds}) to the one it is closest to: the question whose prompt,
 * model answer and key points share the most content words with the answer. Nothing else is consulted.
 */
final class SharedIds {

    private final Map<String, List<String>> groups;
    private final Map<String, Set<String>> wordsById = new HashMap<>();

    SharedIds(Rubric rubric) {
        this.groups = BankCompiler.duplicatesOf(rubric);
        for (List<String> ids : groups.values()) {
            for (String id : ids) {
                Question q = rubric.question(id).orElseThrow();
                StringBuilder text = new StringBuilder(q.prompt()).append(' ').append(q.modelAnswer());
                q.keyPoints().stream().map(KeyPoint::text).forEach(t -> text.append(' ').append(t));
                wordsById.put(id, words(text.toString()));
            }
        }
    }

    boolean isEmpty() {
        return groups.isEmpty();
    }

    /** Bank ids shared by several questions. */
    Set<String> sharedIds() {
        return groups.keySet();
    }

    /** The question id to grade this answer against. */
    String resolve(String questionId, String answer) {
        List<String> candidates = groups.get(questionId);
        if (candidates == null) {
            return questionId;
        }
        Set<String> answerWords = words(answer);
        String best = candidates.get(0);
        double bestScore = -1;
        for (String id : candidates) {
            Set<String> words = wordsById.get(id);
            int shared = 0;
            for (String w : answerWords) {
                if (words.contains(w)) {
                    shared++;
                }
            }
            double score = answerWords.isEmpty() ? 0 : (double) shared / Math.sqrt(answerWords.size() * words.size());
            if (score > bestScore) {
                bestScore = score;
                best = id;
            }
        }
        return best;
    }

    private static Set<String> words(String text) {
        Set<String> out = new HashSet<>();
        for (Token t : Tokenizer.tokenize(text)) {
            if (t.content()) {
                out.add(t.stem());
            }
        }
        return out;
    }
}
