package dev.grader.batch;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The answers found in one submission.
 *
 * @param answers answer text by question id, in rubric order; questions without an answer are absent
 * @param notes   remarks on how the submission was read (text before the first heading, a question answered
 *                twice, a heading naming no question of the rubric), for the reviewer
 */
record ParsedSubmission(Map<String, String> answers, List<String> notes) {

    ParsedSubmission {
        answers = Collections.unmodifiableMap(new LinkedHashMap<>(answers));
        notes = List.copyOf(notes);
    }
}
