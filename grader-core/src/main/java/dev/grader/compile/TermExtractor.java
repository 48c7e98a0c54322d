package dev.grader.compile;

import dev.grader.text.GenericWords;
import dev.grader.text.Token;
import dev.grader.text.Tokenizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Picks the salient terms of a claim: code identifiers as written ({@code r.Context()},
 * {@code Server.Shutdown}, {@code RST_STREAM}), compounds ({@code keep-alive}), then the content words that
 * are rarest across the bank. Words the question itself uses are left out: restating the question earns
 * nothing.
 */
final class TermExtractor {

    private static final int MAX_TERMS = 6;
    /** Emphasis in capitals ("you do NOT need", "AND") and abbreviations are not terms. */
    private static final Set<String> NOT_TERMS = Set.of("e.g", "i.e", "etc", "vs", "not", "and", "or", "must", "no",
            "all", "only", "never", "always", "also", "both", "any", "none", "can", "cannot", "will", "should");
    private final Map<String, Integer> documentFrequency = new HashMap<>();
    private int documents;

    /** @param texts every claim of the bank, so rarity is measured bank-wide */
    TermExtractor(Collection<String> texts) {
        for (String text : texts) {
            documents++;
            Set<String> seen = new HashSet<>();
            for (Token t : Tokenizer.tokenize(text)) {
                if (t.content() && seen.add(t.stem())) {
                    documentFrequency.merge(t.stem(), 1, Integer::sum);
                }
            }
        }
    }

    /** Rare domain words first; everyday words ("each", "new", "runs") last. */
    private double salience(Token t) {
        return idf(t.stem()) * (GenericWords.isGeneric(t.stem()) ? 0.2 : 1.0);
    }

    double idf(String stem) {
        return Math.log((documents + 1.0) / (documentFrequency.getOrDefault(stem, 0) + 0.5));
    }

    List<String> terms(String claim, String prompt) {
        Set<String> promptStems = new HashSet<>();
        for (Token t : Tokenizer.tokenize(prompt)) {
            promptStems.add(t.stem());
        }
        Map<String, String> terms = new LinkedHashMap<>();
        Set<String> coveredStems = new HashSet<>();
        for (String chunk : claim.split("\\s+")) {
            String c = trimChunk(chunk);
            if (c.length() < 2 || !isSalientChunk(c) || NOT_TERMS.contains(c.toLowerCase(Locale.ROOT))) {
                continue;
            }
            terms.putIfAbsent(c.toLowerCase(Locale.ROOT), c);
            for (Token t : Tokenizer.tokenize(c)) {
                coveredStems.add(t.stem());
            }
            if (terms.size() >= MAX_TERMS - 1) {
                break;
            }
        }
        List<Token> words = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Token t : Tokenizer.tokenize(claim)) {
            if (t.content() && !t.code() && t.group() < 0 && !Character.isDigit(t.lower().charAt(0))
                    && !promptStems.contains(t.stem()) && !coveredStems.contains(t.stem()) && seen.add(t.stem())) {
                words.add(t);
            }
        }
        words.sort(Comparator.comparingDouble((Token t) -> -salience(t)).thenComparingInt(Token::start));
        for (Token t : words) {
            if (terms.size() >= MAX_TERMS) {
                break;
            }
            String surface = claim.substring(t.start(), t.end());
            if (NOT_TERMS.contains(surface.toLowerCase(Locale.ROOT))) {
                continue;
            }
            String term = isAcronym(surface) ? surface : surface.toLowerCase(Locale.ROOT);
            terms.putIfAbsent(term.toLowerCase(Locale.ROOT), term);
        }
        return List.copyOf(terms.values());
    }

    /** Code identifiers, ALLCAPS protocol words, hyphenated compounds. */
    private static boolean isSalientChunk(String c) {
        boolean hasLetter = c.chars().anyMatch(Character::isLetter);
        if (!hasLetter) {
            return false;
        }
        if (c.contains("-") && c.chars().filter(ch -> ch == '-').count() <= 2 && c.matches("[A-Za-z]+(-[A-Za-z]+)+")) {
            return true;
        }
        if (c.matches(".*[a-z][A-Z].*") || c.contains("_") || c.contains("(") || c.startsWith("*")
                || c.matches(".*[A-Za-z]\\.[A-Za-z].*") || c.matches("[A-Za-z]+/[A-Za-z0-9.]+.*")) {
            return true;
        }
        return isAcronym(c) && c.length() >= 3;
    }

    private static boolean isAcronym(String s) {
        return s.length() >= 2 && s.chars().filter(Character::isLetter).allMatch(Character::isUpperCase)
                && s.chars().anyMatch(Character::isLetter);
    }

    /** Strips sentence punctuation and unbalanced brackets from a whitespace-separated chunk. */
    static String trimChunk(String chunk) {
        String c = chunk.strip();
        boolean changed = true;
        while (changed && !c.isEmpty()) {
            changed = false;
            char last = c.charAt(c.length() - 1);
            if (".,;:!?\"'\u201d\u2019".indexOf(last) >= 0
                    || (last == ')' && count(c, '(') < count(c, ')'))
                    || (last == ']' && count(c, '[') < count(c, ']'))) {
                c = c.substring(0, c.length() - 1);
                changed = true;
                continue;
            }
            char first = c.charAt(0);
            if ("\"'\u201c\u2018".indexOf(first) >= 0 || (first == '(' && count(c, '(') > count(c, ')'))
                    || (first == '[' && count(c, '[') > count(c, ']'))) {
                c = c.substring(1);
                changed = true;
            } else if (first != '(' && count(c, '(') > count(c, ')')) {
                c = c.substring(0, c.lastIndexOf('(')); // "ServeHTTP(w," split from its arguments
                changed = true;
            } else if (first == '(' && last == ')' && c.indexOf(')') == c.length() - 1) {
                c = c.substring(1, c.length() - 1); // "(reader)"
                changed = true;
            }
        }
        return c;
    }

    private static long count(String s, char ch) {
        return s.chars().filter(x -> x == ch).count();
    }
}
