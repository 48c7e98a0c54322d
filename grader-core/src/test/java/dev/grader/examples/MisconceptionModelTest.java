package dev.grader.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.grader.internal.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Weighing a reported misconception by the examples a person marked. */
class MisconceptionModelTest {

    /** Rows where wrong answers sit near examples that state one and close to the misconception's words. */
    static List<MisconceptionModel.Row> rows(int n, long seed) {
        Random random = new Random(seed);
        List<MisconceptionModel.Row> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            boolean states = random.nextBoolean();
            double lean = states ? 0.15 : -0.15;
            rows.add(new MisconceptionModel.Row(new MisconceptionModel.Signals(false, false,
                    clamp(0.5 + lean * 2 + random.nextGaussian() * 0.2), lean + random.nextGaussian() * 0.1,
                    lean + random.nextGaussian() * 0.1, 0.6 + random.nextGaussian() * 0.1,
                    lean + random.nextGaussian() * 0.1, 0.8, !states && random.nextDouble() < 0.5,
                    random.nextDouble()), states));
        }
        return rows;
    }

    @Test
    void keepsNineInTenOfTheMisconceptionsRightlyReportedOnTheExamples() {
        List<MisconceptionModel.Row> rows = rows(300, 1);
        MisconceptionModel m = MisconceptionModel.fit(rows);
        long stating = rows.stream().filter(MisconceptionModel.Row::states).count();
        long kept = rows.stream().filter(r -> r.states() && m.confirms(r.signals())).count();
        assertTrue(kept >= MisconceptionModel.KEEP * stating, kept + " of " + stating);
        long clean = rows.size() - stating;
        long cleared = rows.stream().filter(r -> !r.states() && !m.confirms(r.signals())).count();
        assertTrue(cleared > clean / 2, "most false alarms become suspicions: " + cleared + " of " + clean);
    }

    @Test
    void learnsWhichWayTheSignalsPoint() {
        MisconceptionModel m = MisconceptionModel.fit(rows(300, 2));
        var near = new MisconceptionModel.Signals(false, false, 0.9, 0.3, 0.3, 0.7, 0.3, 0.8, false, 0.5);
        var far = new MisconceptionModel.Signals(false, false, 0.1, -0.3, -0.3, 0.5, -0.3, 0.8, true, 0.5);
        assertTrue(m.probability(near) > 0.9, "" + m.probability(near));
        assertTrue(m.probability(far) < 0.1, "" + m.probability(far));
        assertTrue(m.confirms(near));
        assertFalse(m.confirms(far));
    }

    @Test
    void saysNothingWithFewMarkedExamplesOnEitherSide() {
        List<MisconceptionModel.Row> few = new ArrayList<>(rows(200, 3).stream().filter(r -> !r.states()).toList());
        few.addAll(rows(40, 4).stream().filter(MisconceptionModel.Row::states).limit(MisconceptionModel.MIN_EXAMPLES - 1)
                .toList());
        assertNull(MisconceptionModel.fit(few));
    }

    @Test
    void isTheSameForTheSameRowsAndTravelsWithTheStoredWeights() throws Exception {
        MisconceptionModel m = MisconceptionModel.fit(rows(120, 5));
        assertEquals(m, MisconceptionModel.fit(rows(120, 5)));
        ExampleWeights w = new ExampleWeights(5, 2, 1, 0.5, 0.2).withMisconceptions(m);
        ExampleWeights read = Json.mapper().readValue(Json.mapper().writeValueAsString(w), ExampleWeights.class);
        assertEquals(w, read);
        assertEquals(m, w.forQuestion(List.of(new double[] {0.1, 0.1, 0.5, 0.1}), 40).misconceptions());
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(1, v));
    }
}
