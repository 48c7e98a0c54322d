package dev.grader.judge;

import dev.grader.PointStatus;

/**
 * Statuses as numbers, so that policies can average them, and back. Credits follow the default scoring policy:
 * covered 1, partial 0.5 (or the judge's own partial credit), missed 0, contradicted -0.5. Back from a blended credit {@code c}: {@code c >= 0.75}
 * covered, {@code c >= 0.25} partial, {@code c <= -0.25} contradicted, missed otherwise (halfway between
 * neighbouring credits, ties going to the lower status).
 */
final class PointCredit {

    private PointCredit() {
    }

    /** The point's credit: its judge's own partial credit when it gives one. */
    static double of(dev.grader.Assessment.Point point) {
        if (point.status() == PointStatus.PARTIAL && point.credit() != null) {
            return point.credit();
        }
        return of(point.status());
    }

    static double of(PointStatus status) {
        return switch (status) {
            case COVERED -> 1.0;
            case PARTIAL -> 0.5;
            case MISSED -> 0.0;
            case CONTRADICTED -> -0.5;
        };
    }

    static PointStatus status(double credit) {
        if (credit >= 0.75 - 1e-9) {
            return PointStatus.COVERED;
        }
        if (credit >= 0.25 - 1e-9) {
            return PointStatus.PARTIAL;
        }
        if (credit <= -0.25 + 1e-9) {
            return PointStatus.CONTRADICTED;
        }
        return PointStatus.MISSED;
    }

    /** Ranks statuses from most to least credit, to break ties towards less credit. */
    static int rank(PointStatus status) {
        return switch (status) {
            case COVERED -> 3;
            case PARTIAL -> 2;
            case MISSED -> 1;
            case CONTRADICTED -> 0;
        };
    }
}
