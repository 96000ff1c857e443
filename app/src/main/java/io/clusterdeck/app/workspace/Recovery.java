package io.clusterdeck.app.workspace;

import io.clusterdeck.design.Design;
import io.clusterdeck.design.DesignFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps a copy of unsaved work: a while after each edit the design is written to the recovery folder, so a crash
 * or a kill loses at most that while. A save or a discard removes the copy.
 */
public final class Recovery {
    private static final Logger LOG = Logger.getLogger(Recovery.class.getName());
    private static final String DESIGN = "design.json";
    private static final String SOURCE = "source.txt";

    private final Path folder;
    private final ScheduledExecutorService executor;
    private final Duration delay;
    private ScheduledFuture<?> pending;
    private long generation;

    /** A recovered design and the file it was edited from, if it had one. */
    public record Recovered(Design design, Optional<Path> source) {
    }

    public Recovery(Path folder, ScheduledExecutorService executor, Duration delay) {
        this.folder = folder;
        this.executor = executor;
        this.delay = delay;
    }

    /** Writes the design after the delay, replacing a write that is still waiting. */
    public synchronized void schedule(Design design, Path source) {
        cancelPending();
        long current = ++generation;
        pending = executor.schedule(() -> write(current, design, source), delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Forgets the copy: the work was saved or deliberately thrown away. */
    public synchronized void clear() {
        cancelPending();
        generation++;
        try {
            Files.deleteIfExists(folder.resolve(DESIGN));
            Files.deleteIfExists(folder.resolve(SOURCE));
        } catch (IOException e) {
            LOG.log(Level.WARNING, "cannot remove the recovery copy in " + folder, e);
        }
    }

    /** The copy a previous session left behind, if it can still be read. */
    public Optional<Recovered> find() {
        var file = folder.resolve(DESIGN);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        var design = DesignFiles.load(file).value();
        if (design.isEmpty()) {
            return Optional.empty();
        }
        Optional<Path> source = Optional.empty();
        try {
            var sourceFile = folder.resolve(SOURCE);
            if (Files.isRegularFile(sourceFile)) {
                String text = Files.readString(sourceFile, StandardCharsets.UTF_8).strip();
                source = text.isEmpty() ? Optional.empty() : Optional.of(Path.of(text));
            }
        } catch (IOException e) {
            LOG.log(Level.WARNING, "cannot read where the recovery copy came from", e);
        }
        return Optional.of(new Recovered(design.get(), source));
    }

    private void cancelPending() {
        if (pending != null) {
            pending.cancel(false);
            pending = null;
        }
    }

    private synchronized void write(long scheduled, Design design, Path source) {
        if (scheduled != generation) {
            return; // a later edit, save or discard came first
        }
        try {
            DesignFiles.writeAtomically(folder.resolve(SOURCE), source == null ? "" : source.toAbsolutePath() + "\n");
            DesignFiles.save(design, folder.resolve(DESIGN));
        } catch (IOException e) {
            LOG.log(Level.WARNING, "cannot write the recovery copy to " + folder, e);
        }
    }
}
