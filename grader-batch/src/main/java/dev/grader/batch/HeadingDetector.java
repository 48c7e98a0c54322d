package dev.grader.batch;

import dev.grader.rubric.Question;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tells whether one line of a submission is a question heading, in the ways people write them:
 * {@code Q4}, {@code ## Q4.}, {@code Question 4:}, {@code 4)}, {@code **Q4**}, the question's text quoted or
 * as a Markdown heading, or the rubric id itself.
 *
 * <p>A bare number ({@code 4)}, {@code 4.}) is also how numbered lists inside answers start, so on its own it is
 * only a {@linkplain Strength#WEAK weak} heading: {@link SubmissionParser} uses weak headings only when a
 * document has no strong ones. It is strong when the line is a Markdown heading or bold, holds nothing but the
 * number, or goes on with the question's text.
 */
final class HeadingDetector {

    private static final Pattern ATX = Pattern.compile("^#{1,6}\\s+(.*?)(?:\\s+#+)?\\s*$");
    private static final Pattern BULLET = Pattern.compile("^[-*+]\\s+");
    private static final Pattern QUOTED = Pattern.compile("^[\"\u201C\u201E\u00AB'](.+?)[\"\u201D\u00BB']\\W*$");

    /** Below this, a heading's trailing text is the start of the answer, not the question restated. */
    private static final double TITLE_SIMILARITY = 0.5;

    private final QuestionResolver resolver;

    HeadingDetector(QuestionResolver resolver) {
        this.resolver = resolver;
    }

    /** How sure a heading is. */
    enum Strength { STRONG, WEAK }

    /**
     * A recognised heading.
     *
     * @param question     the question it names, or null when the rubric has no such question
     * @param reference    the heading as written (trimmed), for notes
     * @param number       the number written in it, or 0 when it names the question by text or id
     * @param strength     strong or weak
     * @param inlineAnswer text after the reference that starts the answer ({@code Q4: Shutdown waits...}), or null
     * @param note         a remark for the reviewer (a number overridden by the question's text), or null
     */
    record Heading(Question question, String reference, int number, Strength strength, String inlineAnswer,
                   String note) {
    }

    /** The heading on this line, or null when the line is not one. */
    Heading detect(String rawLine) {
        String t = rawLine.strip();
        if (t.isEmpty()) {
            return null;
        }
        boolean indented = rawLine.startsWith("\t") || rawLine.startsWith("  ");
        boolean quoted = false;
        while (t.startsWith(">")) {
            quoted = true;
            t = t.substring(1).strip();
        }
        boolean markdown = false;
        Matcher atx = ATX.matcher(t);
        if (atx.matches()) {
            markdown = true;
            t = atx.group(1).strip();
        }
        Matcher bullet = BULLET.matcher(t);
        boolean bulleted = bullet.find() && !t.startsWith("**");
        if (bulleted) {
            t = t.substring(bullet.end());
        }
        Emphasis emphasis = Emphasis.strip(t);
        t = emphasis.text();
        Matcher q = QUOTED.matcher(t);
        if (q.matches()) {
            quoted = true;
            t = q.group(1).strip();
        }
        if (t.isEmpty()) {
            return null;
        }
        String reference = rawLine.strip();
        boolean titleLine = markdown || emphasis.wholeLine();

        Matcher named = QuestionResolver.NAMED_NUMBER.matcher(t);
        if (named.matches()) {
            return numbered(named, reference, titleLine, Strength.STRONG);
        }
        Matcher bare = QuestionResolver.BARE_NUMBER.matcher(t);
        if (bare.matches()) {
            if (indented || bulleted) {
                return null;
            }
            boolean strong = titleLine || emphasis.any() || bare.group(2).isBlank();
            Heading h = numbered(bare, reference, titleLine, strong ? Strength.STRONG : Strength.WEAK);
            if (h.strength() == Strength.WEAK && h.question() != null
                    && resolver.similarity(bare.group(2), h.question()) >= TITLE_SIMILARITY) {
                // "4) <the question restated>": the text confirms the number.
                return new Heading(h.question(), h.reference(), h.number(), Strength.STRONG, null, h.note());
            }
            return h;
        }
        if (!resolver.numberedIds()) {
            for (Question question : resolver.questions()) {
                if (startsWithId(t, question.id())) {
                    String rest = stripSeparators(t.substring(question.id().length()));
                    return new Heading(question, reference, 0, Strength.STRONG,
                            isTitle(rest, question, titleLine) ? null : rest, null);
                }
            }
        }
        if (indented && !markdown) {
            return null;
        }
        QuestionResolver.PromptMatch match = resolver.bestPrompt(t);
        if (match == null || t.length() > 2 * match.question().prompt().length() + 40) {
            return null;
        }
        // A sentence of an answer may repeat the question's words; a line set apart, or asking, needs fewer.
        double needed = titleLine || quoted || emphasis.any() ? 0.6 : t.endsWith("?") ? 0.7 : 0.85;
        return match.similarity() >= needed
                ? new Heading(match.question(), reference, 0, Strength.STRONG, null, null) : null;
    }

    private Heading numbered(Matcher m, String reference, boolean titleLine, Strength strength) {
        int number = Integer.parseInt(m.group(1));
        String rest = m.group(2).strip();
        Question question = resolver.byNumber(number);
        String note = null;
        if (!rest.isEmpty()) {
            QuestionResolver.PromptMatch byText = resolver.bestPrompt(rest);
            // "Question 4: <the text of Q9>" (a take-home numbered its own way): the text decides when it clearly
            // names another question.
            if (byText != null && byText.question() != question && byText.similarity() >= 0.75
                    && (question == null || resolver.similarity(rest, question) < 0.35)) {
                note = "heading '" + clip(reference) + "' has the text of " + byText.question().id()
                        + "; graded as " + byText.question().id();
                question = byText.question();
            }
        }
        String inline = question == null || isTitle(rest, question, titleLine) ? null : rest;
        if (question == null) {
            inline = null;
        }
        return new Heading(question, reference, number, strength, inline, note);
    }

    /** Whether the text after a heading's reference restates the question rather than starting the answer. */
    private boolean isTitle(String rest, Question question, boolean titleLine) {
        return rest.isEmpty() || titleLine || rest.endsWith("?")
                || resolver.similarity(rest, question) >= TITLE_SIMILARITY;
    }

    private static boolean startsWithId(String text, String id) {
        if (!text.regionMatches(true, 0, id, 0, id.length())) {
            return false;
        }
        return text.length() == id.length() || !Character.isLetterOrDigit(text.charAt(id.length()));
    }

    private static String stripSeparators(String s) {
        return s.replaceFirst("^[\\s.:)\\]\\-\u2013\u2014,/]+", "").strip();
    }

    static String clip(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }

    /**
     * A line without its leading emphasis markers ({@code **Q4**}, {@code __Q4.__ text}, {@code *Q4*}).
     *
     * @param text      the line without the markers
     * @param any       whether the line started emphasised
     * @param wholeLine whether the emphasis spans the whole line (a title), not just a label
     */
    private record Emphasis(String text, boolean any, boolean wholeLine) {

        static Emphasis strip(String t) {
            for (String marker : new String[] {"**", "__", "*", "_"}) {
                if (t.startsWith(marker) && t.length() > 2 * marker.length()
                        && !Character.isWhitespace(t.charAt(marker.length()))) {
                    int close = t.indexOf(marker, marker.length());
                    if (close < 0) {
                        return new Emphasis(t, false, false);
                    }
                    String inner = t.substring(marker.length(), close).strip();
                    String after = t.substring(close + marker.length()).strip();
                    boolean whole = after.replaceAll("[\\s.:)?]", "").isEmpty();
                    return new Emphasis(whole ? inner + after : inner + " " + after, true, whole);
                }
            }
            return new Emphasis(t, false, false);
        }
    }
}
