package io.clusterdeck.app.monitor;

import java.util.TreeSet;
import javafx.css.PseudoClass;
import javafx.scene.Parent;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import org.testfx.api.FxRobot;

/** Reads the live view's health grid as it is drawn, scrolling it through from top to bottom. */
public final class HealthGridReading {
    private static final PseudoClass UP = PseudoClass.getPseudoClass(Health.UP.label());

    private HealthGridReading() {
    }

    /** The workers whose rows the grid draws as healthy (up), at least partly inside the grid's visible area. */
    @SuppressWarnings("unchecked")
    public static TreeSet<String> healthyWorkers(FxRobot robot, Parent root) {
        var names = new TreeSet<String>();
        robot.interact(() -> {
            var table = (TableView<ProcessRow>) root.lookup(".health-grid .table-view");
            var flow = table.lookup(".clipped-container");
            int rows = table.getItems().size();
            for (int first = 0; first < rows; first += 4) {
                table.scrollTo(first);
                table.layout();
                var shown = flow.localToScene(flow.getBoundsInLocal());
                for (var node : table.lookupAll(".table-row-cell")) {
                    var row = (TableRow<ProcessRow>) node;
                    var bounds = row.localToScene(row.getBoundsInLocal());
                    if (row.isVisible() && row.getItem() != null && row.getItem().isWorker()
                            && row.getPseudoClassStates().contains(UP) && bounds.intersects(shown)) {
                        names.add(row.getItem().name());
                    }
                }
            }
            table.scrollTo(0);
        });
        return names;
    }
}
