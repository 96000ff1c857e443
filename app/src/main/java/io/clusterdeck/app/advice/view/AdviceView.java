package io.clusterdeck.app.advice.view;

import io.clusterdeck.app.advice.AdviceViewModel;
import io.clusterdeck.app.advice.Suggestion;
import java.io.File;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.property.IntegerProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The Advise panel: the profile and the options on top, Apply all and Compare with advised, then one card per
 * suggestion. It binds to its {@link AdviceViewModel} and asks the user for files; the model does the rest.
 */
public final class AdviceView extends BorderPane {
    /** The width the panel asks for beside the canvas. */
    public static final double WIDTH = 400;

    private final AdviceViewModel model;
    private final Consumer<String> reveal;
    private final VBox cards = new VBox(10);

    /**
     * @param close   hides the panel
     * @param compare opens the Experiments view on the design as shown against the advised one
     * @param reveal  scrolls the canvas to a segment an applied suggestion changed
     */
    public AdviceView(AdviceViewModel model, Runnable close, Runnable compare, Consumer<String> reveal) {
        this.model = model;
        this.reveal = reveal;
        getStyleClass().add("advice");
        setId("advice-panel");
        getStylesheets().add(AdviceView.class.getResource("advice.css").toExternalForm());
        setPrefWidth(WIDTH);
        setMinWidth(300);
        var head = new VBox(8, header(close), profileRow(), options(), warning(), failure(), actions(compare));
        head.getStyleClass().add("advice-head");
        setTop(head);
        cards.getStyleClass().add("advice-cards");
        cards.setFillWidth(true);
        var scroll = new ScrollPane(cards);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().addAll("edge-to-edge", "advice-scroll");
        setCenter(scroll);
        model.suggestions().addListener((ListChangeListener<Suggestion>) c -> fillCards());
        fillCards();
    }

    public AdviceViewModel model() {
        return model;
    }

    /** Asks for a profile file, starting next to the design, and reads it; false when the user chose none. */
    public boolean chooseProfile() {
        var chooser = new FileChooser();
        chooser.setTitle("Advise from a profile of a run");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Clusterdeck profiles", "*.json"));
        File folder = model.folder().toFile();
        if (folder.isDirectory()) {
            chooser.setInitialDirectory(folder);
        }
        var chosen = chooser.showOpenDialog(getScene() == null ? null : getScene().getWindow());
        if (chosen == null) {
            return false;
        }
        model.load(chosen.toPath());
        return true;
    }

    private HBox header(Runnable close) {
        var title = new Label("Advice", new FontIcon(Feather.COMPASS));
        title.getStyleClass().addAll("inspector-title", "advice-title");
        var closeButton = new Button(null, new FontIcon(Feather.X));
        closeButton.setId("advice-close");
        closeButton.getStyleClass().addAll("button-icon", "flat");
        closeButton.setTooltip(new Tooltip("Close the advice; the inspector comes back"));
        closeButton.setOnAction(e -> close.run());
        var spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        var header = new HBox(8, title, spacer, closeButton);
        header.setAlignment(Pos.CENTER_LEFT);
        return header;
    }

    private HBox profileRow() {
        var file = new Label();
        file.setId("advice-profile");
        file.getStyleClass().add("advice-profile");
        file.setMinWidth(0);
        file.textProperty().bind(Bindings.createStringBinding(() -> model.profileFileProperty().get() == null
                ? "No profile read" : model.profileFileProperty().get().getFileName().toString(),
                model.profileFileProperty()));
        file.tooltipProperty().bind(Bindings.createObjectBinding(() -> model.profileFileProperty().get() == null ? null
                : new Tooltip(model.profileFileProperty().get().toAbsolutePath().toString()), model.profileFileProperty()));
        var measured = new Label();
        measured.getStyleClass().add("advice-muted");
        measured.setMinWidth(0);
        measured.textProperty().bind(Bindings.createStringBinding(() -> model.profileProperty().get() == null ? ""
                : String.format(Locale.ROOT, "%.1f s of design %s", model.profileProperty().get().seconds(),
                        model.profileProperty().get().design()), model.profileProperty()));
        var names = new VBox(2, file, measured);
        names.setMinWidth(0);
        var other = new Button("Profile\u2026", new FontIcon(Feather.FOLDER));
        other.setId("advice-choose-profile");
        other.setMinWidth(Region.USE_PREF_SIZE);
        other.setTooltip(new Tooltip("Advise from another profile file"));
        other.setOnAction(e -> chooseProfile());
        var spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        var row = new HBox(8, names, spacer, other);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private GridPane options() {
        var target = spinner("advice-target", model.targetPercentProperty(), 5, 100, 5);
        var cores = spinner("advice-cores", model.coresPerWorkerProperty(), 1, 256, 1);
        var targetLabel = new Label("Target CPU use, %");
        targetLabel.setTooltip(new Tooltip("The share of each worker's CPU the measured load may use"));
        var coresLabel = new Label("Cores per worker");
        coresLabel.setTooltip(new Tooltip("The CPU cores one worker has in production"));
        var grid = new GridPane();
        grid.getStyleClass().add("advice-options");
        grid.addRow(0, targetLabel, target);
        grid.addRow(1, coresLabel, cores);
        for (var label : new Label[] {targetLabel, coresLabel}) {
            label.setMinWidth(Region.USE_PREF_SIZE);
        }
        return grid;
    }

    private Label warning() {
        var warning = new Label(null, new FontIcon(Feather.ALERT_TRIANGLE));
        warning.setId("advice-warning");
        warning.getStyleClass().add("advice-warning");
        warning.setWrapText(true);
        warning.setMinHeight(Region.USE_PREF_SIZE);
        warning.textProperty().bind(model.warningProperty());
        warning.managedProperty().bind(model.warningProperty().isNotEmpty());
        warning.visibleProperty().bind(warning.managedProperty());
        return warning;
    }

    private VBox failure() {
        var title = new Label(null, new FontIcon(Feather.X_OCTAGON));
        title.setId("advice-failure");
        title.getStyleClass().add("open-problems-title");
        title.setWrapText(true);
        title.setMinHeight(Region.USE_PREF_SIZE);
        title.textProperty().bind(model.failureProperty());
        var box = new VBox(4, title);
        box.getStyleClass().add("open-problems");
        model.problems().addListener((ListChangeListener<String>) c -> {
            box.getChildren().setAll(title);
            for (var problem : model.problems()) {
                var line = new Label(problem);
                line.getStyleClass().add("open-problem");
                line.setWrapText(true);
                line.setMinHeight(Region.USE_PREF_SIZE);
                box.getChildren().add(line);
            }
        });
        box.managedProperty().bind(model.failureProperty().isNotEmpty());
        box.visibleProperty().bind(box.managedProperty());
        return box;
    }

    private VBox actions(Runnable compare) {
        var summary = new Label();
        summary.setId("advice-summary");
        summary.getStyleClass().add("advice-summary");
        summary.setWrapText(true);
        summary.setMinHeight(Region.USE_PREF_SIZE);
        summary.textProperty().bind(model.summaryProperty());
        var applyAll = new Button("Apply all", new FontIcon(Feather.CHECK_CIRCLE));
        applyAll.setId("advice-apply-all");
        applyAll.getStyleClass().add("accent");
        applyAll.setTooltip(new Tooltip("Make every suggestion, in order, as one change (Ctrl+Z undoes it)"));
        applyAll.disableProperty().bind(model.changesDesignProperty().not());
        applyAll.setOnAction(e -> model.applyAll());
        var compareButton = new Button("Compare with advised\u2026", new FontIcon(Feather.BAR_CHART_2));
        compareButton.setId("advice-compare");
        compareButton.setTooltip(new Tooltip("Run the design as it is against the design with every suggestion "
                + "applied, under the same load"));
        compareButton.disableProperty().bind(model.changesDesignProperty().not());
        compareButton.setOnAction(e -> compare.run());
        applyAll.setMinWidth(Region.USE_PREF_SIZE);
        compareButton.setMinWidth(Region.USE_PREF_SIZE);
        var buttons = new FlowPane(8, 8, applyAll, compareButton);
        var box = new VBox(8, summary, buttons);
        box.managedProperty().bind(model.profileProperty().isNotNull());
        box.visibleProperty().bind(box.managedProperty());
        return box;
    }

    private void fillCards() {
        cards.getChildren().clear();
        var shown = model.suggestions();
        for (int i = 0; i < shown.size(); i++) {
            var suggestion = shown.get(i);
            cards.getChildren().add(new SuggestionCard(suggestion, i + 1,
                    () -> model.apply(suggestion).ifPresent(reveal)));
        }
    }

    /** A number field that writes to the model as it changes; typed numbers count once Enter or focus leaves. */
    private static Spinner<Integer> spinner(String id, IntegerProperty value, int min, int max, int step) {
        var spinner = new Spinner<Integer>(min, max, value.get(), step);
        spinner.setId(id);
        spinner.setEditable(true);
        spinner.setPrefWidth(90);
        spinner.valueProperty().addListener((obs, old, now) -> value.set(now));
        value.addListener((obs, old, now) -> spinner.getValueFactory().setValue(now.intValue()));
        return spinner;
    }
}
