package dev.grader.compile;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads "at least N" from a prompt ("State at least 4 of the differences", "name and describe two
 * challenges"): a full answer then needs N key points, not all of the model answer's.
 */
final class ExpectedPoints {

    private static final String NUMBER = "(\\d{1,2}|two|three|four|five|six|seven|eight|nine|ten)";
    private static final Pattern AT_LEAST = Pattern.compile("\\b(?:at least|any)\\s+" + NUMBER + "\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern NAME_N = Pattern.compile(
            "\\b(?:name|state|list|give|mention|describe|explain)(?:\\s+and\\s+\\w+)?\\s+(?:the\\s+)?" + NUMBER
                    + "\\s+\\w+", Pattern.CASE_INSENSITIVE);
    private static final Map<String, Integer> WORDS = Map.of("two", 2, "three", 3, "four", 4, "five", 5, "six", 6,
            "seven", 7, "eight", 8, "nine", 9, "ten", 10);

    private ExpectedPoints() {
    }

    /** N when the prompt asks for N items and the model answer has more key points; else null. */
    static Integer of(String prompt, int keyPoints) {
        Integer n = find(AT_LEAST, prompt);
        if (n == null) {
            n = find(NAME_N, prompt);
        }
        return n != null && n >= 2 && n < keyPoints ? n : null;
    }

    private static Integer find(Pattern p, String prompt) {
        Matcher m = p.matcher(prompt);
        if (!m.find()) {
            return null;
        }
        String g = m.group(1).toLowerCase(java.util.Locale.ROOT);
        return WORDS.containsKey(g) ? WORDS.get(g) : Integer.valueOf(g);
    }
}
