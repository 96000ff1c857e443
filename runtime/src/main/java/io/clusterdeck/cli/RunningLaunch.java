package io.clusterdeck.cli;

import io.clusterdeck.launch.ControlClient;
import io.clusterdeck.launch.LaunchOptions;

/** The launch running on this machine, for the commands that act on it. */
final class RunningLaunch {
    private RunningLaunch() {
    }

    static ControlClient require() {
        return ControlClient.find(LaunchOptions.defaultHome()).orElseThrow(() ->
                new UsageException("no launch is running; start one with `clusterdeck launch DESIGN`"));
    }
}
