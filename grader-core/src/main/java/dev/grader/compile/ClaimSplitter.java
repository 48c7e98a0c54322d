package dev.grader.compile;

import dev.grader.text.Segmenter;
import dev.grader.text.Span;
import dev.grader.text.Token;
import dev.grader.text.Tokenizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a model answer into the atomic claims a grader ticks: list items (numbered, lettered, bulleted, one
 * per line), sentences, clauses joined by semicolons, and colon lists that share a subject ("Shutdown is
 * graceful: stops accepting..., waits..., closes..." gives four claims). Lead-ins such as "Three bugs:" are
 * dropped; a bare "No." is expanded from the question.
 */
final class ClaimSplitter {

    private static final double HEADLINE = 1.5;
    private static final double DIRECT_ANSWER = 2.0;
    private static final Pattern PARAGRAPH_LABEL = Pattern.compile("^([A-Z][A-Za-z-]*(?: [a-z][A-Za-z-]*){0,2})\\.\\s+(\\S.*)$");
    private static final Pattern LINE_BULLET = Pattern.compile(
            "^(?:[-*+\u2022\u25cf\u25cb\u25aa\u2013]\\s*|\\d{1,2}[.)](?=\\s|[A-Za-z])\\s*|\\(?[a-h]\\)\\s+"
                    + "|\\(?(?:i{1,3}|iv|v|vi{1,3})\\)\\s*)(\\S.*)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern ALTERNATIVES = Pattern.compile(
            "\\b(one of the following|any of the following|either of the following|one of these|alternatively)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Set<String> NOT_LABELS = Set.of(
            "yes", "no", "also", "then", "so", "thus", "hence", "otherwise", "true", "false", "correct", "wrong");
    private static final Set<String> COPULAS = Set.of("is", "are", "was", "were");
    private static final Set<String> NOT_VERB_STARTS = Set.of(
            "the", "a", "an", "its", "their", "this", "that", "these", "those", "each", "every", "all", "some", "no",
            "in", "on", "at", "for", "with", "by", "of", "to", "from", "and", "or", "but", "if", "when", "as");

    private ClaimSplitter() {
    }

    static List<Claim> split(String modelAnswer, String prompt) {
        Map<String, Claim> claims = new LinkedHashMap<>();
        String pendingLead = null;
        boolean pendingLeadUsed = false;
        boolean alternatives = false;
        List<String> alternativeItems = new ArrayList<>();
        boolean first = true;
        for (String rawParagraph : modelAnswer.split("\n")) {
            String paragraph = rawParagraph.strip();
            if (paragraph.isEmpty()) {
                continue;
            }
            Matcher bullet = LINE_BULLET.matcher(paragraph);
            if (bullet.matches() && pendingLead != null) {
                pendingLeadUsed = true;
                String item = bullet.group(1).strip();
                if (alternatives) {
                    alternativeItems.add(item);
                } else {
                    addItem(claims, contextLead(pendingLead, pendingLead + ":"), item);
                }
                continue;
            }
            flushAlternatives(claims, alternativeItems);
            if (pendingLead != null && !pendingLeadUsed && !isFiller(pendingLead + ":")) {
                // "You need a separate registry:" followed by code or prose: the lead is a claim itself
                addSentences(claims, pendingLead, prompt, first, null);
                first = false;
            }
            alternatives = false;
            pendingLead = null;
            pendingLeadUsed = false;
            if (bullet.matches() && Enumerations.split(paragraph).items().size() < 2) {
                if (isSymbolBullet(paragraph.charAt(0))) {
                    // a bullet line without a lead-in is an item of its own ("- a - b" inline lists go below)
                    addItem(claims, "", stripMarkers(paragraph));
                    continue;
                }
                paragraph = stripMarkers(paragraph); // "1.A mapping ...", "ii)less congestion": numbered prose
            }
            String label = null;
            Matcher labelled = PARAGRAPH_LABEL.matcher(paragraph);
            if (labelled.matches() && QuestionAssembler.sectionKey(labelled.group(1)).startsWith("note:")
                    && labelled.group(1).split(" ").length <= 3
                    && !NOT_LABELS.contains(labelled.group(1).toLowerCase(Locale.ROOT))) {
                label = labelled.group(1);
                paragraph = labelled.group(2);
            }
            if (paragraph.endsWith(":") && wordCount(paragraph) <= 14) {
                pendingLead = paragraph.substring(0, paragraph.length() - 1).strip();
                alternatives = ALTERNATIVES.matcher(paragraph).find();
                continue;
            }
            if (paragraph.endsWith(":")) {
                // "... least probable. One of the following justifications should be given:" then bullets
                List<String> ss = sentences(paragraph);
                String last = ss.get(ss.size() - 1);
                if (ss.size() > 1 && wordCount(last) <= 14) {
                    paragraph = paragraph.substring(0, paragraph.lastIndexOf(last)).strip();
                    addSentences(claims, paragraph, prompt, first, label);
                    first = false;
                    pendingLead = last.substring(0, last.length() - 1).strip();
                    alternatives = ALTERNATIVES.matcher(last).find();
                    continue;
                }
            }
            Enumerations.Split split = Enumerations.split(paragraph);
            if (!split.items().isEmpty()) {
                String lead = split.lead();
                if (!lead.isEmpty() && !lead.endsWith(":") && !"bullets".equals(split.kind())
                        && wordCount(lead) <= 3) {
                    // "When (a) ..., (b) ..., or (c) ...": the lead starts every item, and the list ends with
                    // its sentence; what follows is ordinary prose
                    List<String> items = new ArrayList<>(split.items());
                    List<String> lastSentences = sentences(items.get(items.size() - 1));
                    String rest = null;
                    if (lastSentences.size() > 1) {
                        items.set(items.size() - 1, lastSentences.get(0));
                        rest = String.join(" ", lastSentences.subList(1, lastSentences.size()));
                    }
                    for (String item : items) {
                        addItem(claims, "", prefixLead(lead, item));
                    }
                    if (rest != null) {
                        addSentences(claims, rest, prompt, false, null);
                    }
                } else {
                    String stripped = lead.endsWith(":") ? lead.substring(0, lead.length() - 1).strip() : lead;
                    if (ALTERNATIVES.matcher(lead).find()) {
                        flushAlternatives(claims, new ArrayList<>(split.items()));
                    } else {
                        if (!stripped.isEmpty() && !lead.endsWith(":")) {
                            addSentences(claims, stripped, prompt, first, label);
                            first = false;
                        }
                        for (String item : split.items()) {
                            addItemWithSublists(claims, contextLead(stripped, lead), item);
                        }
                    }
                }
                first = false;
                continue;
            }
            addSentences(claims, paragraph, prompt, first, label);
            first = false;
        }
        flushAlternatives(claims, alternativeItems);
        if (pendingLead != null && !pendingLeadUsed && !isFiller(pendingLead + ":")) {
            addSentences(claims, pendingLead, prompt, first, null);
        }
        return new ArrayList<>(claims.values());
    }

    /**
     * A model answer too terse to split ("By reference.", "push", "Through iteration.", "42"): one claim, the
     * answer as written. It is the answer to its question, which the report shows above it; its own words are
     * what an answer must say (the question's words would earn a wrong answer credit). Empty when the answer
     * has no word or number at all.
     */
    static List<Claim> terse(String modelAnswer) {
        String text = clean(stripMarkers(modelAnswer.strip().replaceAll("\\s+", " ")));
        boolean hasWord = Tokenizer.tokenize(text).stream().anyMatch(t -> !t.lower().isBlank());
        return hasWord ? List.of(new Claim(text, DIRECT_ANSWER, List.of(), hasNegation(text))) : List.of();
    }

    /** Strips list markers, nested ones too: "4.i)less duplication" gives "less duplication". */
    private static String stripMarkers(String paragraph) {
        String p = paragraph.strip();
        for (int i = 0; i < 3; i++) {
            Matcher m = LINE_BULLET.matcher(p);
            if (!m.matches()) {
                break;
            }
            p = m.group(1).strip();
        }
        return p;
    }

    private static boolean isSymbolBullet(char c) {
        return c == '*' || c == '+' || c == '\u2022' || c == '\u25cf' || c == '\u25cb' || c == '\u25aa' || c == '\u2013'
                || c == '-';
    }

    /** A lead-in worth keeping as context of its items: four words or more ("Enter the request loop"). */
    private static String contextLead(String stripped, String lead) {
        return lead.endsWith(":") && wordCount(stripped) >= 4 && contentWords(stripped) >= 2 ? stripped : "";
    }

    private static void addItemWithSublists(Map<String, Claim> claims, String lead, String item) {
        Enumerations.Split sub = Enumerations.split(item);
        if ("bullets".equals(sub.kind()) && sub.items().size() >= 2) {
            String subLead = sub.lead().endsWith(":") ? sub.lead().substring(0, sub.lead().length() - 1).strip()
                    : sub.lead();
            String context = subLead.isEmpty() ? lead : subLead;
            for (String s : sub.items()) {
                addItem(claims, context, s);
            }
            return;
        }
        addItem(claims, lead, item);
    }

    /**
     * One list item is one claim: a short title sentence joins the sentence that explains it; further
     * sentences become aliases.
     */
    private static void addItem(Map<String, Claim> claims, String lead, String item) {
        List<String> sentences = sentences(item);
        if (sentences.isEmpty()) {
            return;
        }
        String text = sentences.get(0);
        int next = 1;
        if (sentences.size() > 1 && wordCount(text) <= 6) {
            text = trimEnd(text) + ": " + sentences.get(1);
            next = 2;
        }
        List<String> aliases = new ArrayList<>();
        for (int i = next; i < sentences.size(); i++) {
            if (contentWords(sentences.get(i)) >= 3) {
                aliases.add(sentences.get(i));
            }
        }
        if (!lead.isEmpty() && !lead.equals(item)) {
            text = trimEnd(lead) + ": " + text;
        }
        put(claims, new Claim(clean(text), 1.0, aliases, hasNegation(text)));
    }

    private static void flushAlternatives(Map<String, Claim> claims, List<String> items) {
        if (items.isEmpty()) {
            return;
        }
        List<String> aliases = items.subList(1, items.size()).stream().map(ClaimSplitter::clean).toList();
        put(claims, new Claim(clean(items.get(0)), 1.0, aliases, hasNegation(items.get(0))));
        items.clear();
    }

    private static void addSentences(Map<String, Claim> claims, String paragraph, String prompt, boolean first,
                                     String label) {
        boolean headlineDone = !first;
        List<String> sentences = sentences(paragraph);
        for (int si = 0; si < sentences.size(); si++) {
            String sentence = sentences.get(si);
            if (label != null && si == 0) {
                sentence = label + ": " + sentence;
            }
            String expanded = YesNoExpander.expand(sentence, prompt);
            if (expanded != null) {
                put(claims, new Claim(clean(expanded), DIRECT_ANSWER, List.of(), hasNegation(expanded)));
                headlineDone = true;
                continue;
            }
            if (isFiller(sentence)) {
                continue;
            }
            for (String part : semicolonParts(sentence)) {
                List<Claim> fromColon = colonList(part);
                if (fromColon != null) {
                    fromColon.forEach(c -> put(claims, c));
                    headlineDone = true;
                    continue;
                }
                if (isFiller(part)) {
                    continue;
                }
                double weight = headlineDone ? 1.0 : HEADLINE;
                headlineDone = true;
                put(claims, new Claim(clean(part), weight, List.of(), hasNegation(part)));
            }
        }
    }

    /** "X is Y: does a, does b, does c" gives "X is Y", "X does a", "X does b", "X does c". */
    private static List<Claim> colonList(String sentence) {
        int colon = topLevelIndex(sentence, ": ");
        if (colon < 0) {
            return null;
        }
        String head = sentence.substring(0, colon).strip();
        String tail = trimEnd(sentence.substring(colon + 1).strip());
        String[] headWords = head.split("\\s+");
        int copula = -1;
        for (int i = 1; i < headWords.length && i <= 4; i++) {
            if (COPULAS.contains(headWords[i].toLowerCase(Locale.ROOT))) {
                copula = i;
                break;
            }
        }
        if (copula < 0 || copula == headWords.length - 1 || headWords.length - copula > 4 || tail.isEmpty()
                || looksLikeCode(tail)) {
            return null;
        }
        String subject = String.join(" ", java.util.Arrays.copyOfRange(headWords, 0, copula));
        List<String> parts = new ArrayList<>();
        for (String p : topLevelSplit(tail, ", ")) {
            String part = p.strip();
            if (part.startsWith("and ")) {
                part = part.substring(4);
            }
            String firstWord = part.split("\\s+")[0].toLowerCase(Locale.ROOT);
            if (!parts.isEmpty() && firstWord.endsWith("ing")) {
                parts.set(parts.size() - 1, parts.get(parts.size() - 1) + ", " + part);
            } else {
                parts.add(part);
            }
        }
        boolean verbPhrases = parts.stream().allMatch(ClaimSplitter::startsWithVerb);
        List<Claim> out = new ArrayList<>();
        out.add(new Claim(clean(head), HEADLINE, List.of(), hasNegation(head)));
        if (verbPhrases) {
            for (String p : parts) {
                String claim = subject + " " + p;
                out.add(new Claim(clean(claim), 1.0, List.of(), hasNegation(claim)));
            }
        } else {
            out.add(new Claim(clean(tail), 1.0, List.of(), hasNegation(tail)));
        }
        return out;
    }

    private static boolean startsWithVerb(String phrase) {
        String[] words = phrase.strip().split("\\s+");
        if (words.length < 2) {
            return false;
        }
        String w = words[0].toLowerCase(Locale.ROOT);
        if (w.endsWith("ly") && words.length > 2) {
            w = words[1].toLowerCase(Locale.ROOT); // "immediately closes"
        }
        return !NOT_VERB_STARTS.contains(w) && Character.isLowerCase(words[0].charAt(0))
                && (w.endsWith("s") || w.endsWith("ed") || w.equals("can") || w.equals("may") || w.equals("must"));
    }

    /** Independent clauses: "A; B" and "A, but B" are two claims when each side says something. */
    private static List<String> semicolonParts(String sentence) {
        List<String> out = new ArrayList<>();
        for (String part : topLevelSplit(sentence, "; ")) {
            List<String> sides = topLevelSplit(part, ", but ");
            if (sides.size() == 2 && contentWords(sides.get(0)) >= 3 && contentWords(sides.get(1)) >= 3) {
                out.add(sides.get(0));
                out.add(sides.get(1));
            } else {
                out.add(part);
            }
        }
        if (out.size() < 2 || out.stream().anyMatch(p -> contentWords(p) < 2)) {
            return List.of(sentence);
        }
        return out;
    }

    static List<String> sentences(String text) {
        List<String> out = new ArrayList<>();
        for (Span s : Segmenter.sentences(text)) {
            out.add(text.substring(s.start(), s.end()).strip());
        }
        return out;
    }

    /** Lead-ins ("Three bugs:", "Common bugs:") and one-word sentences carry no claim. */
    private static boolean isFiller(String sentence) {
        String s = sentence.strip();
        if (s.endsWith(":") && (contentWords(s) <= 2 || s.toLowerCase(Locale.ROOT).contains("the following"))) {
            return true; // "Three bugs:", "Several risks:", "See the following examples:"
        }
        return alphabeticContentWords(s) < 2 && !looksLikeCode(s);
    }

    /** Content words with letters: formulas such as "= 0.27648 + 15 * 0.020736" have none. */
    private static int alphabeticContentWords(String text) {
        java.util.Set<String> stems = new java.util.HashSet<>();
        for (Token t : Tokenizer.tokenize(text)) {
            if (t.content() && Character.isLetter(t.lower().charAt(0))) {
                stems.add(t.stem());
            }
        }
        return stems.size();
    }

    private static String prefixLead(String lead, String item) {
        String cleanItem = trimEnd(item.replaceAll("[,;]?\\s+(or|and)$", "").strip());
        String leadLower = lead.toLowerCase(Locale.ROOT);
        if (cleanItem.toLowerCase(Locale.ROOT).startsWith(leadLower + " ")
                || cleanItem.toLowerCase(Locale.ROOT).contains(" " + leadLower + " ")) {
            return capitalize(cleanItem);
        }
        return capitalize(lead) + " " + cleanItem;
    }

    private static void put(Map<String, Claim> claims, Claim claim) {
        if (claim.text().isBlank()) {
            return;
        }
        String key = claim.text().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", " ").strip();
        claims.putIfAbsent(key, claim);
    }

    static boolean hasNegation(String text) {
        for (Token t : Tokenizer.tokenize(text)) {
            if (t.negation()) {
                return true;
            }
        }
        return false;
    }

    static int contentWords(String text) {
        int n = 0;
        for (Token t : Tokenizer.tokenize(text)) {
            if (t.content()) {
                n++;
            }
        }
        return n;
    }

    static int wordCount(String text) {
        String s = text.strip();
        return s.isEmpty() ? 0 : s.split("\\s+").length;
    }

    private static boolean looksLikeCode(String s) {
        String t = s.strip();
        return t.startsWith("go ") && t.contains("(") || t.matches("^[\\w.*()&]+\\([^)]*\\)\\.?$");
    }

    /** Removes list punctuation at the ends and one trailing period; keeps inner text as written. */
    static String clean(String text) {
        String t = text.strip();
        t = t.replaceAll("^[-*\u2022\u25cf\u25cb]+\\s*", "");
        t = t.replaceAll("[,;]\\s*(or|and)?$", "");
        if ((t.endsWith(".") && !t.endsWith("..")) || t.endsWith(":")) {
            t = t.substring(0, t.length() - 1);
        }
        return capitalize(t.strip());
    }

    private static String trimEnd(String s) {
        String t = s.strip();
        while (!t.isEmpty() && (t.endsWith(".") || t.endsWith(":") || t.endsWith(",") || t.endsWith(";"))) {
            t = t.substring(0, t.length() - 1).strip();
        }
        return t;
    }

    private static String capitalize(String s) {
        if (s.isEmpty() || !Character.isLowerCase(s.charAt(0))) {
            return s;
        }
        // keep code identifiers as written: r.Context(), c.serve(ctx)
        String firstWord = s.split("\\s+")[0];
        if (firstWord.matches(".*[.(_*/].*") || firstWord.matches(".*[a-z][A-Z].*")) {
            return s;
        }
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static int topLevelIndex(String s, String needle) {
        int depth = 0;
        for (int i = 0; i + needle.length() <= s.length(); i++) {
            char c = s.charAt(i);
            if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if ((c == ')' || c == ']' || c == '}') && depth > 0) {
                depth--;
            } else if (depth == 0 && s.startsWith(needle, i)) {
                return i;
            }
        }
        return -1;
    }

    private static List<String> topLevelSplit(String s, String separator) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i + separator.length() <= s.length(); i++) {
            char c = s.charAt(i);
            if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if ((c == ')' || c == ']' || c == '}') && depth > 0) {
                depth--;
            } else if (depth == 0 && s.startsWith(separator, i)) {
                out.add(s.substring(start, i));
                start = i + separator.length();
                i = start - 1;
            }
        }
        out.add(s.substring(start));
        return out;
    }
}
