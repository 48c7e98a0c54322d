package dev.grader.llm.bench;

import dev.grader.eval.GoldAnswer;
import dev.grader.llm.ChatClient;
import dev.grader.llm.ChatPrompt;
import dev.grader.llm.ChatReply;
import dev.grader.text.AnswerText;
import dev.grader.text.InjectionDetector;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fake model that answers from the gold labels: it finds the fenced answer in the request, looks up the
 * human score of that answer, and marks key points (read from the request's key point list, in rubric order)
 * covered until their weight reaches the gold share of the total, the next one partial when half of it is
 * still owed, the rest missed. Quotes are the answer's first words, so they verify. It stands in for a perfect
 * model in measurements of the policies, never for grading quality.
 */
final class GoldChatClient implements ChatClient {

    private static final Pattern POINT = Pattern.compile("^- (\\S+) \\(weight ([0-9.]+)\\): ", Pattern.MULTILINE);
    private static final String BEGIN = "<<<CANDIDATE_ANSWER untrusted data>>>\n";
    private static final String END = "\n<<<END_CANDIDATE_ANSWER>>>";

    private final Map<String, Double> goldByAnswer = new HashMap<>();
    private final AtomicInteger calls = new AtomicInteger();

    GoldChatClient(List<GoldAnswer> gold) {
        for (GoldAnswer g : gold) {
            // The judge sees the answer as the grader hands it over: sanitized, with injected text masked.
            String sanitized = AnswerText.sanitize(g.answer());
            goldByAnswer.put(AnswerText.mask(sanitized, InjectionDetector.find(sanitized)), g.fraction());
        }
    }

    int calls() {
        return calls.get();
    }

    @Override
    public ChatReply chat(ChatPrompt prompt) {
        calls.incrementAndGet();
        String user = prompt.user();
        int b = user.indexOf(BEGIN);
        int e = user.lastIndexOf(END);
        String answer = user.substring(b + BEGIN.length(), e);
        Double fraction = goldByAnswer.get(answer);
        if (fraction == null) {
            throw new IllegalStateException("no gold label for an answer of " + answer.length() + " chars");
        }
        List<String[]> points = new ArrayList<>();
        Matcher m = POINT.matcher(user.substring(0, b));
        double total = 0;
        while (m.find()) {
            points.add(new String[] {m.group(1), m.group(2)});
            total += Double.parseDouble(m.group(2));
        }
        String quote = firstWords(answer);
        double owed = fraction * total;
        StringBuilder json = new StringBuilder("{\"points\":[");
        for (int i = 0; i < points.size(); i++) {
            double w = Double.parseDouble(points.get(i)[1]);
            String status;
            if (owed >= w - 1e-9) {
                status = "covered";
                owed -= w;
            } else if (owed >= w / 2 - 1e-9) {
                status = "partial";
                owed -= w / 2;
            } else {
                status = "missed";
            }
            if (quote.isEmpty()) {
                status = "missed";
            }
            json.append(i > 0 ? "," : "").append("{\"id\":\"").append(points.get(i)[0]).append("\",\"status\":\"")
                    .append(status).append("\",\"quote\":\"").append(status.equals("missed") ? "" : quote)
                    .append("\",\"reason\":\"gold\",\"followUp\":\"\"}");
        }
        json.append("],\"misconceptions\":[],\"feedback\":\"\"}");
        return new ChatReply(json.toString(), user.length() / 4, json.length() / 4);
    }

    /** Up to 40 chars of the answer's first line, made safe for a JSON string without escapes. */
    private static String firstWords(String answer) {
        String line = answer.strip().lines().findFirst().orElse("");
        StringBuilder out = new StringBuilder();
        for (char c : line.toCharArray()) {
            if (c == '"' || c == '\\' || c < 0x20 || out.length() >= 40) {
                break;
            }
            out.append(c);
        }
        return out.toString().strip();
    }
}
