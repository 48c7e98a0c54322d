package dev.grader.match;

import dev.grader.rubric.KeyPoint;
import dev.grader.rubric.Misconception;
import dev.grader.rubric.Question;
import dev.grader.text.Token;
import dev.grader.text.Tokenizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Everything about a question that does not depend on the answer, prepared once: each key point with its
 * aliases, each misconception with its correction and the words that set it apart from the key points, and
 * (when embeddings are on) their sentence vectors.
 */
public final class PreparedQuestion {

    private static final Pattern CORRECTION_LEAD = Pattern.compile(
            "^(no|yes|not quite|half right|partly|partially|wrong|false|true)\\s*[\u2014\u2013:,.-]+\\s*",
            Pattern.CASE_INSENSITIVE);

    private final Question question;
    private final QuestionContext context;
    private final List<Point> points = new ArrayList<>();
    private final List<Myth> myths = new ArrayList<>();
    private volatile List<float[]> vectors;

    /** A key point and its accepted phrasings. */
    record Point(KeyPoint keyPoint, List<PreparedText> texts) {
    }

    /** A misconception, its correction, and the words that set it apart from every key point. */
    record Myth(Misconception misconception, PreparedText text, PreparedText correction, Set<String> distinctive) {
    }

    PreparedQuestion(Question question, Vocabulary vocabulary) {
        this.question = question;
        this.context = new QuestionContext(question, vocabulary);
        Set<String> keyPointStems = new HashSet<>();
        for (KeyPoint k : question.gradedKeyPoints()) {
            List<PreparedText> texts = new ArrayList<>();
            texts.add(new PreparedText(k.text(), context));
            for (String alias : k.aliases()) {
                texts.add(new PreparedText(alias, context));
            }
            points.add(new Point(k, List.copyOf(texts)));
            for (Token t : Tokenizer.tokenize(k.text())) {
                keyPointStems.add(t.stem());
            }
        }
        for (Misconception m : question.gradedMisconceptions()) {
            Set<String> distinctive = new HashSet<>();
            for (Token t : Tokenizer.tokenize(m.text())) {
                if (t.content() && !keyPointStems.contains(t.stem()) && !context.inPrompt(t.stem())
                        && !dev.grader.text.GenericWords.isGeneric(t.stem())) {
                    distinctive.add(t.stem());
                }
            }
            String correction = CORRECTION_LEAD.matcher(m.correction().strip()).replaceFirst("");
            PreparedText corr = correction.isBlank() ? null : new PreparedText(correction, context, false);
            myths.add(new Myth(m, new PreparedText(m.text(), context, false), corr, Set.copyOf(distinctive)));
        }
    }

    Question question() {
        return question;
    }

    QuestionContext context() {
        return context;
    }

    List<Point> points() {
        return points;
    }

    List<Myth> myths() {
        return myths;
    }

    /** Every rubric text in a fixed order: points' texts, then myths' texts and corrections. */
    List<PreparedText> allTexts() {
        List<PreparedText> all = new ArrayList<>();
        points.forEach(p -> all.addAll(p.texts()));
        for (Myth m : myths) {
            all.add(m.text());
            if (m.correction() != null) {
                all.add(m.correction());
            }
        }
        return all;
    }

    /** Sentence vectors of {@link #allTexts()}, computed on first use. */
    List<float[]> vectors(SentenceEncoder encoder) {
        List<float[]> v = vectors;
        if (v == null) {
            synchronized (this) {
                v = vectors;
                if (v == null) {
                    v = encoder.encode(allTexts().stream().map(PreparedText::text).toList());
                    vectors = v;
                }
            }
        }
        return v;
    }
}
