package io.clusterdeck.app.experiment.view;

import io.clusterdeck.app.experiment.ExperimentViewModel;
import io.clusterdeck.compare.Comparison.Row;
import io.clusterdeck.compare.ComparisonReport;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.css.PseudoClass;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/** Every figure of a comparison, A and B side by side, the better side's cell marked {@code :better}. */
final class FigureTable extends TableView<Row> {
    static final PseudoClass BETTER = PseudoClass.getPseudoClass("better");

    FigureTable(ExperimentViewModel model) {
        super(model.rows());
        setId("experiment-table");
        getStyleClass().add("figure-table");
        // Every column keeps its share of the width: the verdict and the figures' names stay whole.
        setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        var figure = column("Figure", Row::figure, null);
        figure.setPrefWidth(210);
        var a = column("A", row -> ComparisonReport.number(row.a()), "A");
        var b = column("B", row -> ComparisonReport.number(row.b()), "B");
        var change = column("B vs A", ComparisonReport::change, null);
        var better = column("Better", ComparisonReport::verdict, null);
        for (var number : java.util.List.of(a, b, change)) {
            number.getStyleClass().add("number");
            number.setPrefWidth(80);
        }
        better.setPrefWidth(125);
        getColumns().setAll(java.util.List.of(figure, a, b, change, better));
    }

    /** A column of text; with a side, its cells are marked where that side is the better one. */
    private static TableColumn<Row, Row> column(String title, Function<Row, String> text, String side) {
        var column = new TableColumn<Row, Row>(title);
        column.setSortable(false);
        column.setReorderable(false);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue()));
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Row row, boolean empty) {
                super.updateItem(row, empty);
                setText(empty || row == null ? null : text.apply(row));
                pseudoClassStateChanged(BETTER, !empty && side != null && row != null && row.better().equals(side));
            }
        });
        return column;
    }
}
