package dev.grader.judge;

import dev.grader.Assessment;
import dev.grader.Evidence;
import java.util.ArrayList;
import java.util.List;

/** How policies combine the false claims their judges found: by the spans of the answer that make them. */
final class WrongClaims {

    private WrongClaims() {
    }

    /** Every claim of {@code a}, then those of {@code b} about a span none of {@code a}'s overlaps. */
    static List<Assessment.WrongClaim> union(List<Assessment.WrongClaim> a, List<Assessment.WrongClaim> b) {
        List<Assessment.WrongClaim> out = new ArrayList<>(a);
        for (Assessment.WrongClaim claim : b) {
            if (a.stream().noneMatch(other -> overlap(claim.evidence(), other.evidence()))) {
                out.add(claim);
            }
        }
        return out;
    }

    /**
     * The claims more than half of the assessments found (about overlapping spans), as the first assessment that
     * found each worded it.
     */
    static List<Assessment.WrongClaim> majority(List<Assessment> all) {
        List<Assessment.WrongClaim> kept = new ArrayList<>();
        for (Assessment a : all) {
            for (Assessment.WrongClaim claim : a.errors()) {
                if (kept.stream().anyMatch(k -> overlap(k.evidence(), claim.evidence()))) {
                    continue;
                }
                long votes = all.stream().filter(other -> other.errors().stream()
                        .anyMatch(o -> overlap(o.evidence(), claim.evidence()))).count();
                if (votes * 2 > all.size()) {
                    kept.add(claim);
                }
            }
        }
        return kept;
    }

    private static boolean overlap(Evidence a, Evidence b) {
        return a != null && b != null && a.start() < b.end() && b.start() < a.end();
    }
}
