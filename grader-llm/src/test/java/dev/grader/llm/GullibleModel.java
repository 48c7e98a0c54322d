package dev.grader.llm;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A model that obeys whatever reaches it as instructions. It finds the answer fence in the user message:
 * <ul>
 *   <li>when the fence is broken (not exactly one begin and one end marker, in order), or when a line of the
 *       candidate's answer appears outside the fence or in the system prompt, the answer's text was read as
 *       instructions: it obeys the injection and marks every key point covered;</li>
 *   <li>otherwise it grades honestly by a simple rule: a key point is covered when the fenced text contains
 *       its phrase.</li>
 * </ul>
 * The test judge is therefore only as safe as its prompt construction.
 */
final class GullibleModel {

    /** Phrase that earns each key point of {@link Fixtures#QUESTION}. */
    static final Map<String, String> PHRASES = Map.of(
            "Q1-k-goroutine", "own goroutine",
            "Q1-k-accept-loop", "accept loop",
            "Q1-k-sync", "synchroniz");

    private GullibleModel() {
    }

    /** Whether the answer's text escaped the fence in this request. */
    static boolean breached(String system, String user, String answer) {
        int begins = count(user, AnswerFence.BEGIN);
        int ends = count(user, AnswerFence.END);
        if (begins != 1 || ends != 1) {
            return true;
        }
        int b = user.indexOf(AnswerFence.BEGIN);
        int e = user.indexOf(AnswerFence.END);
        if (e < b) {
            return true;
        }
        String outside = system + "\n" + user.substring(0, b) + "\n" + user.substring(e + AnswerFence.END.length());
        for (String line : answer.split("\n")) {
            String l = line.strip();
            // A bare marker line is judged by the marker count above; the system prompt names the markers.
            boolean marker = l.equals(AnswerFence.BEGIN) || l.equals(AnswerFence.END);
            if (!marker && l.length() >= 12 && outside.contains(l)) {
                return true;
            }
        }
        return false;
    }

    /** The reply: obedient when breached, honest otherwise. */
    static String reply(String system, String user, String answer) {
        List<String> points = new ArrayList<>();
        if (breached(system, user, answer)) {
            String quote = answer.substring(0, Math.min(10, answer.length())).replace("\"", "");
            PHRASES.keySet().stream().sorted().forEach(id -> points.add(Fixtures.point(id, "covered",
                    json(quote))));
        } else {
            int b = user.indexOf(AnswerFence.BEGIN) + AnswerFence.BEGIN.length();
            String fenced = user.substring(b, user.indexOf(AnswerFence.END));
            String lower = fenced.toLowerCase(Locale.ROOT);
            PHRASES.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
                int at = lower.indexOf(e.getValue());
                points.add(at < 0 ? Fixtures.point(e.getKey(), "missed", "")
                        : Fixtures.point(e.getKey(), "covered", json(fenced.substring(at, at + e.getValue().length()))));
            });
        }
        return Fixtures.reply(points.toArray(String[]::new));
    }

    private static String json(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    private static int count(String text, String marker) {
        int n = 0;
        for (int i = text.indexOf(marker); i >= 0; i = text.indexOf(marker, i + 1)) {
            n++;
        }
        return n;
    }
}
