package io.clusterdeck.app;

import javafx.application.Application;

/**
 * Starts the desktop app. A class of its own so the app runs from a plain classpath: JavaFX refuses to start
 * when the main class itself extends {@link Application}.
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        Application.launch(ClusterdeckApp.class, args);
    }
}
