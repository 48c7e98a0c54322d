package dev.grader.batch;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Rounding and plain decimal text, the same in every output so that numbers compare equal across files. */
final class Numbers {

    private Numbers() {
    }

    static double round(double value, int decimals) {
        return BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP).doubleValue();
    }

    /** {@code 0.75}, {@code 12}, {@code 37.5}: no exponent, no trailing zeros. */
    static String plain(double value) {
        if (value == 0) {
            return "0";
        }
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    /** A 0..1 score as a whole percentage: {@code 75}. */
    static String percent(double score) {
        return Long.toString(Math.round(score * 100));
    }
}
