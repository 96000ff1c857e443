package io.clusterdeck.app.monitor;

import javafx.beans.value.ObservableValue;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** Small helpers the monitor's panels share: cards, health pseudo-classes. */
final class Styles {
    private Styles() {
    }

    static VBox card(String title, Node... content) {
        var heading = new Label(title);
        heading.getStyleClass().add("card-title");
        var card = new VBox(8, heading);
        card.getChildren().addAll(content);
        card.getStyleClass().add("card");
        return card;
    }

    /** Keeps exactly one health pseudo-class on the node, the current one. */
    static void health(Node node, ObservableValue<Health> health) {
        apply(node, health.getValue());
        health.addListener((o, before, after) -> apply(node, after));
    }

    static void apply(Node node, Health health) {
        for (var h : Health.values()) {
            node.pseudoClassStateChanged(PseudoClass.getPseudoClass(h.label()), h == health);
        }
    }

    static Region dot(ObservableValue<Health> health) {
        var dot = new Region();
        dot.getStyleClass().add("health-dot");
        health(dot, health);
        return dot;
    }

    /** Calls per second; a dash when unknown (NaN). */
    static String rate(double perSecond) {
        if (Double.isNaN(perSecond)) {
            return "—";
        }
        return perSecond >= 10 || perSecond == 0 ? String.format("%.0f/s", perSecond) : String.format("%.1f/s", perSecond);
    }

    /** A latency; a dash when there is none yet (NaN). */
    static String millis(double ms) {
        if (Double.isNaN(ms)) {
            return "—";
        }
        if (ms >= 1000) {
            return String.format("%.1f s", ms / 1000);
        }
        return ms >= 10 ? String.format("%.0f ms", ms) : String.format("%.1f ms", ms);
    }

    /** {@code worker-images-2} to {@code images-2}: the segment box already says it is a worker. */
    static String shortName(String worker) {
        return worker.startsWith("worker-") ? worker.substring("worker-".length()) : worker;
    }
}
