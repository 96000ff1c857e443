package io.clusterdeck.cli;

import io.clusterdeck.export.DesignSource;
import io.clusterdeck.export.ExportOptions;
import io.clusterdeck.export.Exporter;
import io.clusterdeck.export.Target;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code clusterdeck export DESIGN --target runtime|compose|kubernetes --out DIR}: configs for production. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Export a design for production: runtime configs, Docker Compose or Kubernetes.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:exported", "1:the design has problems, or a file it names to copy is missing",
                "2:usage error, such as a missing file"})
final class ExportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "DESIGN", description = "A design file (.json).")
    Path design;

    @Option(names = "--target", required = true, paramLabel = "TARGET",
            description = "runtime (configs for 'clusterdeck run'), compose or kubernetes.")
    String target;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "The folder to write to.")
    Path out;

    @Option(names = "--cores", paramLabel = "N",
            description = "Workers of a segment with one worker per core (default: ${DEFAULT-VALUE}).")
    int cores = ExportOptions.DEFAULT_CORES;

    @Option(names = "--image", paramLabel = "IMAGE",
            description = "The runtime image containers run (default: ${DEFAULT-VALUE}).")
    String image = ExportOptions.DEFAULT_IMAGE;

    @Option(names = "--cluster-key-file", paramLabel = "FILE",
            description = "runtime target: configs read the cluster key from FILE instead of CLUSTERDECK_CLUSTER_KEY.")
    String clusterKeyFile;

    @Override
    public Integer call() throws IOException {
        var chosen = Target.parse(target).orElseThrow(() -> new UsageException(
                "unknown --target '" + target + "'; expected one of " + Target.names()));
        var options = options(chosen);
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new UsageException(out + ": is a file, not a folder");
        }
        var parsed = DesignArgument.load(design);
        if (!DesignArgument.report(parsed, spec.commandLine().getErr())) {
            return Main.INVALID;
        }
        var loaded = parsed.value().orElseThrow();
        var export = Exporter.render(loaded, DesignSource.of(loaded.name(), design), chosen, options);
        List<Path> written;
        try {
            written = Exporter.write(export, out);
        } catch (NoSuchFileException e) {
            // A bundle, the assets or the key set the export copies is not there (yet): the input's problem, not ours.
            spec.commandLine().getErr().println("clusterdeck: " + e.getMessage());
            return Main.INVALID;
        }
        var stdout = spec.commandLine().getOut();
        stdout.printf("Exported design '%s' for %s: %d files in %s%n", loaded.name(), chosen.json(), written.size(),
                out);
        stdout.flush();
        return Main.OK;
    }

    private ExportOptions options(Target chosen) {
        if (cores < 1) {
            throw new UsageException("--cores must be at least 1, was " + cores);
        }
        if (image.isBlank() || image.chars().anyMatch(Character::isWhitespace)) {
            throw new UsageException("--image must be an image reference without spaces, was '" + image + "'");
        }
        if (clusterKeyFile != null && chosen != Target.RUNTIME) {
            throw new UsageException("--cluster-key-file is for --target runtime; " + chosen.json()
                    + " mounts the key as a secret");
        }
        if (clusterKeyFile != null && clusterKeyFile.isBlank()) {
            throw new UsageException("--cluster-key-file must not be blank");
        }
        return new ExportOptions(cores, image, clusterKeyFile);
    }
}
