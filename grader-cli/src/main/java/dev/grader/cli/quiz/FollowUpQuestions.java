package dev.grader.cli.quiz;

import dev.grader.GradeReport.FollowUpProbe;
import dev.grader.InvalidInputException;
import dev.grader.compile.BankCompiler;
import dev.grader.internal.Json;
import dev.grader.rubric.Question;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a rubric follow-up with a model answer into a question of its own, so an answer to it can be graded:
 * the model answer is split into key points by the bank compiler, exactly as a bank's model answers are.
 * Compiled once per follow-up.
 */
final class FollowUpQuestions {

    private final Map<String, Optional<Question>> compiled = new HashMap<>();

    /**
     * The follow-up as a question, or empty when it cannot be graded: no model answer (a generated probe), or
     * one the compiler finds no claim in.
     *
     * @param parentId the id of the question it follows up
     */
    Optional<Question> of(String parentId, FollowUpProbe probe) {
        if (probe.answer() == null || probe.answer().isBlank()) {
            return Optional.empty();
        }
        String key = parentId + "\n" + probe.question() + "\n" + probe.answer();
        return compiled.computeIfAbsent(key, k -> compile(parentId + "-follow-up", probe));
    }

    private static Optional<Question> compile(String id, FollowUpProbe probe) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("id", id);
        entry.put("question", probe.question());
        entry.put("modelAnswer", probe.answer());
        try {
            Question question = BankCompiler.compile(Json.compact(entry) + "\n", "follow-up.jsonl").questions().get(0);
            return question.gradedKeyPoints().isEmpty() ? Optional.empty() : Optional.of(question);
        } catch (InvalidInputException e) {
            return Optional.empty();
        }
    }
}
