package io.clusterdeck.app.monitor.view;

import io.clusterdeck.app.monitor.MonitorViewModel;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollBar;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The selected process's log, opening at its newest line and following new ones, as {@code tail -f} does; scrolled
 * up to read, it stays put until scrolled back down to the end.
 */
final class LogView extends VBox {
    private final ListView<String> lines;
    private boolean following = true;
    private boolean toEndAfterLayout;

    LogView(MonitorViewModel monitor) {
        getStyleClass().add("log-view");
        setSpacing(6);
        var title = new Label();
        title.getStyleClass().add("card-title");
        title.textProperty().bind(Bindings.createStringBinding(() -> monitor.selectedProperty().get() == null
                ? "Log" : "Log of " + monitor.selectedProperty().get().name(), monitor.selectedProperty()));
        lines = new ListView<>(monitor.log());
        lines.setId("log-lines");
        lines.getStyleClass().addAll("log-lines", "dense");
        lines.setFixedCellSize(18);
        // It takes the room the cards above leave, rather than asking for much of its own.
        lines.setPrefHeight(120);
        lines.setPlaceholder(new Label("Select a process to see its log."));
        // A long line ends in an ellipsis and shows whole on hover: a sideways scroll bar would hide the newest line.
        lines.setCellFactory(list -> new javafx.scene.control.ListCell<>() {
            {
                setPrefWidth(0);
                setTextOverrun(javafx.scene.control.OverrunStyle.ELLIPSIS);
            }

            @Override
            protected void updateItem(String line, boolean empty) {
                super.updateItem(line, empty);
                setText(empty ? null : line);
                setTooltip(empty || line == null ? null : new javafx.scene.control.Tooltip(line));
            }
        });
        monitor.selectedProperty().addListener((o, a, b) -> following = true);
        monitor.log().addListener((ListChangeListener<String>) c -> {
            if (following) {
                toEndAfterLayout = true;
                Platform.requestNextPulse();
            }
        });
        // Scrolled once the list has laid out its new lines: scrolling before that is undone by the layout.
        Runnable afterLayout = () -> {
            if (toEndAfterLayout) {
                toEndAfterLayout = false;
                toEnd();
            }
        };
        sceneProperty().addListener((o, before, now) -> {
            if (before != null) {
                before.removePostLayoutPulseListener(afterLayout);
            }
            if (now != null) {
                now.addPostLayoutPulseListener(afterLayout);
            }
        });
        lines.skinProperty().addListener((o, a, b) -> watchScrolling());
        VBox.setVgrow(lines, Priority.ALWAYS);
        getChildren().addAll(title, lines);
    }

    private void toEnd() {
        if (lines.getItems().isEmpty()) {
            return;
        }
        // The scroll bar at its end is the flow at its end: the newest line whole at the bottom.
        verticalBar().ifPresentOrElse(bar -> bar.setValue(bar.getMax()),
                () -> lines.scrollTo(lines.getItems().size() - 1));
    }

    private java.util.Optional<ScrollBar> verticalBar() {
        return lines.lookupAll(".scroll-bar").stream()
                .filter(ScrollBar.class::isInstance).map(ScrollBar.class::cast)
                .filter(bar -> bar.getOrientation() == Orientation.VERTICAL)
                .findFirst();
    }

    /** Follows while the view is at the end; a user who scrolls up to read is left there. */
    private void watchScrolling() {
        Platform.runLater(() -> verticalBar()
                .ifPresent(bar -> bar.valueProperty().addListener((o, before, now) -> {
                    if (bar.isPressed() || lines.isHover()) {
                        following = now.doubleValue() >= bar.getMax() - 0.001;
                    }
                })));
    }
}
