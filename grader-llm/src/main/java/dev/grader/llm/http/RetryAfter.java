package dev.grader.llm.http;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Parses a {@code Retry-After} header: delay-seconds or an HTTP date (RFC 9110 section 10.2.3). */
public final class RetryAfter {

    private RetryAfter() {
    }

    /** The delay the header asks for, or {@code null} when absent or unreadable; never negative. */
    public static Duration parse(String header, Instant now) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String value = header.strip();
        try {
            double seconds = Double.parseDouble(value);
            return seconds >= 0 && seconds < 1e9 ? Duration.ofMillis(Math.round(seconds * 1000)) : null;
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration d = Duration.between(now, at);
                return d.isNegative() ? Duration.ZERO : d;
            } catch (DateTimeParseException notDate) {
                return null;
            }
        }
    }
}
