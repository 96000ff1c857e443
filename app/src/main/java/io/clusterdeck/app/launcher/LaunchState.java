package io.clusterdeck.app.launcher;

/** Where the design's cluster is, as the designer's toolbar shows it. */
public enum LaunchState {
    /** Nothing runs; Launch is offered. */
    IDLE,
    /** Processes are starting. */
    STARTING,
    /** Every process is ready; Stop is offered. */
    RUNNING,
    /** Processes are stopping. */
    STOPPING
}
