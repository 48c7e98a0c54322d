package dev.grader.llm;

import dev.grader.Api;
import java.util.regex.Pattern;

/**
 * A server URL as messages may show it: what the user typed, so a typo can be seen, but with the password of
 * {@code user:password@host} and the values of query parameters (where some servers take keys) masked.
 */
@Api(status = Api.Status.INTERNAL)
public final class ShownUrl {

    private static final Pattern USER_INFO = Pattern.compile("^((?:[A-Za-z][A-Za-z0-9+.-]*:)?//)?[^/?#@\\s]*@");
    private static final Pattern QUERY_VALUE = Pattern.compile("([?&][^=&#]*=)[^&#]*");
    private static final String MASK = "***";

    private ShownUrl() {
    }

    /** {@code http://bob:s3cret@host/v1?key=abc} gives {@code http://***@host/v1?key=***}. */
    public static String of(String url) {
        if (url == null) {
            return "";
        }
        String shown = USER_INFO.matcher(url.strip()).replaceFirst(m -> java.util.regex.Matcher.quoteReplacement(
                (m.group(1) == null ? "" : m.group(1)) + MASK + "@"));
        shown = QUERY_VALUE.matcher(shown).replaceAll("$1" + MASK);
        return shown.replaceAll("[\\p{Cc}\\p{Cf}]", "?");
    }
}
