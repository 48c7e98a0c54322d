package dev.grader.compile;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns an answer that only makes sense next to its question into a claim that stands alone: "No." to
 * "Is http.ResponseWriter safe for concurrent use?" becomes "http.ResponseWriter is not safe for concurrent
 * use"; "Out of the box, it doesn't." to "How does the server limit total goroutines?" becomes "Out of the
 * box, the server doesn't limit total goroutines".
 */
final class YesNoExpander {

    private static final Pattern BARE = Pattern.compile("^(yes|no)\\b[.!,:\\s\u2014-]*$", Pattern.CASE_INSENSITIVE);
    private static final Pattern YES_NO_QUESTION = Pattern.compile(
            "^(is|are|was|were|does|do|did|can|could|should|will|would|has|have|must)\\s+(.+?)\\s*\\?\\s*(\\(.*\\))?\\s*$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern HOW_QUESTION = Pattern.compile(
            "^(?:how|when|why|where)\\s+(does|do|did|can|could|should|will|would|is|are)\\s+(.+?)\\s*\\?\\s*(\\(.*\\))?\\s*$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ELLIPTICAL = Pattern.compile(
            "^(?:(.{1,40}?),\\s*)?(it|they|this|that)\\s+(doesn't|does not|don't|do not|isn't|is not|aren't|are not"
                    + "|can't|cannot|won't|will not)\\s*[.!]?$",
            Pattern.CASE_INSENSITIVE);
    private static final Set<String> DETERMINERS = Set.of("the", "a", "an", "this", "that", "your", "its", "my", "our");

    private YesNoExpander() {
    }

    /** The expanded claim, or {@code null} when the sentence stands on its own. */
    static String expand(String sentence, String prompt) {
        String s = sentence.strip();
        String firstLine = prompt.strip().split("\n")[0];
        Matcher bare = BARE.matcher(s);
        if (bare.matches()) {
            Matcher q = YES_NO_QUESTION.matcher(firstLine);
            if (!q.matches()) {
                return null;
            }
            boolean yes = bare.group(1).equalsIgnoreCase("yes");
            String[] sp = subjectAndPredicate(q.group(2));
            if (sp == null) {
                return null;
            }
            return (sp[0] + " " + verb(q.group(1).toLowerCase(Locale.ROOT), !yes) + " " + sp[1]).replaceAll("\\s+", " ");
        }
        Matcher elliptical = ELLIPTICAL.matcher(s);
        if (elliptical.matches()) {
            Matcher how = HOW_QUESTION.matcher(firstLine);
            Matcher yn = YES_NO_QUESTION.matcher(firstLine);
            String body = how.matches() ? how.group(2) : yn.matches() ? yn.group(2) : null;
            if (body == null) {
                return null;
            }
            String[] sp = subjectAndPredicate(body);
            if (sp == null) {
                return null;
            }
            String prefix = elliptical.group(1) == null ? "" : elliptical.group(1).strip() + ", ";
            return prefix + sp[0] + " " + elliptical.group(3).toLowerCase(Locale.ROOT) + " " + sp[1];
        }
        return null;
    }

    private static String verb(String aux, boolean negative) {
        if (!negative) {
            return switch (aux) {
                case "do", "does", "did" -> "";
                default -> aux;
            };
        }
        return switch (aux) {
            case "can" -> "cannot";
            case "do" -> "do not";
            case "does" -> "does not";
            case "did" -> "did not";
            default -> aux + " not";
        };
    }

    /** Splits "http.ResponseWriter safe for concurrent use" into subject and predicate, or null if unsure. */
    private static String[] subjectAndPredicate(String body) {
        String[] words = body.strip().split("\\s+");
        if (words.length < 2) {
            return null;
        }
        int subjectEnd = 1;
        if (DETERMINERS.contains(words[0].toLowerCase(Locale.ROOT))) {
            subjectEnd = 2;
            // "the HTTP server", "the net/http server": an adjective-like or code word before the noun
            if (words.length > 3 && (words[1].matches(".*[A-Z/.].*") || words[1].endsWith("al"))) {
                subjectEnd = 3;
            }
        }
        if (subjectEnd >= words.length) {
            return null;
        }
        String subject = String.join(" ", java.util.Arrays.copyOfRange(words, 0, subjectEnd));
        String predicate = String.join(" ", java.util.Arrays.copyOfRange(words, subjectEnd, words.length));
        return new String[] {subject, predicate};
    }
}
