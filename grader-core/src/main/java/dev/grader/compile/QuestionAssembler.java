package dev.grader.compile;

import dev.grader.compile.RawQuestion.RawFollowUp;
import dev.grader.compile.RawQuestion.RawWrongAnswer;
import dev.grader.rubric.CodeBlock;
import dev.grader.rubric.Note;
import dev.grader.text.Stemmer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns the block stream of a text or Markdown bank into questions: the prompt (with any code under it), the
 * model answer, wrong answers, follow-ups and notes.
 *
 * <p>Labelled paragraphs other than the three known sections become notes, except where they are the
 * answer: when the model answer itself opens with a label ("Model answer. Rationale. ... Cost. ...") or
 * when the prompt asks for that label ("Explain WriteTimeout and a subtle pitfall." makes {@code Pitfall.}
 * part of the answer).
 */
final class QuestionAssembler {

    private static final String PROMPT = "question";
    private static final String MODEL = "modelAnswer";
    private static final String WRONG = "wrong";
    private static final String FOLLOW_UP = "followUp";

    private QuestionAssembler() {
    }

    static RawBank assemble(List<Block> blocks, String format) {
        String title = null;
        List<String> description = new ArrayList<>();
        String level = null;
        List<RawQuestion> questions = new ArrayList<>();
        Builder current = null;
        for (Block b : blocks) {
            switch (b.kind()) {
                case TITLE -> title = b.text();
                case LEVEL -> {
                    finish(current, questions);
                    current = null;
                    level = b.text();
                }
                case QUESTION -> {
                    finish(current, questions);
                    current = new Builder(b.id(), level, b.text(), b.line());
                }
                case LABEL -> {
                    if (current != null) {
                        current.label(b.text(), b.line());
                    }
                }
                case TEXT -> {
                    if (current == null) {
                        description.add(b.text());
                    } else {
                        current.text(b.text());
                    }
                }
                case CODE -> {
                    if (current != null) {
                        current.code(b.text(), b.id());
                    }
                }
                default -> throw new IllegalStateException(b.kind().name());
            }
        }
        finish(current, questions);
        return new RawBank(title, description.isEmpty() ? null : String.join(" ", description), questions, format);
    }

    private static void finish(Builder b, List<RawQuestion> out) {
        if (b != null) {
            out.add(b.build());
        }
    }

    /** Sections of one question in order of appearance: label, paragraphs. */
    private static final class Builder {
        private final String id;
        private final String level;
        private final int line;
        private final Map<String, Section> sections = new LinkedHashMap<>();
        private final List<CodeBlock> code = new ArrayList<>();
        private Section current;

        Builder(String id, String level, String prompt, int line) {
            this.id = id;
            this.level = level;
            this.line = line;
            this.current = new Section(PROMPT, PROMPT, line);
            current.paragraphs.add(prompt);
            sections.put(PROMPT, current);
        }

        void label(String label, int labelLine) {
            String key = sectionKey(label);
            Section existing = sections.get(key);
            if (existing != null && !key.startsWith("note:")) {
                current = existing;
                return;
            }
            String unique = key;
            for (int n = 2; sections.containsKey(unique); n++) {
                unique = key + "#" + n;
            }
            current = new Section(unique, label, labelLine);
            sections.put(unique, current);
        }

        void text(String text) {
            current.paragraphs.add(text);
        }

        void code(String text, String language) {
            String section = current.key.equals(PROMPT) ? PROMPT
                    : current.key.equals(MODEL) ? MODEL : current.label;
            code.add(new CodeBlock(section, language, text));
        }

        RawQuestion build() {
            String prompt = String.join("\n", sections.get(PROMPT).paragraphs).strip();
            Section model = sections.get(MODEL);
            if (model == null || model.paragraphs.stream().allMatch(String::isBlank)) {
                // refused by the compiler's checks, which name it (or skip it, when asked to)
                return new RawQuestion(id, level, prompt, "", List.of(), List.of(), List.of(), List.of(), code, line);
            }
            List<String> answer = new ArrayList<>(model.paragraphs);
            boolean answerIsLabelled = !answer.isEmpty() && startsWithLabel(answer.get(0));
            Set<String> promptStems = stems(prompt);
            List<Note> notes = new ArrayList<>();
            for (Section s : sections.values()) {
                if (!s.key.startsWith("note:")) {
                    continue;
                }
                String text = String.join("\n", s.paragraphs).strip();
                boolean partOfAnswer = answerIsLabelled && s.line > model.line && isBeforeProbes(s)
                        || asked(s.label, promptStems);
                if (partOfAnswer && !text.isEmpty()) {
                    answer.add(s.label + ". " + text);
                } else {
                    notes.add(new Note(s.label, text));
                }
            }
            List<RawWrongAnswer> wrong = new ArrayList<>();
            Section wrongSection = sections.get(WRONG);
            if (wrongSection != null) {
                wrong.addAll(WrongAnswerParser.parse(String.join("\n", wrongSection.paragraphs)));
            }
            List<RawFollowUp> followUps = new ArrayList<>();
            for (Section s : sections.values()) {
                if (s.key.startsWith(FOLLOW_UP)) {
                    followUps.addAll(FollowUpParser.parse(String.join("\n", s.paragraphs)));
                }
            }
            return new RawQuestion(id, level, prompt, String.join("\n", answer).strip(), List.of(), wrong, followUps,
                    notes, code, line);
        }

        private boolean isBeforeProbes(Section s) {
            Section wrong = sections.get(WRONG);
            Section follow = sections.get(FOLLOW_UP);
            return (wrong == null || s.line < wrong.line) && (follow == null || s.line < follow.line);
        }
    }

    private static final class Section {
        final String key;
        final String label;
        final int line;
        final List<String> paragraphs = new ArrayList<>();

        Section(String key, String label, int line) {
            this.key = key;
            this.label = label;
            this.line = line;
        }
    }

    static String sectionKey(String label) {
        String l = label.toLowerCase(Locale.ROOT).replaceAll("[^a-z ]", " ").replaceAll("\\s+", " ").strip();
        return switch (l) {
            case "model answer", "answer", "model", "reference answer", "expected answer", "sample answer" -> MODEL;
            case "common wrong answers", "common wrong answer", "wrong answers", "common mistakes", "misconceptions",
                    "common misconceptions", "pitfalls to avoid" -> WRONG;
            case "follow up", "follow ups", "followup", "followups", "follow up question", "follow up questions" ->
                    FOLLOW_UP;
            default -> "note:" + l;
        };
    }

    private static boolean startsWithLabel(String paragraph) {
        return paragraph.matches("^[A-Z][A-Za-z-]*(?: [a-z][A-Za-z-]*){0,2}\\.\\s+\\S.*")
                && sectionKey(paragraph.substring(0, paragraph.indexOf('.'))).startsWith("note:");
    }

    /** Whether every word of the label (stemmed) appears in the prompt: "a subtle pitfall" asks for "Pitfall". */
    private static boolean asked(String label, Set<String> promptStems) {
        Set<String> labelStems = stems(label);
        return !labelStems.isEmpty() && promptStems.containsAll(labelStems);
    }

    private static Set<String> stems(String text) {
        Set<String> out = new HashSet<>();
        for (String w : text.toLowerCase(Locale.ROOT).split("[^a-z]+")) {
            if (w.length() > 2) {
                out.add(Stemmer.stem(w));
            }
        }
        return out;
    }
}
