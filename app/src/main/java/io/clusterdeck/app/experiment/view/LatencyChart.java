package io.clusterdeck.app.experiment.view;

import io.clusterdeck.app.experiment.FunctionLatency;
import io.clusterdeck.compare.Comparison;
import javafx.collections.FXCollections;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;

/** One function's p50 and p99 in both designs, as bars side by side: A's colour, then B's. */
final class LatencyChart {
    private LatencyChart() {
    }

    static BarChart<String, Number> of(FunctionLatency latency, Comparison comparison) {
        var x = new CategoryAxis(FXCollections.observableArrayList("p50", "p99"));
        var y = new NumberAxis();
        y.setLabel("ms");
        y.setForceZeroInRange(true);
        var chart = new BarChart<>(x, y);
        chart.setTitle(latency.function());
        chart.setAnimated(false);
        // One legend above all the charts says which colour is which design.
        chart.setLegendVisible(false);
        chart.setBarGap(2);
        chart.setCategoryGap(24);
        chart.getStyleClass().add("latency-chart");
        chart.setId("latency-chart-" + latency.function().replace('/', '-'));
        chart.setPrefSize(300, 230);
        chart.setMinSize(240, 200);
        chart.getData().add(series(ExperimentView.sideName("A", comparison.designA()), latency.p50A(), latency.p99A()));
        chart.getData().add(series(ExperimentView.sideName("B", comparison.designB()), latency.p50B(), latency.p99B()));
        return chart;
    }

    private static XYChart.Series<String, Number> series(String name, double p50, double p99) {
        var series = new XYChart.Series<String, Number>();
        series.setName(name);
        series.getData().add(new XYChart.Data<>("p50", p50));
        series.getData().add(new XYChart.Data<>("p99", p99));
        return series;
    }
}
