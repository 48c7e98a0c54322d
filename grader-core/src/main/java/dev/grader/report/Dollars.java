package dev.grader.report;

import dev.grader.Api;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * Estimated costs in US dollars, readable at any size: cents from a dollar up ({@code $12.35}), three
 * significant digits below ({@code $0.0218}, {@code $0.000027}), so a single cheap call never shows as
 * {@code $0.0000}.
 */
@Api(status = Api.Status.STABLE)
public final class Dollars {

    private Dollars() {
    }

    public static String format(double usd) {
        if (!(usd > 0) || Double.isInfinite(usd)) {
            return "$0";
        }
        BigDecimal rounded = new BigDecimal(usd).round(new MathContext(3, RoundingMode.HALF_UP));
        if (rounded.compareTo(BigDecimal.ONE) >= 0) {
            return String.format(Locale.ROOT, "$%,.2f", usd);
        }
        return "$" + rounded.stripTrailingZeros().toPlainString();
    }
}
