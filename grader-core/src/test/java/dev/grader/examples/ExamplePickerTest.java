package dev.grader.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ExamplePickerTest {

    static final List<String> ANSWERS = List.of(
            "Shutdown is graceful and Close is forceful.",
            "Shutdown is graceful, Close is forceful.",
            "Shutdown is graceful; Close is forceful!",
            "",
            "Kubernetes sends SIGTERM to the pod.",
            "Close and Shutdown are the same thing.",
            "Shutdown waits for handlers to finish and closes idle connections.");

    @Test
    void picksDiverseAnswersNotThreeWordingsOfOne() {
        List<Integer> picked = ExamplePicker.pick(ANSWERS, null, 3, null);
        assertEquals(3, picked.size());
        long graceful = picked.stream().filter(i -> i <= 2).count();
        assertEquals(1, graceful, "one of the three near-identical answers, not more: " + picked);
        assertTrue(!picked.contains(3), "never a blank answer");
    }

    @Test
    void aQuarterOfThePicksGoToTheLeastSure() {
        double[] unsure = {0, 0, 0.95, 0, 0, 0, 0};
        List<Integer> picked = ExamplePicker.pick(ANSWERS, unsure, 4, null);
        assertTrue(picked.contains(2), picked.toString());
    }

    @Test
    void fewerAnswersThanAskedAreAllPicked() {
        assertEquals(List.of(0, 1), ExamplePicker.pick(List.of("a b c", "d e f", " "), null, 5, null));
    }

    @Test
    void theSameInputPicksTheSame() {
        assertEquals(ExamplePicker.pick(ANSWERS, null, 4, null), ExamplePicker.pick(ANSWERS, null, 4, null));
    }
}
