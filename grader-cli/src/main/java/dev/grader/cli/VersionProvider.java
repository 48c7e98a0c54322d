package dev.grader.cli;

import dev.grader.Version;
import picocli.CommandLine.IVersionProvider;

/** {@code grader --version}: the version baked into the jar, plus the runtime it runs on. */
final class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        return new String[] {
            "grader " + Version.get(),
            "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")"
        };
    }
}
