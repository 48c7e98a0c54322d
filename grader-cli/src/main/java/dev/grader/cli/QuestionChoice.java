package dev.grader.cli;

import dev.grader.InvalidInputException;
import dev.grader.UnknownQuestionException;
import dev.grader.rubric.Question;
import dev.grader.rubric.Rubric;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/** Picking questions of a rubric by id and level, with messages that list the valid choices. */
final class QuestionChoice {

    private QuestionChoice() {
    }

    /**
     * The question with this id: exact first, then ignoring case as long as that is unambiguous ({@code q4}
     * finds {@code Q4}).
     *
     * @throws UnknownQuestionException listing the valid ids
     */
    static Question find(Rubric rubric, String id) {
        String wanted = id.strip();
        return rubric.question(wanted).orElseGet(() -> {
            List<Question> loose = rubric.questions().stream().filter(q -> q.id().equalsIgnoreCase(wanted)).toList();
            if (loose.size() == 1) {
                return loose.get(0);
            }
            throw new UnknownQuestionException(rubric.id(), wanted, rubric.questionIds());
        });
    }

    /** The questions with these ids, in the order given, each once; every question when {@code ids} is empty. */
    static List<Question> byIds(Rubric rubric, List<String> ids) {
        if (ids.isEmpty()) {
            return rubric.questions();
        }
        Set<Question> picked = new LinkedHashSet<>();
        for (String id : ids) {
            picked.add(find(rubric, id));
        }
        return List.copyOf(picked);
    }

    /**
     * The questions at this level (ignoring case); all of them when {@code level} is null.
     *
     * @throws InvalidInputException for a level the rubric does not have (listing its levels), or when none of
     *                               {@code questions} is at it
     */
    static List<Question> atLevel(Rubric rubric, List<Question> questions, String level) {
        if (level == null) {
            return questions;
        }
        String wanted = level.strip();
        List<Question> matching = questions.stream()
                .filter(q -> q.level() != null && q.level().equalsIgnoreCase(wanted))
                .toList();
        if (!matching.isEmpty()) {
            return matching;
        }
        List<String> levels = rubric.questions().stream().map(Question::level).filter(Objects::nonNull).distinct()
                .toList();
        if (levels.stream().noneMatch(l -> l.equalsIgnoreCase(wanted))) {
            throw new InvalidInputException("rubric " + rubric.id(), null, "unknown level '" + wanted + "'; "
                    + (levels.isEmpty() ? "its questions have no levels" : "levels: " + String.join(", ", levels)));
        }
        String actual = questions.stream()
                .map(q -> q.id() + " is " + (q.level() == null ? "without level" : q.level()))
                .collect(Collectors.joining(", "));
        throw new InvalidInputException("rubric " + rubric.id(), null,
                "no selected question is at level '" + wanted + "' (" + actual + ")");
    }

    /**
     * Ids and level names mixed ({@code Q1,Q4}, {@code senior}, {@code junior,Q30}): a word that names a level of
     * the rubric stands for its questions, anything else is a question id. In rubric order, each once.
     *
     * @throws UnknownQuestionException for an item that is neither, listing the valid ids
     */
    static List<Question> idsOrLevels(Rubric rubric, List<String> items) {
        Set<String> picked = new java.util.HashSet<>();
        for (String item : items) {
            String wanted = item.strip();
            List<Question> atLevel = rubric.questions().stream()
                    .filter(q -> q.level() != null && q.level().equalsIgnoreCase(wanted)).toList();
            if (!atLevel.isEmpty()) {
                atLevel.forEach(q -> picked.add(q.id()));
            } else {
                picked.add(find(rubric, wanted).id());
            }
        }
        return rubric.questions().stream().filter(q -> picked.contains(q.id())).toList();
    }
}
