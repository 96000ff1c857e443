package io.clusterdeck.app.monitor.view;

import io.clusterdeck.app.monitor.MonitorViewModel;
import io.clusterdeck.app.monitor.TrafficModel;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.layout.HBox;
import org.kordamp.ikonli.javafx.FontIcon;

/** Choose functions and a rate, start and stop; the live throughput, errors and latency next to it. */
final class TrafficBar extends HBox {

    TrafficBar(MonitorViewModel monitor) {
        var traffic = monitor.traffic();
        getStyleClass().add("traffic-bar");
        setSpacing(8);
        setAlignment(Pos.CENTER_LEFT);
        var title = new Label("Traffic", new FontIcon("fth-activity"));
        title.getStyleClass().add("bar-title");

        var functions = new MenuButton();
        functions.setId("traffic-functions");
        for (var function : traffic.functions()) {
            var item = new CheckMenuItem(function);
            item.selectedProperty().bindBidirectional(traffic.chosenProperty(function));
            functions.getItems().add(item);
        }
        var chosen = traffic.functions().stream().map(traffic::chosenProperty).toArray(javafx.beans.Observable[]::new);
        functions.textProperty().bind(Bindings.createStringBinding(() -> traffic.functions().stream()
                .filter(f -> traffic.chosenProperty(f).get()).count() + " of " + traffic.functions().size()
                + " functions", chosen));
        functions.disableProperty().bind(traffic.runningProperty());

        var rate = new Spinner<Integer>(new SpinnerValueFactory.IntegerSpinnerValueFactory(1,
                (int) TrafficModel.MAX_RATE, (int) traffic.rateProperty().get(), 10));
        rate.setEditable(true);
        rate.setPrefWidth(96);
        rate.setId("traffic-rate");
        rate.valueProperty().addListener((o, a, b) -> traffic.rateProperty().set(b));
        rate.disableProperty().bind(traffic.runningProperty());
        var perSecond = new Label("calls/s");
        perSecond.getStyleClass().add("muted");

        var toggle = new Button();
        toggle.setId("traffic-toggle");
        toggle.textProperty().bind(Bindings.when(traffic.runningProperty()).then("Stop").otherwise("Start"));
        toggle.graphicProperty().bind(Bindings.createObjectBinding(() -> new FontIcon(
                traffic.runningProperty().get() ? "fth-square" : "fth-play"), traffic.runningProperty()));
        toggle.getStyleClass().add("accent");
        toggle.setOnAction(e -> {
            if (traffic.runningProperty().get()) {
                monitor.stopTraffic();
            } else {
                monitor.startTraffic();
            }
        });

        var live = new Label();
        live.getStyleClass().add("traffic-live");
        live.textProperty().bind(Bindings.createStringBinding(() -> {
            var s = traffic.latestProperty().get();
            if (!traffic.runningProperty().get()) {
                return "no traffic from here";
            }
            return s.ok() + " ok/s · " + s.errors() + " errors/s · p50 " + Styles.millis(s.p50Ms()) + " · p99 "
                    + Styles.millis(s.p99Ms());
        }, traffic.latestProperty(), traffic.runningProperty()));
        live.setId("traffic-live");
        live.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("errors"), false);
        traffic.latestProperty().addListener((o, a, b) -> live.pseudoClassStateChanged(
                javafx.css.PseudoClass.getPseudoClass("errors"), b.errors() > 0));
        var okLine = new Sparkline(traffic.okSeries(), Palette.series(3), 110, 22);
        var errorLine = new Sparkline(traffic.errorSeries(), Palette.series(5), 110, 22);
        monitor.framesProperty().addListener((o, a, b) -> {
            okLine.redraw();
            errorLine.redraw();
        });
        getChildren().addAll(title, functions, rate, perSecond, toggle, live, okLine, errorLine);
    }
}
