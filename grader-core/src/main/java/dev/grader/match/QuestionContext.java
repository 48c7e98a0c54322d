package dev.grader.match;

import dev.grader.rubric.KeyPoint;
import dev.grader.rubric.Misconception;
import dev.grader.rubric.Question;
import dev.grader.text.GenericWords;
import dev.grader.text.Token;
import dev.grader.text.Tokenizer;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a question tells about its words: words of the prompt (restating the question earns little), words
 * shared by many of its key points (less distinctive), everyday words, and the entities it compares.
 */
final class QuestionContext {

    private static final double PROMPT_FACTOR = 0.35;
    private static final double GENERIC_FACTOR = 0.45;
    private static final double CODE_FACTOR = 1.3;

    private final Set<String> promptStems = new HashSet<>();
    private final Map<String, Integer> documentFrequency = new HashMap<>();
    private final int documents;
    private final Entities entities;

    QuestionContext(Question question) {
        for (Token t : Tokenizer.tokenize(question.prompt())) {
            if (t.content()) {
                promptStems.add(t.stem());
            }
        }
        int docs = 0;
        for (KeyPoint k : question.gradedKeyPoints()) {
            count(k.text());
            docs++;
        }
        for (Misconception m : question.gradedMisconceptions()) {
            count(m.text());
            docs++;
        }
        this.documents = Math.max(1, docs);
        this.entities = Entities.of(question);
    }

    private void count(String text) {
        Set<String> seen = new HashSet<>();
        for (Token t : Tokenizer.tokenize(text)) {
            if (t.content() && seen.add(t.stem())) {
                documentFrequency.merge(t.stem(), 1, Integer::sum);
            }
        }
    }

    /** How much a word of a rubric text counts when matching an answer. */
    double weight(Token t, boolean discountPrompt) {
        int df = documentFrequency.getOrDefault(t.stem(), 0);
        double distinctive = 1.0 + Math.log((documents + 1.0) / (df + 1.0));
        double w = Math.max(0.5, distinctive);
        if (discountPrompt && promptStems.contains(t.stem())) {
            w *= PROMPT_FACTOR;
        }
        if (GenericWords.isGeneric(t.stem())) {
            w *= GENERIC_FACTOR;
        }
        if (t.code()) {
            w *= CODE_FACTOR;
        }
        return w;
    }

    boolean inPrompt(String stem) {
        return promptStems.contains(stem);
    }

    Entities entities() {
        return entities;
    }

    static List<String> stems(String text) {
        return Tokenizer.tokenize(text).stream().filter(Token::content).map(Token::stem).toList();
    }
}
