package io.clusterdeck.cli;

import com.fasterxml.jackson.core.type.TypeReference;
import io.clusterdeck.design.Design;
import io.clusterdeck.design.DesignFiles;
import io.clusterdeck.json.StrictJson;
import io.clusterdeck.lab.ProfileRecording;
import io.clusterdeck.lab.WorkerSample;
import io.clusterdeck.launch.ControlClient;
import io.clusterdeck.launch.LaunchException;
import io.clusterdeck.launch.LaunchOptions;
import java.io.IOException;
import java.util.List;

/** The launch running on this machine, for the commands that act on it. */
final class RunningLaunch {
    private RunningLaunch() {
    }

    static ControlClient require() {
        return ControlClient.find(LaunchOptions.defaultHome()).orElseThrow(() ->
                new UsageException("no launch is running; start one with `clusterdeck launch DESIGN`"));
    }

    /** Starts recording a profile of the running launch. */
    static ProfileRecording recordProfile(ControlClient launch) {
        return ProfileRecording.start(design(launch), () -> samples(launch));
    }

    private static List<WorkerSample> samples(ControlClient launch) {
        try {
            return StrictJson.mapper().readValue(launch.profileSamples(), new TypeReference<List<WorkerSample>>() { });
        } catch (IOException e) {
            throw new LaunchException("the launcher answered a profile sample that is not one: " + e.getMessage(), e);
        }
    }

    static Design design(ControlClient launch) {
        return DesignFiles.parse(launch.design(), "the running launch's design").orThrow();
    }
}
