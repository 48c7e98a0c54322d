package dev.grader.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.grader.text.Span;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The pure parts: fence, quotes, reply parsing, Retry-After, backoff, cache keys. */
class ReplyHandlingTest {

    @Nested
    class Fence {
        @Test
        void markersInTheAnswerAreBrokenUp() {
            String escaped = AnswerFence.escape("a " + AnswerFence.END + " b <<<<x>>>> c");
            assertFalse(escaped.contains(AnswerFence.END));
            assertFalse(escaped.contains("<<<"));
            assertFalse(escaped.contains(">>>"));
            assertEquals("a << <END_CANDIDATE_ANSWER>> > b << <<x>> >> c", escaped);
        }

        @Test
        void ordinaryTextIsUntouched() {
            assertEquals("if a << 2 && b >> 1 { }", AnswerFence.escape("if a << 2 && b >> 1 { }"));
        }
    }

    @Nested
    class Quotes {
        static final String ANSWER = "Serve loops on\n  Accept().  Each conn: go c.serve(ctx).";

        @Test
        void linearSearchFindsWhatStringIndexOfFinds() {
            java.util.Random random = new java.util.Random(14);
            for (int i = 0; i < 2_000; i++) {
                String text = randomText(random, random.nextInt(40));
                int from = text.isEmpty() ? 0 : random.nextInt(text.length());
                String pattern = random.nextBoolean()
                        ? text.substring(from, from + random.nextInt(text.length() - from + 1))
                        : randomText(random, random.nextInt(6));
                assertEquals(text.indexOf(pattern), QuoteLocator.indexOf(text, pattern), text + " / " + pattern);
            }
        }

        @Test
        void aQuoteBuiltForQuadraticSearchIsCheckedInLinearTime() {
            String answer = "a".repeat(32_000);
            String quote = "a".repeat(16_000) + "b";
            // generous: naive search takes most of a second per call; this only catches a return to it
            org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
                for (int i = 0; i < 20; i++) {
                    assertEquals(Optional.empty(), QuoteLocator.find(answer, quote));
                }
            });
        }

        private static String randomText(java.util.Random random, int length) {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < length; i++) {
                b.append("ab a".charAt(random.nextInt(4)));
            }
            return b.toString();
        }

        @Test
        void exactMatch() {
            int at = ANSWER.indexOf("go c.serve(ctx)");
            assertEquals(Optional.of(new Span(at, at + 15)), QuoteLocator.find(ANSWER, "go c.serve(ctx)"));
        }

        @Test
        void whitespaceAndCaseInsensitiveMapsBackToTheOriginal() {
            Span s = QuoteLocator.find(ANSWER, "serve LOOPS on accept()").orElseThrow();
            assertEquals("Serve loops on\n  Accept()", ANSWER.substring(s.start(), s.end()));
        }

        @Test
        void surroundingQuoteMarksAreDropped() {
            Span s = QuoteLocator.find(ANSWER, "\u201CEach conn\u201D").orElseThrow();
            assertEquals("Each conn", ANSWER.substring(s.start(), s.end()));
        }

        @Test
        void inventedOrEmptyQuotesAreNotFound() {
            assertTrue(QuoteLocator.find(ANSWER, "uses a worker pool").isEmpty());
            assertTrue(QuoteLocator.find(ANSWER, "   ").isEmpty());
            assertTrue(QuoteLocator.find(ANSWER, null).isEmpty());
        }
    }

    @Nested
    class Parsing {
        @Test
        void toleratesFencesAndCapitals() throws Exception {
            ModelReply r = ReplyParser.parse("```json\n{\"points\":[{\"id\":\"a\",\"status\":\"COVERED\","
                    + "\"quote\":\"x\"}],\"feedback\":\"ok\"}\n```");
            assertEquals("covered", r.points().get(0).status());
            assertEquals("", r.points().get(0).reason());
            assertEquals("ok", r.feedback());
        }

        @Test
        void rejectsWithoutQuotingTheReply() {
            ReplyFormatException e = assertThrows(ReplyFormatException.class,
                    () -> ReplyParser.parse("{\"points\":[{\"id\":\"a\",\"status\":\"SECRET-ish\"}]}"));
            assertEquals("points[0].status must be one of [covered, partial, missed, contradicted]", e.getMessage());
            assertEquals("the reply has no \"points\" array",
                    assertThrows(ReplyFormatException.class, () -> ReplyParser.parse("{\"verdict\":1}")).getMessage());
        }
    }

    @Nested
    class Retries {
        @Test
        void retryAfterSecondsAndDates() {
            Instant now = Instant.parse("2025-01-01T00:00:00Z");
            assertEquals(Duration.ofSeconds(3), dev.grader.llm.http.RetryAfter.parse("3", now));
            assertEquals(Duration.ofSeconds(10), dev.grader.llm.http.RetryAfter.parse("Wed, 01 Jan 2025 00:00:10 GMT", now));
            assertNull(dev.grader.llm.http.RetryAfter.parse("soon", now));
        }

        @Test
        void backoffGrowsWithJitterAndHonoursRetryAfter() {
            Backoff b = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1), new Random(7));
            for (int attempt = 0; attempt < 6; attempt++) {
                long full = Math.min(100L << attempt, 1000);
                long d = b.delay(attempt, null).toMillis();
                assertTrue(d >= full / 2 && d <= full, attempt + ": " + d);
            }
            assertEquals(Duration.ofSeconds(5), b.delay(0, Duration.ofSeconds(5)));
        }
    }

    @Nested
    class Keys {
        @Test
        void everyInputChangesTheKeyAndOnlyHostAndPortOfTheUrlCount() {
            String base = CacheKey.of("openai", "m", "https://api.example.com/v1", 0, 0, Fixtures.QUESTION, "a");
            assertEquals(base, CacheKey.of("openai", "m", "https://api.example.com/v2?x=1", 0, 0, Fixtures.QUESTION,
                    "a"));
            assertNotEquals(base, CacheKey.of("openai", "m", "https://api.example.com/v1", 0, 0, Fixtures.QUESTION,
                    "b"));
            assertNotEquals(base, CacheKey.of("openai", "m2", "https://api.example.com/v1", 0, 0, Fixtures.QUESTION,
                    "a"));
            assertNotEquals(base, CacheKey.of("openai", "m", "https://api.example.com/v1", 0.7, 1, Fixtures.QUESTION,
                    "a"));
            assertEquals("api.example.com", CacheKey.endpoint("https://user:pw@API.example.com/v1"));
        }
    }
}
