package dev.grader.cli;

import java.nio.file.Path;
import java.util.Map;

/**
 * What the judge factory reads besides flags: environment variables, the working directory (for
 * {@code ./grader.yaml}) and the user's config directory. Tests pass their own.
 *
 * @param env        environment variables
 * @param workingDir where {@code grader.yaml} is looked for first
 */
record JudgeEnvironment(Map<String, String> env, Path workingDir) {

    static JudgeEnvironment system() {
        return new JudgeEnvironment(System.getenv(), Path.of("").toAbsolutePath());
    }

    /** A non-blank variable, or {@code null}. */
    String get(String name) {
        String v = env.get(name);
        return v == null || v.isBlank() ? null : v.strip();
    }

    /** {@code ${XDG_CONFIG_HOME:-~/.config}/grader/grader.yaml}. */
    Path userConfigFile() {
        String xdg = get("XDG_CONFIG_HOME");
        Path base = xdg != null ? Path.of(xdg) : Path.of(home(), ".config");
        return base.resolve("grader").resolve("grader.yaml");
    }

    /** {@code ${XDG_CACHE_HOME:-~/.cache}/grader/llm}. */
    Path defaultCacheDir() {
        String xdg = get("XDG_CACHE_HOME");
        Path base = xdg != null ? Path.of(xdg) : Path.of(home(), ".cache");
        return base.resolve("grader").resolve("llm");
    }

    private String home() {
        String home = get("HOME");
        return home != null ? home : System.getProperty("user.home");
    }
}
