package dev.grader;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** grader's version, read from the jar's build properties. */
@Api(status = Api.Status.STABLE)
public final class Version {

    private static final String VERSION = load();

    private Version() {
    }

    /** Such as {@code 0.1.0-SNAPSHOT}; {@code dev} when running from unpackaged classes without the properties. */
    public static String get() {
        return VERSION;
    }

    private static String load() {
        try (InputStream in = Version.class.getResourceAsStream("/dev/grader/version.properties")) {
            if (in == null) {
                return "dev";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "dev");
        } catch (IOException e) {
            return "dev";
        }
    }
}
