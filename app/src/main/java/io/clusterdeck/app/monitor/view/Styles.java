package io.clusterdeck.app.monitor.view;

import io.clusterdeck.app.monitor.Health;
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
        var card = new VBox(6, heading);
        card.getChildren().addAll(content);
        card.getStyleClass().add("card");
        card.setMinWidth(0);
        return card;
    }

    /** A card whose title row also holds controls, on its right. */
    static VBox card(String title, Node controls, Node content) {
        var card = card(title, content);
        var heading = (Label) card.getChildren().remove(0);
        heading.setMinWidth(Label.USE_PREF_SIZE);
        var spacer = new javafx.scene.layout.Region();
        javafx.scene.layout.HBox.setHgrow(spacer, javafx.scene.layout.Priority.ALWAYS);
        var row = new javafx.scene.layout.HBox(8, heading, spacer, controls);
        row.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        row.setMinWidth(0);
        card.getChildren().add(0, row);
        return card;
    }

    /** Content that scrolls inside its card when the card is smaller than it. */
    static javafx.scene.control.ScrollPane scrolling(Node content) {
        var scroll = new javafx.scene.control.ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(javafx.scene.control.ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().addAll("card-scroll", "edge-to-edge");
        scroll.setMinHeight(60);
        return scroll;
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
