package dev.grader.match;

import dev.grader.judge.SentenceEncoder;
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

    /**
     * Everyday words that make a claim wrong when a true one is restated with them: "Only when the handler
     * returns", "HTTP/2 is always faster", "each request".
     */
    private static final Set<String> RESTRICTORS = Set.of("only", "always", "never", "all", "every", "each", "same",
            "none", "both", "entire", "whole", "automatically", "immediately", "directly", "any");

    private final Question question;
    private final QuestionContext context;
    private final List<Point> points = new ArrayList<>();
    private final List<Myth> myths = new ArrayList<>();
    private final Set<KeyPoint> directAnswers = new HashSet<>();
    private volatile List<float[]> vectors;

    private static final Pattern YES_NO_QUESTION = Pattern.compile(
            "^(is|are|was|were|does|do|did|can|could|should|will|would|has|have|must)\\b[^?]*\\?.*",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    /**
     * A key point and its accepted phrasings.
     *
     * @param term whether the point names a thing rather than states a claim, so that a list naming it states it
     */
    record Point(KeyPoint keyPoint, List<PreparedText> texts, boolean term, List<PreparedText> sides) {
    }

    /**
     * The clauses of a point that compares two entities, each said of its own ("ConnState fires once per conn",
     * "middleware fires once per request"); empty for a point about one. An answer that says one side of the
     * other entity swaps them, though the point as a whole names both.
     */
    private List<PreparedText> sides(String text) {
        if (!context.entities().comparative()) {
            return List.of();
        }
        List<PreparedText> out = new ArrayList<>();
        Set<String> subjects = new HashSet<>();
        for (dev.grader.text.Span clause : dev.grader.text.Segmenter.clauses(text, new dev.grader.text.Span(0,
                text.length()))) {
            PreparedText side = PreparedText.side(text.substring(clause.start(), clause.end()), context);
            if (side.subject() != null && side.contentCount() >= 2) {
                out.add(side);
                subjects.add(side.subject());
            }
        }
        return subjects.size() >= 2 ? List.copyOf(out) : List.of();
    }

    /**
     * The words of one side of a comparison that no other side of its point uses, besides its subject's name:
     * "request" of "middleware fires once per request" beside "ConnState fires once per conn".
     */
    static Set<String> ownWords(PreparedText side, List<PreparedText> sides) {
        Set<String> own = new HashSet<>(side.weights().keySet());
        for (PreparedText other : sides) {
            if (other != side && !side.subject().equals(other.subject())) {
                own.removeAll(other.weights().keySet());
            }
        }
        own.removeAll(java.util.Arrays.asList(side.subject().split(" ")));
        return own;
    }

    /**
     * A misconception, its correction, the words that set it apart from every key point, and the words of its
     * wrong claim (those neither the question, the correction nor everyday speech use).
     */
    record Myth(Misconception misconception, PreparedText text, List<PreparedText> corrections,
                Set<String> distinctive, Set<String> claim, List<PreparedText> parts, List<PreparedText> aliases) {

        /**
         * The ways an answer may state it: the whole text, its aliases, and each of its "; " parts that says
         * something wrong on its own ("Shutdown and Close are the same thing" of "...; Close is just an alias for
         * Shutdown").
         */
        List<PreparedText> statements() {
            if (parts.isEmpty() && aliases.isEmpty()) {
                return List.of(text);
            }
            List<PreparedText> all = new ArrayList<>(parts.size() + aliases.size() + 1);
            all.add(text);
            all.addAll(aliases);
            all.addAll(parts);
            return all;
        }
    }

    /** Content words a part of a misconception needs to be read on its own. */
    private static final int MYTH_PART_WORDS = 3;

    PreparedQuestion(Question question, Vocabulary vocabulary) {
        this.question = question;
        this.context = new QuestionContext(question, vocabulary);
        Set<String> keyPointStems = new HashSet<>();
        java.util.Map<String, Integer> leads = new java.util.HashMap<>();
        for (KeyPoint k : question.gradedKeyPoints()) {
            leads.merge(lead(k.text()), 1, Integer::sum);
        }
        for (KeyPoint k : question.gradedKeyPoints()) {
            List<PreparedText> texts = new ArrayList<>();
            texts.add(new PreparedText(k.text(), context));
            for (String alias : k.aliases()) {
                texts.add(new PreparedText(alias, context));
            }
            String lead = lead(k.text());
            String named = !lead.isEmpty() && leads.get(lead) >= 2 ? k.text().substring(lead.length() + 2) : k.text();
            points.add(new Point(k, List.copyOf(texts), dev.grader.text.TermList.isTerm(Tokenizer.tokenize(named)),
                    sides(k.text())));
            for (Token t : Tokenizer.tokenize(k.text())) {
                keyPointStems.add(t.stem());
            }
        }
        if (YES_NO_QUESTION.matcher(question.prompt().strip()).matches()) {
            // "Is X safe for concurrent use?": the key point restating the question with its polarity is the answer
            Set<String> promptStems = new HashSet<>(QuestionContext.stems(question.prompt()));
            for (Point p : points) {
                Set<String> own = new HashSet<>(QuestionContext.stems(p.keyPoint().text()));
                if (!promptStems.isEmpty() && own.containsAll(promptStems) && own.size() <= promptStems.size() + 2) {
                    directAnswers.add(p.keyPoint());
                }
            }
        }
        for (Misconception m : question.gradedMisconceptions()) {
            Set<String> distinctive = new HashSet<>();
            Set<String> claim = new HashSet<>();
            for (Token t : Tokenizer.tokenize(String.join(" ", m.phrasings()))) {
                boolean telling = t.content() && !context.inPrompt(t.stem())
                        && (RESTRICTORS.contains(t.lower()) || !dev.grader.text.GenericWords.isGeneric(t.stem()));
                if (telling) {
                    claim.add(t.stem());
                }
                if (telling && !keyPointStems.contains(t.stem())) {
                    distinctive.add(t.stem());
                }
            }
            // each sentence of the correction on its own: "each connection gets its own goroutine" is the truth
            // that a window may state instead of the myth
            String correction = CORRECTION_LEAD.matcher(m.correction().strip()).replaceFirst("");
            List<PreparedText> corrections = new ArrayList<>();
            for (dev.grader.text.Span s : dev.grader.text.Segmenter.sentences(correction)) {
                for (String part : correction.substring(s.start(), s.end()).split(";")) {
                    if (!part.isBlank()) {
                        corrections.add(new PreparedText(part.strip(), context, false));
                    }
                }
            }
            // what the correction does not repeat is what the misconception gets wrong
            // ("Go does not pool goroutines" denies "pool": that word stays the misconception's)
            List<Token> correctionTokens = Tokenizer.tokenize(correction);
            boolean[] denied = dev.grader.text.Negation.scope(correctionTokens, 0, correctionTokens.size());
            for (int i = 0; i < correctionTokens.size(); i++) {
                if (!denied[i]) {
                    claim.remove(correctionTokens.get(i).stem());
                }
            }
            List<PreparedText> parts = new ArrayList<>();
            String[] pieces = m.text().split(";");
            if (pieces.length > 1) {
                for (String piece : pieces) {
                    PreparedText part = new PreparedText(piece.strip(), context, false);
                    if (part.contentCount() >= MYTH_PART_WORDS
                            && part.weights().keySet().stream().anyMatch(distinctive::contains)) {
                        parts.add(part);
                    }
                }
            }
            List<PreparedText> aliases = m.aliases().stream().map(a -> new PreparedText(a, context, false)).toList();
            myths.add(new Myth(m, new PreparedText(m.text(), context, false), List.copyOf(corrections),
                    Set.copyOf(distinctive), Set.copyOf(claim), List.copyOf(parts), aliases));
        }
    }

    /** "Fields only in the TCP header" of "Fields only in the TCP header: Urgent pointer", or "". */
    private static String lead(String keyPointText) {
        int colon = keyPointText.indexOf(": ");
        return colon < 0 ? "" : keyPointText.substring(0, colon);
    }

    Question question() {
        return question;
    }

    /** Whether the key point is the direct yes/no answer to a yes/no question. */
    boolean isDirectAnswer(KeyPoint keyPoint) {
        return directAnswers.contains(keyPoint);
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

    /** Every rubric text in a fixed order: points' texts, then myths' texts, corrections, parts and aliases. */
    List<PreparedText> allTexts() {
        List<PreparedText> all = new ArrayList<>();
        points.forEach(p -> all.addAll(p.texts()));
        points.forEach(p -> all.addAll(p.sides()));
        for (Myth m : myths) {
            all.add(m.text());
            all.addAll(m.corrections());
            all.addAll(m.parts());
            all.addAll(m.aliases());
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
