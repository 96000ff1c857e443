package io.clusterdeck.app.monitor.view;

import io.clusterdeck.app.monitor.MonitorViewModel;
import io.clusterdeck.app.monitor.ProcessRow;
import io.clusterdeck.load.LoadSecond;
import java.util.Map;
import javafx.collections.ListChangeListener;
import javafx.geometry.HPos;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/**
 * p50 and p99 per worker as the gateway measures them since the worker registered, with the last minute of p99;
 * and per function as the traffic started here measured them in the last second. Each table says which it is.
 */
final class LatencyView extends VBox {
    private final MonitorViewModel monitor;
    private final GridPane workers = grid(106);
    private final GridPane functions = grid(116);

    LatencyView(MonitorViewModel monitor) {
        this.monitor = monitor;
        getStyleClass().add("latency-view");
        setSpacing(8);
        var byWorker = new Label("Per worker, at the gateway, since it registered");
        byWorker.setId("latency-workers-title");
        byWorker.getStyleClass().add("muted");
        var byFunction = new Label("Per function, at the caller, last second");
        byFunction.setId("latency-functions-title");
        byFunction.getStyleClass().add("muted");
        // Side by side when there is room, one above the other in a narrow window.
        var both = new javafx.scene.layout.FlowPane(14, 10, new VBox(4, byWorker, workers), new VBox(4, byFunction, functions));
        getChildren().add(both);
        monitor.processes().addListener((ListChangeListener<ProcessRow>) c -> fillWorkers());
        monitor.framesProperty().addListener((o, a, b) -> workers.getChildren().stream()
                .filter(Sparkline.class::isInstance).map(Sparkline.class::cast).forEach(Sparkline::redraw));
        monitor.traffic().byFunctionProperty().addListener((o, a, b) -> fillFunctions(b));
        fillWorkers();
        fillFunctions(Map.of());
    }

    private static GridPane grid(double nameWidth) {
        var grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(2);
        var name = new ColumnConstraints(nameWidth);
        var p50 = new ColumnConstraints(58);
        p50.setHalignment(HPos.RIGHT);
        var p99 = new ColumnConstraints(62);
        p99.setHalignment(HPos.RIGHT);
        grid.getColumnConstraints().addAll(name, p50, p99);
        return grid;
    }

    private void header(GridPane grid, String first, String last) {
        grid.getChildren().clear();
        int col = 0;
        for (var title : new String[] {first, "p50", "p99", last}) {
            var label = new Label(title);
            label.getStyleClass().add("column-title");
            grid.add(label, col++, 0);
        }
    }

    private void fillWorkers() {
        header(workers, "Worker", "p99, last min");
        int row = 1;
        for (var process : monitor.processes()) {
            if (!process.isWorker()) {
                continue;
            }
            var p50 = new Label();
            p50.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                    () -> Styles.millis(process.p50Property().get()), process.p50Property()));
            var p99 = new Label();
            p99.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                    () -> Styles.millis(process.p99Property().get()), process.p99Property()));
            p99.getStyleClass().add("strong");
            var name = new Label(Styles.shortName(process.name()), Styles.dot(process.healthProperty()));
            workers.addRow(row++, name, p50, p99, new Sparkline(process.p99Series(), Palette.series(4), 48, 16));
        }
    }

    private void fillFunctions(Map<String, LoadSecond> seconds) {
        header(functions, "Function", "ok / err");
        if (seconds.isEmpty()) {
            var none = new Label("Start traffic to see it.");
            none.getStyleClass().add("muted");
            functions.add(none, 0, 1, 4, 1);
            return;
        }
        int row = 1;
        for (var function : monitor.traffic().functions()) {
            var second = seconds.get(function);
            if (second == null) {
                continue;
            }
            var p99 = new Label(Styles.millis(second.p99Ms()));
            p99.getStyleClass().add("strong");
            var calls = new Label(second.ok() + " / " + second.failed());
            if (second.failed() > 0) {
                calls.getStyleClass().add("danger-text");
            }
            var name = new Label(function);
            name.setTooltip(new javafx.scene.control.Tooltip(function));
            functions.addRow(row++, name, new Label(Styles.millis(second.p50Ms())), p99, calls);
        }
    }
}
