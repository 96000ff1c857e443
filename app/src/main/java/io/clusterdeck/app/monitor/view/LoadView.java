package io.clusterdeck.app.monitor.view;

import io.clusterdeck.app.monitor.MonitorViewModel;
import io.clusterdeck.app.monitor.SegmentLoad;
import java.util.Map;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;

/**
 * Per segment: each worker's calls over the last minute, stacked, with its share and the fairness figure; with
 * several gateways, the same for the calls each gateway forwards.
 */
final class LoadView extends VBox {
    private static final String FAIRNESS = "Distance from the intended split over the last 10 s: half the sum over "
            + "workers of |actual share − intended share|. The intended split is even over the workers in rotation "
            + "at each moment, or by weight for weighted balancing, so calls that move away from a worker out of "
            + "rotation are no unfairness. 0% is perfect; 100% means every call went where none should.";

    LoadView(MonitorViewModel monitor) {
        getStyleClass().add("load-view");
        setSpacing(10);
        // With several gateways, first how the calls spread over them: the proxy takes turns over those that are up.
        monitor.gatewayLoad().ifPresent(gateways -> getChildren().add(segmentLoad(monitor, gateways)));
        for (var segment : monitor.segments()) {
            getChildren().add(segmentLoad(monitor, segment));
        }
    }

    private VBox segmentLoad(MonitorViewModel monitor, SegmentLoad segment) {
        var name = new Label(segment.name());
        name.getStyleClass().add("segment-name");
        var rate = new Label();
        rate.getStyleClass().add("muted");
        var fairness = new Label();
        fairness.getStyleClass().add("fairness");
        fairness.setTooltip(new Tooltip(FAIRNESS));
        var spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        var header = new HBox(8, name, rate, spacer, fairness);
        header.setAlignment(Pos.BASELINE_LEFT);
        var chart = new ShareChart(segment);
        var legend = new FlowPane(12, 2);
        legend.getStyleClass().add("legend");
        Runnable refresh = () -> {
            rate.setText(Styles.rate(segment.callsPerSecondProperty().get()));
            fairness.setText(segment.fairnessText());
            double off = segment.unfairnessProperty().get();
            fairness.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("skewed"), off >= 0.15);
            legend(legend, segment, segment.sharesProperty().get());
            chart.redraw();
        };
        segment.sharesProperty().addListener((o, a, b) -> refresh.run());
        refresh.run();
        var box = new VBox(4, header, chart, legend);
        box.getStyleClass().add("segment-load");
        box.setId("load-" + segment.name());
        return box;
    }

    private static void legend(FlowPane legend, SegmentLoad segment, Map<String, Double> shares) {
        legend.getChildren().clear();
        var workers = segment.workerNames();
        for (int i = 0; i < workers.size(); i++) {
            var worker = workers.get(i);
            var swatch = new Rectangle(9, 9, Palette.series(i));
            double share = shares.getOrDefault(worker, 0.0);
            Double intended = segment.intended().get(worker);
            var text = Styles.shortName(worker) + " " + Math.round(share * 100) + "%"
                    + (intended == null ? " (out of rotation)" : "");
            var item = new Label(text, swatch);
            item.getStyleClass().add("legend-item");
            legend.getChildren().add(item);
        }
    }
}
