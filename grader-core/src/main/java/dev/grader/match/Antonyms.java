package dev.grader.match;

import dev.grader.text.Stemmer;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * General English opposites ("graceful"/"forceful", "before"/"after", "buffered"/"unbuffered"): a window
 * that says the opposite word of a claim states the claim's opposite, which negation cues alone miss.
 */
final class Antonyms {

    private static final String[][] PAIRS = {
            {"graceful", "forceful"}, {"graceful", "abrupt"}, {"safe", "unsafe"}, {"before", "after"},
            {"faster", "slower"}, {"fast", "slow"}, {"more", "less"}, {"more", "fewer"}, {"increase", "decrease"},
            {"increases", "decreases"}, {"larger", "smaller"}, {"bigger", "smaller"}, {"higher", "lower"},
            {"open", "closed"}, {"accept", "reject"}, {"allow", "forbid"}, {"allowed", "forbidden"},
            {"enable", "disable"}, {"enabled", "disabled"}, {"start", "stop"}, {"starts", "stops"},
            {"synchronous", "asynchronous"}, {"blocking", "nonblocking"}, {"buffered", "unbuffered"},
            {"connected", "disconnected"}, {"connected", "separated"}, {"sequential", "parallel"},
            {"sequentially", "concurrently"}, {"serial", "parallel"}, {"always", "never"}, {"all", "none"},
            {"inside", "outside"}, {"include", "exclude"}, {"includes", "excludes"}, {"success", "failure"},
            {"valid", "invalid"}, {"correct", "incorrect"}, {"possible", "impossible"},
            {"necessary", "unnecessary"}, {"required", "optional"}, {"fixed", "variable"}, {"static", "dynamic"},
            {"same", "different"}, {"first", "last"}, {"short", "long"}, {"small", "large"},
            {"cheap", "expensive"}, {"strong", "weak"}, {"positive", "negative"}, {"true", "false"},
            {"reliable", "unreliable"}, {"shorter", "longer"}, {"minimum", "maximum"}, {"lock", "unlock"},
            {"exists", "missing"}, {"add", "remove"}, {"added", "removed"}, {"entire", "partial"},
            {"reuse", "discard"}, {"kept", "closed"}, {"keeps", "closes"}, {"waits", "interrupts"},
            {"idle", "active"}, {"idle", "busy"}, {"relative", "absolute"}};

    private static final Map<String, Set<String>> OPPOSITES = build();

    private Antonyms() {
    }

    /** Whether the two stems are opposites, by the list or by an un-/non-/in-/dis- prefix. */
    static boolean opposite(String a, String b) {
        if (a.equals(b)) {
            return false;
        }
        Set<String> o = OPPOSITES.get(a);
        if (o != null && o.contains(b)) {
            return true;
        }
        return prefixed(a, b) || prefixed(b, a);
    }

    /** Every stem opposite to this one: listed opposites and the un-/non- forms either way. */
    static java.util.List<String> oppositesOf(String stem) {
        java.util.List<String> out = new java.util.ArrayList<>(OPPOSITES.getOrDefault(stem, Set.of()));
        if (stem.length() >= 5) {
            out.add("un" + stem);
            out.add("non" + stem);
        }
        for (String p : new String[] {"un", "non"}) {
            if (stem.startsWith(p) && stem.length() - p.length() >= 5) {
                out.add(stem.substring(p.length()));
            }
        }
        return out;
    }

    private static final String[] NOUN_ENDINGS = {"tion", "sion", "ment", "ness", "ity", "ance", "ence"};

    /**
     * Whether two words can be opposites in use, not only in stem: both nouns by their ending, or neither
     * ("connection" and "disconnects" share a stem pair, but closing a connection is disconnecting).
     */
    static boolean sameKind(String a, String b) {
        return a == null || b == null || nounLike(a) == nounLike(b);
    }

    private static boolean nounLike(String word) {
        String w = word.endsWith("s") ? word.substring(0, word.length() - 1) : word;
        for (String ending : NOUN_ENDINGS) {
            if (w.endsWith(ending)) {
                return true;
            }
        }
        return false;
    }

    private static boolean prefixed(String a, String b) {
        if (b.length() < 5) {
            return false;
        }
        for (String p : new String[] {"un", "non"}) {
            if (a.equals(p + b) || a.equals(p + "-" + b)) {
                return true;
            }
        }
        return false;
    }

    private static Map<String, Set<String>> build() {
        Map<String, Set<String>> map = new HashMap<>();
        for (String[] pair : PAIRS) {
            String a = Stemmer.stem(pair[0]);
            String b = Stemmer.stem(pair[1]);
            map.computeIfAbsent(a, k -> new HashSet<>()).add(b);
            map.computeIfAbsent(b, k -> new HashSet<>()).add(a);
        }
        return map;
    }
}
