package io.clusterdeck.app.experiment.view;

import io.clusterdeck.app.experiment.ExperimentViewModel;
import io.clusterdeck.compare.Comparison;
import io.clusterdeck.compare.ComparisonReport;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.TilePane;
import javafx.scene.layout.VBox;

/** The few figures that decide most comparisons, one tile each: throughput, gateway hops, CPU, memory. */
final class SummaryView extends TilePane {

    SummaryView(ExperimentViewModel model) {
        super(10, 10);
        getStyleClass().add("summary-tiles");
        setPrefColumns(2);
        setTileAlignment(Pos.TOP_LEFT);
        model.comparisonProperty().addListener((obs, old, now) ->
                getChildren().setAll(model.summary().stream().map(SummaryView::tile).toList()));
    }

    private static VBox tile(Comparison.Row row) {
        var title = new Label(row.figure());
        title.getStyleClass().add("tile-title");
        var a = new Label("A  " + ComparisonReport.number(row.a()));
        var b = new Label("B  " + ComparisonReport.number(row.b()));
        a.getStyleClass().add("tile-figure");
        b.getStyleClass().add("tile-figure");
        if (!row.better().equals("=")) {
            (row.better().equals("A") ? a : b).getStyleClass().add("better");
        }
        var figures = new HBox(16, a, b);
        var verdict = new Label(verdict(row));
        verdict.getStyleClass().add("tile-verdict");
        var tile = new VBox(4, title, figures, verdict);
        tile.getStyleClass().add("summary-tile");
        tile.setId("summary-" + row.figure().replace(' ', '-').replace("/", ""));
        HBox.setHgrow(tile, Priority.ALWAYS);
        return tile;
    }

    /** "B better · B vs A -100.0%", or "about the same". */
    static String verdict(Comparison.Row row) {
        if (row.better().equals("=")) {
            return "about the same";
        }
        return row.better() + " better" + (row.a() == 0 ? "" : " \u00b7 B vs A " + ComparisonReport.change(row));
    }
}
