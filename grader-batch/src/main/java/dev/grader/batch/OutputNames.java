package dev.grader.batch;

import java.text.Normalizer;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * File names from candidate ids, which are untrusted: a name is a single path segment of letters, digits and
 * {@code - _ . @ +} (anything else becomes {@code _}), never starts with a dot (no {@code ..}, no hidden files),
 * avoids the names Windows reserves ({@code CON}, {@code NUL}, {@code COM1}, ...), and is at most
 * {@link #MAX_LENGTH} chars. Names that collide, also ignoring case (macOS and Windows file systems), get
 * {@code -2}, {@code -3}, ... in the order of their ids, so the same cohort always gets the same names.
 */
final class OutputNames {

    static final int MAX_LENGTH = 80;

    private static final Pattern UNSAFE = Pattern.compile("[^\\p{L}\\p{N}\\-_.@+]+");
    private static final Pattern RESERVED =
            Pattern.compile("(?i)(con|prn|aux|nul|com[0-9]|lpt[0-9]|conin\\$|conout\\$)");

    private OutputNames() {
    }

    /** A safe single file-name segment for {@code id}; {@code candidate} when nothing of it is usable. */
    static String sanitize(String id) {
        String s = Normalizer.normalize(id, Normalizer.Form.NFC);
        s = UNSAFE.matcher(s).replaceAll("_");
        s = s.replaceAll("_{2,}", "_").replaceAll("^[._\\-]+", "").replaceAll("[._\\-]+$", "");
        if (s.isEmpty()) {
            s = "candidate";
        }
        if (s.length() > MAX_LENGTH) {
            s = s.substring(0, MAX_LENGTH).replaceAll("[._\\-]+$", "");
        }
        String stem = s.contains(".") ? s.substring(0, s.indexOf('.')) : s;
        if (RESERVED.matcher(stem).matches()) {
            s = "_" + s;
        }
        return s;
    }

    /**
     * Unique names for ids given in a deterministic order (callers sort by id, then source).
     *
     * @param keys  one key per submission, in order
     * @param bases the id each key's name comes from
     * @return the name of each key
     */
    static <K> Map<K, String> assign(List<K> keys, Map<K, String> bases) {
        Map<K, String> names = new LinkedHashMap<>();
        Set<String> taken = new HashSet<>();
        for (K key : keys) {
            String base = sanitize(bases.get(key));
            String name = base;
            for (int n = 2; !taken.add(name.toLowerCase(Locale.ROOT)); n++) {
                name = base + "-" + n;
            }
            names.put(key, name);
        }
        return names;
    }
}
