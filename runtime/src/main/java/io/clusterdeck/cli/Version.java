package io.clusterdeck.cli;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar's manifest, when run from the jar. */
final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = Main.class.getPackage().getImplementationVersion();
        return new String[] {"clusterdeck " + (version == null ? "(development build)" : version)};
    }
}
