package dev.grader.cli;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.apache.commons.text.similarity.LevenshteinDistance;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The options a mistyped one was probably meant to be: {@code --fromat} gives {@code --format}. picocli only
 * suggests options that share the first two letters, which misses transpositions and typos early in the word.
 * Hidden options (deprecated spellings) are never suggested.
 */
final class OptionSuggestions {

    /** Edits allowed: one per four letters, at least one, at most three (git's rule of thumb is similar). */
    private static final int MAX_EDITS = 3;

    private OptionSuggestions() {
    }

    /** The visible long options of {@code spec} closest to {@code typed} ({@code --name} or {@code --name=value}). */
    static List<String> of(CommandSpec spec, String typed) {
        if (!typed.startsWith("--") || typed.length() < 4) {
            return List.of();
        }
        int eq = typed.indexOf('=');
        String name = (eq > 0 ? typed.substring(0, eq) : typed).toLowerCase(Locale.ROOT);
        int allowed = Math.min(MAX_EDITS, Math.max(1, (name.length() - 2) / 4));
        LevenshteinDistance distance = new LevenshteinDistance(allowed);
        record Candidate(String name, int edits) {
        }
        List<Candidate> found = new ArrayList<>();
        for (OptionSpec option : spec.options()) {
            if (option.hidden()) {
                continue;
            }
            for (String candidate : option.names()) {
                if (!candidate.startsWith("--")) {
                    continue;
                }
                int edits = transposed(name, candidate) ? 1 : distance.apply(name, candidate);
                if (edits >= 0 && edits <= allowed) {
                    found.add(new Candidate(candidate, edits));
                }
            }
        }
        return found.stream().sorted(Comparator.comparingInt(Candidate::edits).thenComparing(Candidate::name))
                .map(Candidate::name).distinct().limit(3).toList();
    }

    /** Two neighbouring letters swapped ({@code fromat}, {@code format}): one slip of the fingers, not two. */
    private static boolean transposed(String a, String b) {
        if (a.length() != b.length()) {
            return false;
        }
        int first = -1;
        for (int i = 0; i < a.length(); i++) {
            if (a.charAt(i) != b.charAt(i)) {
                if (first >= 0) {
                    return i == first + 1 && a.charAt(first) == b.charAt(i) && a.charAt(i) == b.charAt(first)
                            && a.substring(i + 1).equals(b.substring(i + 1));
                }
                first = i;
            }
        }
        return false;
    }
}
