package dev.grader.batch;

import dev.grader.rubric.Question;
import dev.grader.rubric.Rubric;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps the ways candidates name a question to the rubric's questions: a number ({@code 4} is {@code Q4} when
 * every rubric id is written {@code Q<n>}, otherwise the 4th question), the id itself, a label such as
 * {@code Question 4} (table columns and cells), or the question's text (fuzzy).
 */
final class QuestionResolver {

    /** {@code Q4}, {@code q 4}, {@code Question 4}, {@code Question #4}, {@code Task 4}, {@code Exercise 4}. */
    static final Pattern NAMED_NUMBER = Pattern.compile(
            "^(?:q\\s?\\.?\\s?|question\\s*(?:#|no\\.?|nr\\.?|number)?\\s*|task\\s*|exercise\\s*)(\\d{1,3})"
                    + "(?=$|[\\s.:)\\]\\-\u2013\u2014,/])[\\s.:)\\]\\-\u2013\u2014,/]*(.*)$",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    /** {@code 4)}, {@code 4.}, {@code 4:}, {@code (4)}; not {@code 4.5}. */
    static final Pattern BARE_NUMBER = Pattern.compile("^\\(?(\\d{1,3})(?:[).:]|\\)\\.)(?!\\d)\\s*(.*)$",
            Pattern.DOTALL);

    private static final Pattern Q_ID = Pattern.compile("[Qq](\\d+)");

    private final List<Question> questions;
    private final boolean numberedIds;
    private final Map<String, Question> byId = new HashMap<>();
    private final Map<String, Question> byLowerId = new HashMap<>();
    private final List<Set<String>> promptWords = new ArrayList<>();
    private final List<Set<String>> shortPromptWords = new ArrayList<>();

    QuestionResolver(Rubric rubric) {
        this.questions = rubric.questions();
        this.numberedIds = !questions.isEmpty() && questions.stream().allMatch(q -> Q_ID.matcher(q.id()).matches());
        for (Question q : questions) {
            byId.putIfAbsent(q.id(), q);
            byLowerId.putIfAbsent(q.id().toLowerCase(Locale.ROOT), q);
            promptWords.add(PromptSimilarity.words(q.prompt()));
            // "Why is X important? (trick — it's about Y)": candidates copy the question without the aside.
            shortPromptWords.add(PromptSimilarity.words(q.prompt().replaceAll("\\([^)]*\\)", " ")));
        }
    }

    List<Question> questions() {
        return questions;
    }

    /** Whether every id is {@code Q<n>}, so that a number names the question with that id. */
    boolean numberedIds() {
        return numberedIds;
    }

    /** Question {@code n} as candidates number it, or null when the rubric has none. */
    Question byNumber(int n) {
        if (numberedIds) {
            Question q = byId.get("Q" + n);
            return q != null ? q : byId.get("q" + n);
        }
        return n >= 1 && n <= questions.size() ? questions.get(n - 1) : null;
    }

    /** The question with this id, exactly or ignoring case; null when none. */
    Question byId(String id) {
        Question q = byId.get(id);
        return q != null ? q : byLowerId.get(id.toLowerCase(Locale.ROOT));
    }

    /** How much {@code text} reads like the prompt of {@code question}, 0..1. */
    double similarity(String text, Question question) {
        int i = questions.indexOf(question);
        if (i < 0) {
            return 0;
        }
        Set<String> words = PromptSimilarity.words(text);
        return Math.max(PromptSimilarity.dice(words, promptWords.get(i)),
                PromptSimilarity.dice(words, shortPromptWords.get(i)));
    }

    /** The question whose prompt {@code text} reads most like (the first on ties), or null for no words. */
    PromptMatch bestPrompt(String text) {
        Set<String> words = PromptSimilarity.words(text);
        PromptMatch best = null;
        for (int i = 0; i < questions.size(); i++) {
            double s = Math.max(PromptSimilarity.dice(words, promptWords.get(i)),
                    PromptSimilarity.dice(words, shortPromptWords.get(i)));
            if (s > 0 && (best == null || s > best.similarity())) {
                best = new PromptMatch(questions.get(i), s);
            }
        }
        return best;
    }

    /**
     * A question named in a table: an id ({@code Q4}), a number ({@code 4}, {@code 4.0}), a label
     * ({@code Question 4}, {@code 4)}) or the question's text (a form tool's column header). Null when none fits.
     */
    Question resolveLabel(String label) {
        String text = label.strip();
        if (text.isEmpty()) {
            return null;
        }
        Question exact = byId(text);
        if (exact != null) {
            return exact;
        }
        if (text.matches("\\d{1,3}(?:\\.0+)?")) {
            return byNumber(Integer.parseInt(text.replaceAll("\\..*", "")));
        }
        Matcher named = NAMED_NUMBER.matcher(text);
        Matcher bare = BARE_NUMBER.matcher(text);
        Matcher numbered = named.matches() ? named : bare.matches() ? bare : null;
        if (numbered != null) {
            Question q = byNumber(Integer.parseInt(numbered.group(1)));
            String rest = numbered.group(2).strip();
            PromptMatch byText = rest.isEmpty() ? null : bestPrompt(rest);
            // "4) <the text of question 9>": the text decides when it clearly names another question.
            if (byText != null && byText.question() != q && byText.similarity() >= 0.75
                    && (q == null || similarity(rest, q) < 0.35)) {
                return byText.question();
            }
            return q;
        }
        PromptMatch match = bestPrompt(text);
        return match != null && match.similarity() >= 0.6 ? match.question() : null;
    }

    /**
     * A question and how much a text reads like its prompt.
     *
     * @param question   the question
     * @param similarity 0..1
     */
    record PromptMatch(Question question, double similarity) {
    }
}
