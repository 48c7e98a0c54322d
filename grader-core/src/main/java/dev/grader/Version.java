package dev.grader;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** grader's version, read from the jar's build properties. */
@Api(status = Api.Status.STABLE)
public final class Version {

    private static final Properties PROPERTIES = load();
    private static final String VERSION = PROPERTIES.getProperty("version", "dev");
    private static final String BUILD = PROPERTIES.getProperty("build", "dev");

    private Version() {
    }

    /** Such as {@code 0.1.0-SNAPSHOT}; {@code dev} when running from unpackaged classes without the properties. */
    public static String get() {
        return VERSION;
    }

    /**
     * When this build of grader was made ({@code 2026-12-04T23:30:12Z}), {@code dev} without the properties: what
     * caches of results that depend on the grading code (fitted example weights) are kept by.
     */
    public static String build() {
        return BUILD;
    }

    private static Properties load() {
        Properties p = new Properties();
        try (InputStream in = Version.class.getResourceAsStream("/dev/grader/version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // no properties: "dev"
        }
        return p;
    }
}
