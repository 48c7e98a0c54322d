package dev.grader.embeddings;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.grader.Grader;
import dev.grader.Rubrics;
import dev.grader.report.ReportRenderer;
import dev.grader.rubric.KeyPoint;
import dev.grader.rubric.Question;
import dev.grader.rubric.Rubric;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@code Grader} is documented thread-safe: one instance, 8 threads at once, the reports of one thread. */
class ConcurrentGradingTest {

    static final int THREADS = 8;

    record Answer(String question, String text) {
    }

    /** Answers of every kind the judge tells apart: full, one point, a misconception, a denial, nothing. */
    static List<Answer> answers(Rubric rubric) {
        List<Answer> out = new ArrayList<>();
        for (Question q : rubric.questions().subList(0, 4)) {
            List<KeyPoint> points = q.gradedKeyPoints();
            out.add(new Answer(q.id(), q.modelAnswer()));
            out.add(new Answer(q.id(), points.get(0).text()));
            out.add(new Answer(q.id(), "It is not true that " + points.get(points.size() - 1).text().toLowerCase()));
            if (!q.gradedMisconceptions().isEmpty()) {
                out.add(new Answer(q.id(), q.gradedMisconceptions().get(0).text()));
            }
        }
        out.add(new Answer(rubric.questions().get(0).id(), ""));
        return out;
    }

    @Test
    void gradesFromEightThreadsAsFromOne() throws Exception {
        Rubric rubric = Rubrics.defaultRubric();
        List<Answer> answers = answers(rubric);
        Grader sequential = Grader.builder().rubric(rubric).build();
        List<String> expected = new ArrayList<>();
        for (Answer a : answers) {
            expected.add(ReportRenderer.json().render(sequential.grade(a.question(), a.text())));
        }

        Grader shared = Grader.builder().rubric(rubric).build();   // cold caches, filled by the threads at once
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<List<String>>> results = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                List<Integer> order = new ArrayList<>();
                for (int i = 0; i < answers.size(); i++) {
                    order.add(i);
                }
                Collections.shuffle(order, new Random(t));
                results.add(pool.submit(() -> {
                    start.await();
                    String[] reports = new String[answers.size()];
                    for (int i : order) {
                        reports[i] = ReportRenderer.json().render(shared.grade(answers.get(i).question(),
                                answers.get(i).text()));
                    }
                    return List.of(reports);
                }));
            }
            start.countDown();
            for (Future<List<String>> result : results) {
                assertEquals(expected, result.get(120, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
