package dev.grader.match;

import dev.grader.rubric.Question;
import dev.grader.text.GenericWords;
import dev.grader.text.Token;
import dev.grader.text.Tokenizer;
import java.util.HashSet;
import java.util.List;
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
    private final Vocabulary vocabulary;
    private final Entities entities;

    QuestionContext(Question question, Vocabulary vocabulary) {
        for (Token t : Tokenizer.tokenize(question.prompt())) {
            if (t.content()) {
                promptStems.add(t.stem());
            }
        }
        this.vocabulary = vocabulary;
        this.entities = Entities.of(question);
    }

    /** How much a word of a rubric text counts when matching an answer. */
    double weight(Token t, boolean discountPrompt) {
        double w = vocabulary.idf(t.stem());
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

    /** The content stems of the prompt. */
    Set<String> promptStems() {
        return java.util.Collections.unmodifiableSet(promptStems);
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
