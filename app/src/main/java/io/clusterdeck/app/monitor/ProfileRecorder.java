package io.clusterdeck.app.monitor;

import io.clusterdeck.design.Design;
import io.clusterdeck.lab.Profile;
import io.clusterdeck.lab.ProfileFiles;
import io.clusterdeck.lab.ProfileRecording;
import io.clusterdeck.lab.WorkerSample;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * Records a profile of the running cluster from the live view: what each function was called, cost and took
 * between Start and Stop. Reading the workers' totals and writing the file happen on the {@code background}
 * executor; what they give reaches the properties through the {@code ui} executor.
 */
public final class ProfileRecorder {
    private static final Logger LOG = Logger.getLogger(ProfileRecorder.class.getName());

    private final Design design;
    private final Supplier<List<WorkerSample>> samples;
    private final Path suggestedFile;
    private final Executor background;
    private final Executor ui;
    private final Clock clock;
    private final ReadOnlyBooleanWrapper recording = new ReadOnlyBooleanWrapper(this, "recording");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyLongWrapper seconds = new ReadOnlyLongWrapper(this, "seconds");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyObjectWrapper<Profile> recorded = new ReadOnlyObjectWrapper<>(this, "recorded");
    private ProfileRecording current;
    private Instant startedAt;

    /**
     * @param samples       the running totals of every worker now, such as {@code LocalCluster::profileSamples};
     *                      called on the background executor only
     * @param suggestedFile where the profile is offered to be saved
     */
    public ProfileRecorder(Design design, Supplier<List<WorkerSample>> samples, Path suggestedFile, Executor background,
                           Executor ui, Clock clock) {
        this.design = design;
        this.samples = samples;
        this.suggestedFile = suggestedFile;
        this.background = background;
        this.ui = ui;
        this.clock = clock;
    }

    /** {@code <design>-profile.json} next to the design's file. */
    public static Path suggestedFile(Design design, Path designFile) {
        return designFile.toAbsolutePath().resolveSibling(design.name() + "-profile.json");
    }

    // Properties

    public ReadOnlyBooleanProperty recordingProperty() {
        return recording.getReadOnlyProperty();
    }

    /** True while the workers are read or a file is written: Start and Stop wait for it. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Whole seconds recorded so far, as of the last {@link #tick}. */
    public ReadOnlyLongProperty secondsProperty() {
        return seconds.getReadOnlyProperty();
    }

    /** What happened last: recording, saved where, or why not. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** The profile just stopped and not yet saved or discarded; the view asks where it goes. */
    public ReadOnlyObjectProperty<Profile> recordedProperty() {
        return recorded.getReadOnlyProperty();
    }

    public Path suggestedFile() {
        return suggestedFile;
    }

    // Commands

    /** Starts recording: the workers' totals now are the baseline. */
    public void start() {
        if (recording.get() || busy.get()) {
            return;
        }
        busy.set(true);
        recorded.set(null);
        message.set("Starting the recording");
        background.execute(() -> {
            try {
                var started = ProfileRecording.start(design, samples);
                ui.execute(() -> {
                    current = started;
                    startedAt = clock.instant();
                    seconds.set(0);
                    recording.set(true);
                    busy.set(false);
                    message.set("Recording a profile of " + design.name());
                });
            } catch (RuntimeException e) {
                failed("The recording could not start", e);
            }
        });
    }

    /** Stops recording; the profile becomes {@link #recordedProperty()}, to be saved or discarded. */
    public void stop() {
        var running = current;
        if (!recording.get() || running == null || busy.get()) {
            return;
        }
        busy.set(true);
        background.execute(() -> {
            try {
                var profile = running.stop();
                ui.execute(() -> {
                    current = null;
                    recording.set(false);
                    busy.set(false);
                    seconds.set(Math.round(profile.seconds()));
                    message.set(String.format(Locale.ROOT, "Recorded %.1f s of %s", profile.seconds(), design.name()));
                    recorded.set(profile);
                });
            } catch (RuntimeException e) {
                ui.execute(() -> {
                    current = null;
                    recording.set(false);
                });
                failed("The recording could not be read", e);
            }
        });
    }

    /** Writes the recorded profile to {@code file}; the message says where it went or why not. */
    public void save(Path file) {
        var profile = recorded.get();
        if (profile == null || busy.get()) {
            return;
        }
        busy.set(true);
        background.execute(() -> {
            try {
                ProfileFiles.write(profile, file);
                ui.execute(() -> {
                    recorded.set(null);
                    busy.set(false);
                    message.set(String.format(Locale.ROOT, "Saved the profile (%.1f s) to %s", profile.seconds(),
                            file.getFileName()));
                });
            } catch (IOException | RuntimeException e) {
                failed("The profile could not be saved to " + file, e);
            }
        });
    }

    /** Forgets the recorded profile without saving it. */
    public void discard() {
        if (recorded.get() != null) {
            recorded.set(null);
            message.set("The profile was not saved");
        }
    }

    /** Updates the seconds shown while recording; the live view calls it with every frame. */
    public void tick() {
        if (recording.get() && startedAt != null) {
            seconds.set(Duration.between(startedAt, clock.instant()).toSeconds());
        }
    }

    private void failed(String what, Exception e) {
        LOG.log(Level.WARNING, what, e);
        ui.execute(() -> {
            busy.set(false);
            message.set(what + ": " + e.getMessage());
        });
    }
}
