package io.clusterdeck.app.monitor.view;

import io.clusterdeck.app.monitor.Health;
import io.clusterdeck.event.EventType;
import javafx.scene.paint.Color;

/**
 * Colours that mean something on the monitor's canvases (health, events, series), the same in both themes; the
 * stylesheet uses the same ones for the controls. Backgrounds, text and grid lines come from the theme
 * ({@link CanvasPane#colors()}).
 */
final class Palette {
    private static final Color[] SERIES = {Color.web("#0969da"), Color.web("#bf8700"), Color.web("#8250df"),
        Color.web("#1a7f37"), Color.web("#bc4c00"), Color.web("#cf222e"), Color.web("#0550ae"), Color.web("#6639ba")};

    private Palette() {
    }

    static Color series(int index) {
        return SERIES[Math.floorMod(index, SERIES.length)];
    }

    static Color health(Health health) {
        switch (health) {
            case UP:
                return Color.web("#1a7f37");
            case STARTING:
                return Color.web("#0969da");
            case SUSPECT:
                return Color.web("#bf8700");
            case UNHEALTHY:
                return Color.web("#bc4c00");
            case PAUSED:
                return Color.web("#8250df");
            default:
                return Color.web("#cf222e");
        }
    }

    static Color event(EventType type) {
        switch (type) {
            case FAULT:
            case EXITED:
            case GAVE_UP:
            case NO_WORKER:
            case TIMED_OUT:
                return Color.web("#cf222e");
            case SUSPECT:
            case RETRIED:
            case HELD:
                return Color.web("#bf8700");
            case UNHEALTHY:
            case REMOVED:
            case DEREGISTERED:
                return Color.web("#bc4c00");
            case HEALTHY:
                return Color.web("#1a7f37");
            case SCALED:
                return Color.web("#8250df");
            default:
                return Color.web("#0969da");
        }
    }
}
