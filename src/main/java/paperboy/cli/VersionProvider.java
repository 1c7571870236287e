package paperboy.cli;

import picocli.CommandLine;

/** The version from the jar manifest; "dev" when run from classes. */
public final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = VersionProvider.class.getPackage().getImplementationVersion();
        return new String[] {"paperboy " + (v == null ? "dev" : v)};
    }
}
