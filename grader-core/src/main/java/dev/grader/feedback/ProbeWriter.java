package dev.grader.feedback;

import dev.grader.rubric.KeyPoint;
import dev.grader.rubric.Misconception;
import dev.grader.rubric.Question;
import dev.grader.text.StopWords;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Writes the follow-ups a person would ask when neither the rubric nor the judge has one, in plain questions:
 * about a misconception the answer stated ("You said that it uses a thread pool. Is that right? Why or why
 * not?"), a key point it contradicted, or one it left out ("Your answer leaves out one point: Shutdown closes idle
 * connections immediately. Can you explain why that holds?"). The report shows the key points just above, so
 * naming the point gives nothing away; asking why it holds asks for understanding, not recall.
 */
final class ProbeWriter {

    /** "No —", "Half right —", "Not quite:": the verdict a correction opens with, not its content. */
    private static final Pattern CORRECTION_LEAD = Pattern.compile(
            "^(no|yes|not quite|half right|partly|partially|wrong|false|true)\\s*[\u2014\u2013:,.-]+\\s*",
            Pattern.CASE_INSENSITIVE);

    private ProbeWriter() {
    }

    /** The probe for a misconception the answer stated. */
    static String aboutMisconception(Misconception m) {
        return "You said that " + inSentence(m.text()) + ". Is that right? Why or why not?";
    }

    /** What a good answer to {@link #aboutMisconception} says: the correction without its "No —". */
    static String correctionOf(Misconception m) {
        return correctionOf(m.correction());
    }

    static String correctionOf(String correction) {
        String c = CORRECTION_LEAD.matcher(correction.strip()).replaceFirst("").strip();
        return c.isEmpty() ? c : Character.toUpperCase(c.charAt(0)) + c.substring(1);
    }

    /** The probe for a key point the answer says the opposite of. */
    static String aboutContradiction(KeyPoint point) {
        return "Your answer says the opposite of this point: " + sentence(point.text())
                + " Which is right, and why?";
    }

    /** The probe for a key point the answer left out. */
    static String probeFor(Question question, KeyPoint point) {
        if (terse(point)) {
            // "By reference" is the answer to the question itself: ask for the reason behind it
            return "The expected answer is \u201c" + trimPeriod(point.text()) + "\u201d. Can you explain why?";
        }
        return "Your answer leaves out one point: " + sentence(point.text()) + " Can you explain why that holds?";
    }

    /** A point of three words or fewer states no relation of its own: it answers its question. */
    private static boolean terse(KeyPoint point) {
        return point.text().strip().split("\\s+").length <= 3;
    }

    /** The text as a sentence: capitalised as written, one final period. */
    private static String sentence(String text) {
        String t = trimPeriod(text);
        return t.endsWith("?") || t.endsWith("!") ? t : t + ".";
    }

    /**
     * The text inside a sentence: "It uses a thread pool" becomes "it uses a thread pool"; a first word that may be
     * a name, code or an acronym keeps its case ("Shutdown waits", "HTTP/2 multiplexes", "w.Write is").
     */
    static String inSentence(String text) {
        String t = trimPeriod(text);
        if (t.isEmpty()) {
            return t;
        }
        String first = t.split("\\s+")[0];
        boolean plainWord = first.length() > 1 && Character.isUpperCase(first.charAt(0))
                && first.substring(1).chars().allMatch(Character::isLowerCase);
        return plainWord && StopWords.isStopWord(first.toLowerCase(Locale.ROOT))
                ? Character.toLowerCase(t.charAt(0)) + t.substring(1) : t;
    }

    private static String trimPeriod(String s) {
        String t = s.strip();
        return t.endsWith(".") ? t.substring(0, t.length() - 1).strip() : t;
    }
}
