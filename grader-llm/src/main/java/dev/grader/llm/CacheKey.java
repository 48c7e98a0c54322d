package dev.grader.llm;

import dev.grader.internal.Hashing;
import dev.grader.internal.Json;
import dev.grader.rubric.Question;
import java.net.URI;
import java.util.Locale;

/**
 * The cache key of one grading request: SHA-256 over provider, model, the base URL's host and port (never its
 * user info, path or query, and never the API key), prompt version, temperature, sample number, and the hashes of
 * the question's canonical JSON, of the answer and of the graded examples it carries. Anything that changes the
 * request changes the key.
 */
final class CacheKey {

    private CacheKey() {
    }

    static String of(String provider, String model, String baseUrl, double temperature, int sample, Question question,
                     String answer) {
        return of(provider, model, baseUrl, temperature, sample, question, answer, "");
    }

    /** @param examples what identifies the graded examples the prompt carries ("" when none) */
    static String of(String provider, String model, String baseUrl, double temperature, int sample, Question question,
                     String answer, String examples) {
        String material = String.join("\n",
                "grader-llm-cache/" + ReplyCache.FORMAT,
                provider,
                model,
                endpoint(baseUrl),
                GradingPrompt.VERSION,
                String.format(Locale.ROOT, "%.3f", temperature),
                String.valueOf(sample),
                Hashing.sha256(Json.compact(question)),
                Hashing.sha256(answer))
                + (examples.isEmpty() ? "" : "\n" + Hashing.sha256(examples));
        return Hashing.sha256(material);
    }

    /** {@code host:port} of a URL; unparseable URLs contribute a hash, so no secret in them can leak. */
    static String endpoint(String baseUrl) {
        if (baseUrl == null) {
            return "";
        }
        try {
            URI uri = URI.create(baseUrl.strip());
            if (uri.getHost() != null) {
                return uri.getHost().toLowerCase(Locale.ROOT) + (uri.getPort() >= 0 ? ":" + uri.getPort() : "");
            }
        } catch (IllegalArgumentException e) {
            // fall through to the hash
        }
        return "sha256:" + Hashing.sha256(baseUrl);
    }
}
