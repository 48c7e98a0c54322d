package dev.grader.match;

import dev.grader.rubric.KeyPoint;
import dev.grader.rubric.Question;
import dev.grader.text.Token;
import dev.grader.text.Tokenizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The things a question talks about ({@code Server.Shutdown} and {@code Server.Close}, {@code ConnState} and
 * middleware, {@code HTTP/2} and {@code HTTP/1.1}): found in the prompt's identifiers and the subjects of its
 * key points. In a comparison question, a claim made about the wrong one is a swap, not a match.
 */
final class Entities {

    private static final int SUBJECT_WINDOW = 10;
    private static final Set<String> FUNCTION_WORDS = Set.of(
            "it", "its", "the", "a", "an", "this", "that", "these", "those", "they", "for", "when", "if", "in", "with",
            "on", "so", "each", "every", "one", "many", "some", "after", "before", "as", "by", "to", "of", "and", "or",
            "but", "because", "since", "while", "without", "under", "over", "out", "all", "any", "no", "not", "there",
            "you", "we", "your", "our", "go", "then", "also", "only", "most", "more", "both", "either", "how", "what",
            "why", "where", "which", "who");
    /** Prompts that ask to compare: only then is a claim about the other entity a swap. */
    private static final java.util.regex.Pattern COMPARISON = java.util.regex.Pattern.compile(
            "\\b(difference|differences|differ|compare|compared|comparison|versus|vs\\.?|contrast|between)\\b",
            java.util.regex.Pattern.CASE_INSENSITIVE);
    /** Words after which an entity is what the subject is set against: "<b>Unlike</b> Close, Shutdown waits". */
    private static final Set<String> CONTRASTED = Set.of("unlike", "like", "than", "vs", "versus", "besides");

    static final Set<String> PRONOUNS = Set.of("it", "this", "that", "they", "which", "its", "these", "those");

    /** Entity key (parts joined by spaces) to its parts. */
    private final Map<String, List<String>> entities;
    private final boolean comparative;

    /** Keys of entities the prompt names in plain lower case ("ConnState and <b>middleware</b>"). */
    private final Set<String> plainNamed;

    private Entities(Map<String, List<String>> entities, boolean comparative, Set<String> plainNamed) {
        this.entities = entities;
        this.comparative = comparative;
        this.plainNamed = plainNamed;
    }

    static Entities of(Question question) {
        Map<String, List<String>> found = new LinkedHashMap<>();
        java.util.Set<String> promptStems = new java.util.HashSet<>();
        for (Token t : Tokenizer.tokenize(question.prompt())) {
            promptStems.add(t.stem());
        }
        for (String chunk : question.prompt().split("\\s+")) {
            List<String> parts = identifierParts(chunk, true);
            if (!parts.isEmpty()) {
                found.putIfAbsent(String.join(" ", parts), parts);
            }
        }
        for (KeyPoint k : question.gradedKeyPoints()) {
            // a key point's first word is an entity when it is code or something the prompt names ("Middleware")
            String first = k.text().strip().split("\\s+")[0];
            List<String> parts = identifierParts(first, false);
            if (!parts.isEmpty() && (identifierParts(first, true).size() > 0 || promptStems.containsAll(parts))) {
                found.putIfAbsent(String.join(" ", parts), parts);
            }
        }
        // an entity the prompt itself names in lower case is named so in answers too: "while middleware runs"
        Set<String> plainNamed = new java.util.HashSet<>();
        for (String chunk : question.prompt().split("\\s+")) {
            String word = chunk.replaceAll("^[\"'(\\[]+|[\"'?,.;:!)\\]]+$", "");
            if (!word.isEmpty() && word.chars().allMatch(Character::isLowerCase)) {
                List<Token> tokens = Tokenizer.tokenize(word);
                if (tokens.size() == 1 && found.containsKey(part(tokens.get(0)))) {
                    plainNamed.add(part(tokens.get(0)));
                }
            }
        }
        Entities draft = new Entities(found, false, Set.copyOf(plainNamed));
        java.util.Set<String> subjects = new java.util.HashSet<>();
        for (KeyPoint k : question.gradedKeyPoints()) {
            String s = draft.subjectOf(k.text(), Tokenizer.tokenize(k.text()));
            if (s != null) {
                subjects.add(s);
            }
        }
        return new Entities(found, subjects.size() >= 2 && COMPARISON.matcher(question.prompt()).find(),
                Set.copyOf(plainNamed));
    }

    /**
     * The stems of the last identifier segment of a code-like chunk ({@code (*http.Server).ConnState} gives
     * {@code conn state}); for a plain word, its stem when capitalised and not a function word.
     */
    private static List<String> identifierParts(String rawChunk, boolean codeOnly) {
        String chunk = rawChunk.replaceAll("^[\"'(\\[*&]+|[\"'?,.;:!)\\]]+$", "");
        if (chunk.isEmpty() || !Character.isLetter(chunk.charAt(0)) && !chunk.startsWith("*")) {
            return List.of();
        }
        boolean code = chunk.matches(".*[a-z][A-Z].*") || chunk.contains(".") || chunk.contains("_")
                || chunk.matches("[A-Z]{2}[A-Za-z]*+/[0-9.]+");
        if (!code) {
            if (codeOnly || !Character.isUpperCase(chunk.charAt(0))
                    || FUNCTION_WORDS.contains(chunk.toLowerCase(Locale.ROOT))) {
                return List.of();
            }
        }
        String segment = chunk;
        if (chunk.contains(".") && !chunk.matches(".*/[0-9.]+")) {
            String[] segments = chunk.split("\\.");
            segment = "";
            for (int i = segments.length - 1; i >= 0; i--) {
                if (segments[i].chars().anyMatch(Character::isLetter)) {
                    segment = segments[i];
                    break;
                }
            }
        }
        List<String> parts = new ArrayList<>();
        for (Token t : Tokenizer.tokenize(segment)) {
            parts.add(part(t));
        }
        return parts.size() > 4 ? List.of() : parts;
    }

    /** A token as part of an entity name; versions keep their major number (HTTP/1.1 and HTTP/1 are one). */
    private static String part(Token t) {
        String stem = t.stem();
        if (!stem.isEmpty() && Character.isDigit(stem.charAt(0))) {
            int dot = stem.indexOf('.');
            return dot > 0 ? stem.substring(0, dot) : stem;
        }
        return stem;
    }

    boolean comparative() {
        return comparative;
    }

    boolean isEmpty() {
        return entities.isEmpty();
    }

    /**
     * The first entity among the first words of the tokens (its key), or null. A leading pronoun returns
     * {@link #PRONOUN}.
     */
    String subjectOf(String text, List<Token> tokens) {
        return subjectOf(text, tokens, 0, tokens.size(), false);
    }

    /**
     * The subject of one side of a rubric's comparison, where an entity the prompt names in lower case counts
     * as named ("middleware fires once per request"). Answers are not read so: a plain word there is too often
     * just a word.
     */
    String sideSubjectOf(String text, List<Token> tokens) {
        return subjectOf(text, tokens, 0, tokens.size(), true);
    }

    String subjectOf(String text, List<Token> tokens, int from, int to) {
        return subjectOf(text, tokens, from, to, false);
    }

    static final String PRONOUN = "\u0000pronoun";

    private String subjectOf(String text, List<Token> tokens, int from, int to, boolean plain) {
        int limit = Math.min(to, from + SUBJECT_WINDOW);
        boolean pronoun = false;
        for (int i = from; i < limit; i++) {
            Token t = tokens.get(i);
            if (i == from && PRONOUNS.contains(t.lower())) {
                return PRONOUN;
            }
            String key = entityAt(text, tokens, i, to, plain);
            if (key != null && !(i > from && CONTRASTED.contains(tokens.get(i - 1).lower()))) {
                return key;
            }
            pronoun |= PRONOUNS.contains(t.lower());
        }
        // "When its context expires it does not force-close anything": the pronoun after the opening clause
        return pronoun ? PRONOUN : null;
    }

    /** Whether any entity with this key occurs in the token range. */
    boolean mentions(String text, List<Token> tokens, int from, int to, String key) {
        return mentions(text, tokens, from, to, key, false);
    }

    /** Whether the range names the entity, in lower case too when the prompt does ("and middleware fires"). */
    boolean mentionsInAnyCase(String text, List<Token> tokens, int from, int to, String key) {
        return mentions(text, tokens, from, to, key, true);
    }

    private boolean mentions(String text, List<Token> tokens, int from, int to, String key, boolean plain) {
        for (int i = from; i < to; i++) {
            if (key.equals(entityAt(text, tokens, i, to, plain))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The entity starting at token i. Only code or capitalised words name entities: "Close() is forceful"
     * names Server.Close, "closes the listener" and "force-close" are verbs.
     *
     * @param plain whether an entity the prompt names in lower case counts in lower case (only on the rubric's
     *              side of a comparison)
     */
    private String entityAt(String text, List<Token> tokens, int i, int to, boolean plain) {
        Token start = tokens.get(i);
        if (!start.code() && !Character.isUpperCase(text.charAt(start.start()))) {
            return plain && plainNamed.contains(part(start)) ? part(start) : null;
        }
        for (Map.Entry<String, List<String>> e : entities.entrySet()) {
            List<String> parts = e.getValue();
            if (i + parts.size() > to) {
                continue;
            }
            boolean match = true;
            for (int p = 0; p < parts.size() && match; p++) {
                match = part(tokens.get(i + p)).equals(parts.get(p));
            }
            if (!match) {
                continue;
            }
            // a whole identifier, not the start of a longer one (ReadTimeout inside ReadHeaderTimeout)
            Token last = tokens.get(i + parts.size() - 1);
            boolean endsGroup = last.group() < 0 || i + parts.size() >= tokens.size()
                    || tokens.get(i + parts.size()).group() != last.group();
            if (endsGroup) { // srv.Shutdown names Shutdown; ReadTimeout is not inside ReadHeaderTimeout
                return e.getKey();
            }
        }
        return null;
    }
}
