package io.clusterdeck.export;

import io.clusterdeck.design.Design;
import io.clusterdeck.design.DesignFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

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
     * Writes an export's files under a folder, each atomically; other files in the folder are left alone. Files are
     * readable by everyone (an export holds no secret), so that containers running as another user can read the
     * configs, bundles and assets mounted from it. Copies are checked first: a missing source writes nothing.
     *
     * @return the files written, in order
     * @throws IOException when a file cannot be written or a source to copy is missing
     */
    public static List<Path> write(Export export, Path outDir) throws IOException {
        if (Files.exists(outDir) && !Files.isDirectory(outDir)) {
            throw new IOException(outDir + ": is a file, not a folder");
        }
        for (var file : export.files()) {
            if (file.copied() && !Files.exists(file.source())) {
                throw new NoSuchFileException(file.source().toString(), null,
                        "the export copies it to " + file.path() + "; build or place it, then export again");
            }
        }
        var written = new ArrayList<Path>();
        for (var file : export.files()) {
            var path = outDir.resolve(file.path());
            if (file.copied()) {
                Copies.copy(file.source(), path);
            } else {
                DesignFiles.writeAtomically(path, file.content());
                Copies.readableByAll(path);
            }
            written.add(path);
        }
        return List.copyOf(written);
    }
}
