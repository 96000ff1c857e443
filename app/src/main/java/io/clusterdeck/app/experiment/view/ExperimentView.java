package io.clusterdeck.app.experiment.view;

import io.clusterdeck.app.common.FileNames;
import io.clusterdeck.app.experiment.ExperimentViewModel;
import io.clusterdeck.app.experiment.FunctionLatency;
import io.clusterdeck.design.Access;
import io.clusterdeck.design.Design;
import java.io.File;
import javafx.beans.binding.Bindings;
import javafx.beans.property.IntegerProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The Experiments view: the two designs and the load on top, Run and Cancel with the progress of the runs; once
 * done, a summary, p50 and p99 per public function as bar charts, and every figure in a table with the better
 * side marked. It binds to its {@link ExperimentViewModel} and asks the user for files; the model does the rest.
 */
public final class ExperimentView extends BorderPane {
    public static final String STYLESHEET = ExperimentView.class.getResource("experiment.css").toExternalForm();

    private final ExperimentViewModel model;

    public ExperimentView(ExperimentViewModel model) {
        this.model = model;
        getStyleClass().add("experiment");
        getStylesheets().add(STYLESHEET);
        setTop(form());
        setCenter(results());
    }

    public ExperimentViewModel model() {
        return model;
    }

    private VBox form() {
        var a = model.a();
        var aName = new Label();
        aName.setText(a.design().name());
        var aFile = new Label(FileNames.shortPath(a.file()));
        aFile.setTooltip(new Tooltip(a.file().toAbsolutePath().toString()));
        var aRow = sideRow("A", aName, aFile, publicCount(a.design()));

        var bName = new Label();
        bName.setId("experiment-b-name");
        var bFile = new Label();
        var bFunctions = new Label();
        bName.textProperty().bind(Bindings.createStringBinding(() -> model.bProperty().get() == null
                ? "Choose the design to compare with" : model.bProperty().get().design().name(), model.bProperty()));
        bFile.setId("experiment-b-source");
        bFile.textProperty().bind(model.bSourceProperty());
        bFunctions.textProperty().bind(Bindings.createStringBinding(() -> model.bProperty().get() == null
                ? "" : publicCount(model.bProperty().get().design()).getText(), model.bProperty()));
        bFunctions.getStyleClass().add("muted");
        var choose = new Button("Choose\u2026", new FontIcon(Feather.FOLDER));
        choose.setId("experiment-choose-b");
        choose.setTooltip(new Tooltip("A design file to compare the open design with"));
        choose.setOnAction(e -> chooseB());
        choose.disableProperty().bind(running());
        var bRow = sideRow("B", bName, bFile, bFunctions);
        bRow.getChildren().add(choose);

        var run = new Button("Run", new FontIcon(Feather.PLAY));
        run.setId("experiment-run");
        run.getStyleClass().add("accent");
        run.setDefaultButton(true);
        run.disableProperty().bind(model.canRunProperty().not());
        run.setTooltip(new Tooltip("Launch each design in turn on this machine under the same load and measure it"));
        run.setOnAction(e -> model.run());
        var cancel = new Button("Cancel", new FontIcon(Feather.X));
        cancel.setId("experiment-cancel");
        cancel.disableProperty().bind(model.stateProperty().isNotEqualTo(ExperimentViewModel.State.RUNNING));
        cancel.setOnAction(e -> model.cancel());
        var save = new Button("Save report\u2026", new FontIcon(Feather.SAVE));
        save.setId("experiment-save");
        save.disableProperty().bind(model.comparisonProperty().isNull().or(running()));
        save.setTooltip(new Tooltip("Write the comparison as a markdown report, with its JSON next to it"));
        save.setOnAction(e -> saveReport());
        var spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        var load = new HBox(8, fieldLabel("Load"),
                spinner("experiment-rate", model.rateProperty(), 1, 10_000), unit("calls/s  \u00b7  measure"),
                spinner("experiment-seconds", model.secondsProperty(), 1, 3_600), unit("s after"),
                spinner("experiment-warmup", model.warmUpProperty(), 0, 600), unit("s of warm-up  \u00b7  repeats"),
                spinner("experiment-repeats", model.repeatsProperty(), 1, 20),
                spacer, run, cancel, save);
        load.setAlignment(Pos.CENTER_LEFT);

        var progress = new ProgressBar();
        progress.setId("experiment-progress");
        progress.setMaxWidth(Double.MAX_VALUE);
        progress.setPrefWidth(260);
        progress.setMinWidth(120);
        progress.progressProperty().bind(model.progressProperty());
        var message = new Label();
        message.setId("experiment-message");
        message.setMinWidth(0);
        message.textProperty().bind(model.messageProperty());
        message.getStyleClass().add("experiment-message");
        var status = new HBox(10, progress, message);
        status.setAlignment(Pos.CENTER_LEFT);

        var form = new VBox(8, aRow, bRow, load, status);
        form.getStyleClass().add("experiment-form");
        return form;
    }

    private javafx.beans.binding.BooleanBinding running() {
        return model.stateProperty().isEqualTo(ExperimentViewModel.State.RUNNING)
                .or(model.stateProperty().isEqualTo(ExperimentViewModel.State.CANCELLING));
    }

    private static HBox sideRow(String side, Label name, Label file, Label functions) {
        var tag = new Label(side);
        tag.getStyleClass().addAll("side-tag", "side-" + side.toLowerCase());
        tag.setMinWidth(Region.USE_PREF_SIZE);
        name.getStyleClass().add("design-name");
        name.setMinWidth(Region.USE_PREF_SIZE);
        file.getStyleClass().add("muted");
        file.setMinWidth(0);
        functions.setMinWidth(Region.USE_PREF_SIZE);
        var spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        var row = new HBox(10, tag, name, functions, file, spacer);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private static Label publicCount(Design design) {
        long count = design.functions().stream().filter(f -> f.access() == Access.PUBLIC).count();
        var label = new Label(count + " public function" + (count == 1 ? "" : "s") + ", "
                + design.segments().size() + " segment" + (design.segments().size() == 1 ? "" : "s"));
        label.getStyleClass().add("muted");
        return label;
    }

    private static Label fieldLabel(String text) {
        var label = new Label(text);
        label.getStyleClass().add("field-label");
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }

    private static Label unit(String text) {
        var label = new Label(text);
        label.getStyleClass().add("muted");
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }

    /** A number field that writes to the model as it changes; typed numbers count once Enter or focus leaves. */
    private Spinner<Integer> spinner(String id, IntegerProperty value, int min, int max) {
        var spinner = new Spinner<Integer>(min, max, value.get());
        spinner.setId(id);
        spinner.setEditable(true);
        spinner.setPrefWidth(90);
        spinner.setMinWidth(Region.USE_PREF_SIZE);
        spinner.valueProperty().addListener((obs, old, now) -> value.set(now));
        value.addListener((obs, old, now) -> spinner.getValueFactory().setValue(now.intValue()));
        spinner.disableProperty().bind(running());
        return spinner;
    }

    private StackPane results() {
        var summary = new SummaryView(model);
        var charts = new FlowPane(12, 12);
        charts.getStyleClass().add("latency-charts");
        model.latencies().addListener((ListChangeListener<FunctionLatency>) c -> {
            charts.getChildren().setAll(model.latencies().stream()
                    .map(latency -> LatencyChart.of(latency, model.comparisonProperty().get())).toList());
        });
        var chartsTitle = sectionTitle("Latency per public function, p50 and p99 (ms, lower is better)");
        var left = new VBox(10, sectionTitle("Summary"), summary, chartsTitle, legend(), charts);
        left.getStyleClass().add("results-left");
        var leftScroll = new ScrollPane(left);
        leftScroll.setFitToWidth(true);
        leftScroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        leftScroll.getStyleClass().add("edge-to-edge");
        charts.prefWrapLengthProperty().bind(leftScroll.widthProperty().subtract(40));

        var table = new FigureTable(model);
        var right = new VBox(8, sectionTitle("Every figure, the median of each design's runs"), table);
        VBox.setVgrow(table, Priority.ALWAYS);
        right.getStyleClass().add("results-right");

        var grid = new GridPane();
        grid.getStyleClass().add("results");
        for (double share : new double[] {52, 48}) {
            var column = new ColumnConstraints();
            column.setPercentWidth(share);
            column.setFillWidth(true);
            grid.getColumnConstraints().add(column);
        }
        var row = new RowConstraints();
        row.setVgrow(Priority.ALWAYS);
        row.setFillHeight(true);
        grid.getRowConstraints().add(row);
        grid.add(leftScroll, 0, 0);
        grid.add(right, 1, 0);
        grid.visibleProperty().bind(model.comparisonProperty().isNotNull());

        var empty = new Label("Choose B and press Run. Each design is launched on this machine in turn, warmed up and "
                + "measured under the same load; the figures of both then show here side by side.");
        empty.setWrapText(true);
        empty.setMaxWidth(560);
        empty.getStyleClass().add("empty-results");
        empty.visibleProperty().bind(model.comparisonProperty().isNull());
        return new StackPane(empty, grid);
    }

    /** A's colour and B's, with their designs' names, as the charts draw them. */
    private HBox legend() {
        var legend = new HBox(14);
        legend.setAlignment(Pos.CENTER_LEFT);
        model.comparisonProperty().addListener((obs, old, now) -> {
            legend.getChildren().clear();
            if (now != null) {
                legend.getChildren().addAll(legendItem("A", now.designA()), legendItem("B", now.designB()));
            }
        });
        return legend;
    }

    private static HBox legendItem(String side, String design) {
        var tag = new Label(side);
        tag.getStyleClass().addAll("side-tag", "side-" + side.toLowerCase());
        var item = new HBox(6, tag, new Label(design));
        item.setAlignment(Pos.CENTER_LEFT);
        return item;
    }

    private static Label sectionTitle(String text) {
        var label = new Label(text);
        label.getStyleClass().add("section-title");
        return label;
    }

    private void chooseB() {
        var chooser = new FileChooser();
        chooser.setTitle("Compare with a design");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Clusterdeck designs", "*.json"));
        File folder = model.folder().toFile();
        if (folder.isDirectory()) {
            chooser.setInitialDirectory(folder);
        }
        var chosen = chooser.showOpenDialog(getScene().getWindow());
        if (chosen != null) {
            model.chooseB(chosen.toPath());
        }
    }

    private void saveReport() {
        var chooser = new FileChooser();
        chooser.setTitle("Save the comparison");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Markdown report (JSON next to it)", "*.md"));
        var suggested = model.suggestedReport();
        if (suggested.getParent().toFile().isDirectory()) {
            chooser.setInitialDirectory(suggested.getParent().toFile());
        }
        chooser.setInitialFileName(suggested.getFileName().toString());
        var chosen = chooser.showSaveDialog(getScene().getWindow());
        if (chosen != null) {
            model.saveReport(chosen.toPath());
        }
    }

    /** A design's name with its side, as the charts' legends and the table's headers show it. */
    static String sideName(String side, String design) {
        return side + " \u00b7 " + design;
    }
}
