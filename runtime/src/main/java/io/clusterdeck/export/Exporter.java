package io.clusterdeck.export;

import io.clusterdeck.design.Design;
import io.clusterdeck.design.DesignFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Exports a design for production: {@link Target#RUNTIME} configs, {@link Target#COMPOSE} or
 * {@link Target#KUBERNETES}. Starts from the design's plan, so names and ports are the ones the launcher uses.
 * Deterministic: the same design file and options export the same bytes.
 *
 * <pre>{@code
 * var export = Exporter.render(design, DesignSource.of(design.name(), file), Target.COMPOSE, ExportOptions.DEFAULT);
 * Exporter.write(export, outDir);
 * }</pre>
 */
public final class Exporter {
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private Exporter() {
    }

    /**
     * Exports a valid design, read from {@code designFile}, into {@code outDir} with the default options.
     *
     * @return the files written, in order
     * @throws io.clusterdeck.json.DocumentException when the design has problems
     */
    public static List<Path> export(Design design, Path designFile, Target target, Path outDir) throws IOException {
        return export(design, designFile, target, outDir, ExportOptions.DEFAULT);
    }

    public static List<Path> export(Design design, Path designFile, Target target, Path outDir,
                                    ExportOptions options) throws IOException {
        return write(render(design, DesignSource.of(design.name(), designFile), target, options), outDir);
    }

    /** Renders an export in memory, for a preview or a test. */
    public static Export render(Design design, DesignSource source, Target target, ExportOptions options) {
        return switch (target) {
            case RUNTIME -> RuntimeExport.render(design, source, options);
            case COMPOSE -> ComposeExport.render(design, source, options);
            case KUBERNETES -> KubernetesExport.render(design, source, options);
        };
    }

    /**
     * Writes an export's files under a folder, each atomically; other files in the folder are left alone. Files
     * get the user's default permissions, secrets are readable by their owner only.
     *
     * @return the files written, in order
     */
    public static List<Path> write(Export export, Path outDir) throws IOException {
        if (Files.exists(outDir) && !Files.isDirectory(outDir)) {
            throw new IOException(outDir + ": is a file, not a folder");
        }
        var written = new ArrayList<Path>();
        for (var file : export.files()) {
            var path = outDir.resolve(file.path());
            DesignFiles.writeAtomically(path, file.content(), file.secret() ? OWNER_ONLY : null);
            written.add(path);
        }
        return List.copyOf(written);
    }
}
