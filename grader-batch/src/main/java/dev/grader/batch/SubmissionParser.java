package dev.grader.batch;

import dev.grader.batch.HeadingDetector.Heading;
import dev.grader.batch.HeadingDetector.Strength;
import dev.grader.rubric.Question;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Splits a submission's text into answers at its question headings (see {@link HeadingDetector}).
 *
 * <ul>
 *   <li>Lines inside fenced code blocks are never headings: code may well contain {@code // 4) ...}.</li>
 *   <li>Strong headings win; bare-number lines ({@code 4) ...}) count only in a document without strong ones,
 *       and then only while their numbers increase, so a numbered list inside an answer stays in it.</li>
 *   <li>An answer is the text between its heading and the next, plus any text on the heading line after the
 *       reference ({@code Q4: Shutdown waits ...}); blank answers leave the question unanswered.</li>
 *   <li>Two headings of one question with nothing between them are one heading (the number, then the question
 *       quoted); a question answered in two places gets both parts, and a note.</li>
 * </ul>
 */
final class SubmissionParser {

    /** Why a submission without any heading cannot be graded; shown to the user. */
    static final String NO_ANSWERS = "no recognisable answers: no line names a question "
            + "(expected headings such as Q4, ## Q4., Question 4:, 4) or the question's text)";

    private final QuestionResolver resolver;
    private final HeadingDetector detector;

    SubmissionParser(QuestionResolver resolver) {
        this.resolver = resolver;
        this.detector = new HeadingDetector(resolver);
    }

    /**
     * The answers of a submission.
     *
     * @throws UnreadableSubmissionException when no line names a question
     */
    ParsedSubmission parse(String text) {
        String[] lines = text.split("\\R", -1);
        List<Marker> strong = new ArrayList<>();
        List<Marker> weak = new ArrayList<>();
        boolean inFence = false;
        for (int i = 0; i < lines.length; i++) {
            String stripped = lines[i].strip();
            if (stripped.startsWith("```") || stripped.startsWith("~~~")) {
                inFence = !inFence;
                continue;
            }
            if (inFence) {
                continue;
            }
            Heading h = detector.detect(lines[i]);
            if (h != null) {
                (h.strength() == Strength.STRONG ? strong : weak).add(new Marker(i, h));
            }
        }
        List<Marker> headings = strong.isEmpty() ? increasing(weak) : strong;
        if (headings.isEmpty()) {
            throw new UnreadableSubmissionException(NO_ANSWERS);
        }
        return assemble(lines, headings);
    }

    /** Weak headings whose numbers keep increasing: 1) 2) 3), skipping a restarted list inside an answer. */
    private static List<Marker> increasing(List<Marker> weak) {
        List<Marker> kept = new ArrayList<>();
        int last = 0;
        for (Marker m : weak) {
            if (m.heading().number() > last) {
                kept.add(m);
                last = m.heading().number();
            }
        }
        return kept;
    }

    private ParsedSubmission assemble(String[] lines, List<Marker> headings) {
        List<String> notes = new ArrayList<>();
        int preamble = nonBlankLines(lines, 0, headings.get(0).line());
        if (preamble > 0) {
            notes.add(preamble + (preamble == 1 ? " line" : " lines") + " before the first question heading "
                    + (preamble == 1 ? "was" : "were") + " not graded");
        }
        Map<String, StringBuilder> parts = new LinkedHashMap<>();
        Map<String, Integer> sections = new LinkedHashMap<>();
        Question previous = null;
        boolean previousEmpty = false;
        for (int k = 0; k < headings.size(); k++) {
            Marker m = headings.get(k);
            int end = k + 1 < headings.size() ? headings.get(k + 1).line() : lines.length;
            String body = body(m.heading().inlineAnswer(), lines, m.line() + 1, end);
            Heading h = m.heading();
            if (h.note() != null) {
                notes.add(h.note());
            }
            if (h.question() == null) {
                if (!body.isEmpty()) {
                    notes.add("the answer under '" + HeadingDetector.clip(h.reference())
                            + "' was not graded: the rubric has no such question");
                }
                previous = null;
                continue;
            }
            String id = h.question().id();
            boolean restated = h.question() == previous && previousEmpty;
            if (!restated) {
                sections.merge(id, 1, Integer::sum);
            }
            if (!body.isEmpty()) {
                StringBuilder part = parts.computeIfAbsent(id, x -> new StringBuilder());
                if (part.length() > 0) {
                    part.append("\n\n");
                }
                part.append(body);
            }
            previous = h.question();
            previousEmpty = body.isEmpty();
        }
        sections.forEach((id, count) -> {
            if (count > 1 && parts.containsKey(id)) {
                notes.add(id + " has " + count + " headings; their answers were graded together");
            }
        });
        Map<String, String> answers = new LinkedHashMap<>();
        for (Question q : resolver.questions()) {
            StringBuilder part = parts.get(q.id());
            if (part != null) {
                answers.putIfAbsent(q.id(), part.toString());
            }
        }
        return new ParsedSubmission(answers, notes);
    }

    /** The text of lines {@code [from, to)} after an inline start, without blank lines around it. */
    private static String body(String inline, String[] lines, int from, int to) {
        StringBuilder text = new StringBuilder(inline == null ? "" : inline);
        for (int i = from; i < to; i++) {
            text.append('\n').append(lines[i]);
        }
        return text.toString().replaceAll("^\\s*\\n", "").stripTrailing();
    }

    private static int nonBlankLines(String[] lines, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            if (!lines[i].isBlank()) {
                n++;
            }
        }
        return n;
    }

    private record Marker(int line, Heading heading) {
    }
}
