package io.clusterdeck.export;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** The runtime's executable jar, {@code clusterdeck.jar}, that this Clusterdeck runs, when it runs from one. */
final class RuntimeJar {
    /** The system property the installed launchers set to their jar. */
    static final String PROPERTY = "clusterdeck.jar";

    private RuntimeJar() {
    }

    /** The jar named by {@value #PROPERTY}, else the jar these classes were loaded from, else none. */
    static Optional<Path> find() {
        var named = System.getProperty(PROPERTY);
        if (named != null && Files.isRegularFile(Path.of(named))) {
            return Optional.of(Path.of(named).toAbsolutePath().normalize());
        }
        try {
            var location = RuntimeJar.class.getProtectionDomain().getCodeSource();
            if (location == null) {
                return Optional.empty();
            }
            var path = Path.of(location.getLocation().toURI());
            return Files.isRegularFile(path) && path.getFileName().toString().equals("clusterdeck.jar")
                    ? Optional.of(path.toAbsolutePath().normalize()) : Optional.empty();
        } catch (URISyntaxException | IllegalArgumentException | SecurityException e) {
            return Optional.empty();
        }
    }
}
