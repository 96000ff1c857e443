package io.clusterdeck.app.monitor;

import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The selected process's log, following new lines. */
final class LogView extends VBox {

    LogView(MonitorViewModel monitor) {
        getStyleClass().add("log-view");
        setSpacing(6);
        var title = new Label();
        title.getStyleClass().add("card-title");
        title.textProperty().bind(Bindings.createStringBinding(() -> monitor.selectedProperty().get() == null
                ? "Log" : "Log of " + monitor.selectedProperty().get().name(), monitor.selectedProperty()));
        var lines = new ListView<>(monitor.log());
        lines.getStyleClass().addAll("log-lines", "dense");
        lines.setFixedCellSize(18);
        // It takes the room the cards above leave, rather than asking for much of its own.
        lines.setPrefHeight(120);
        lines.setPlaceholder(new Label("Select a process to see its log."));
        monitor.log().addListener((ListChangeListener<String>) c -> {
            if (!monitor.log().isEmpty()) {
                lines.scrollTo(monitor.log().size() - 1);
            }
        });
        VBox.setVgrow(lines, Priority.ALWAYS);
        getChildren().addAll(title, lines);
    }
}
