package io.clusterdeck.app.designer.view;

import io.clusterdeck.app.designer.DesignerViewModel;
import io.clusterdeck.app.designer.Segmentation;
import io.clusterdeck.app.designer.Selection;
import io.clusterdeck.app.designer.Words;
import io.clusterdeck.design.Balancing;
import io.clusterdeck.design.Restart;
import io.clusterdeck.design.Segment;
import io.clusterdeck.design.WorkerCount;
import java.util.Locale;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * A segment as a card on the canvas: its functions, workers, balancing and restart policy. Functions dropped on it
 * move into it; its header drags the card.
 */
final class SegmentCard extends VBox {
    static final double WIDTH = Segmentation.CARD_WIDTH;
    static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");
    static final PseudoClass DROP_TARGET = PseudoClass.getPseudoClass("drop-target");
    static final PseudoClass INVALID = PseudoClass.getPseudoClass("invalid");

    private final Segment segment;
    private final DesignerViewModel model;
    private final HBox header = new HBox();
    private double pressX;
    private double pressY;
    private boolean dragged;

    SegmentCard(Segment segment, DesignerViewModel model) {
        this.segment = segment;
        this.model = model;
        getStyleClass().add("segment-card");
        setId("segment-" + segment.name());
        setPrefWidth(WIDTH);
        setMaxWidth(WIDTH);
        var problems = model.problemsOf(Selection.segment(segment.name()));
        pseudoClassStateChanged(SELECTED, model.selectionProperty().get().isSegment(segment.name()));
        pseudoClassStateChanged(INVALID, !problems.isEmpty());
        buildHeader();
        getChildren().add(header);
        var body = new VBox(functions());
        body.getStyleClass().add("card-body");
        if (segment.description() != null) {
            var description = new Label(segment.description());
            description.getStyleClass().add("card-description");
            description.setWrapText(true);
            body.getChildren().add(0, description);
        }
        getChildren().addAll(body, settings());
        for (var problem : problems) {
            var label = new Label(problem.message(), new FontIcon(Feather.ALERT_TRIANGLE));
            label.getStyleClass().add("card-problem");
            label.setWrapText(true);
            getChildren().add(label);
        }
        setOnMouseClicked(e -> model.selectionProperty().set(Selection.segment(segment.name())));
        acceptFunctionDrops();
    }

    String segmentName() {
        return segment.name();
    }

    private void buildHeader() {
        header.getStyleClass().add("card-header");
        header.setAlignment(Pos.CENTER_LEFT);
        var icon = new FontIcon(Feather.LAYERS);
        icon.getStyleClass().add("card-icon");
        var name = new Label(segment.name());
        name.getStyleClass().add("card-title");
        name.setMinWidth(0);
        var spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        var count = Badges.badge(Integer.toString(segment.functions().size()), "count");
        count.setTooltip(new Tooltip(Words.count(segment.functions().size(), "function")));
        var menu = new MenuButton(null, new FontIcon(Feather.MORE_HORIZONTAL));
        menu.getStyleClass().addAll("flat", "card-menu", "no-arrow");
        var rename = new MenuItem("Rename", new FontIcon(Feather.EDIT_2));
        rename.setOnAction(e -> startRename(name));
        var delete = new MenuItem("Delete segment", new FontIcon(Feather.TRASH_2));
        delete.setOnAction(e -> model.removeSegment(segment.name()));
        menu.getItems().addAll(rename, delete);
        header.getChildren().addAll(icon, name, spacer, count, menu);
        name.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                startRename(name);
            }
        });
        header.setOnMousePressed(e -> {
            pressX = e.getSceneX() - getLayoutX();
            pressY = e.getSceneY() - getLayoutY();
            dragged = false;
        });
        header.setOnMouseDragged(e -> {
            dragged = true;
            relocate(Math.max(0, e.getSceneX() - pressX), Math.max(0, e.getSceneY() - pressY));
            e.consume();
        });
        header.setOnMouseReleased(e -> {
            if (dragged) {
                model.moveSegmentCard(segment.name(), getLayoutX(), getLayoutY());
            }
        });
    }

    private void startRename(Label name) {
        var field = new TextField(segment.name());
        field.getStyleClass().add("rename-field");
        HBox.setHgrow(field, Priority.ALWAYS);
        int index = header.getChildren().indexOf(name);
        header.getChildren().set(index, field);
        Runnable commit = () -> model.renameSegment(segment.name(), field.getText()).ifPresentOrElse(error -> {
            field.setTooltip(new Tooltip(error));
            field.pseudoClassStateChanged(INVALID, true);
        }, () -> header.getChildren().set(header.getChildren().indexOf(field), name));
        field.setOnAction(e -> commit.run());
        field.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                header.getChildren().set(header.getChildren().indexOf(field), name);
            }
        });
        field.requestFocus();
        field.selectAll();
    }

    private VBox functions() {
        var list = new VBox();
        list.getStyleClass().add("card-functions");
        for (var functionName : segment.functions()) {
            model.design().function(functionName).ifPresent(f -> list.getChildren().add(new FunctionChip(f, model)));
        }
        if (list.getChildren().isEmpty()) {
            var hint = new Label("Drop functions here", new FontIcon(Feather.DOWNLOAD));
            hint.getStyleClass().add("drop-hint");
            hint.setMaxWidth(Double.MAX_VALUE);
            list.getChildren().add(hint);
        }
        return list;
    }

    private GridPane settings() {
        var grid = new GridPane();
        grid.getStyleClass().add("card-settings");
        var workers = new Spinner<Integer>(1, WorkerCount.MAX,
                segment.workers().perCore() ? 1 : segment.workers().fixed());
        workers.setEditable(true);
        workers.setId("workers-" + segment.name());
        workers.setPrefWidth(72);
        workers.setDisable(segment.workers().perCore());
        workers.valueProperty().addListener((obs, old, value) -> {
            // A card that was replaced by a newer one may still commit its editor; only a live card edits.
            if (value != null && workers.getScene() != null) {
                model.setWorkers(segment.name(), WorkerCount.of(value));
            }
        });
        var perCore = new ToggleButton("per core");
        perCore.setId("per-core-" + segment.name());
        perCore.setMinWidth(ToggleButton.USE_PREF_SIZE);
        perCore.setSelected(segment.workers().perCore());
        perCore.setTooltip(new Tooltip("One worker per CPU core of the machine it runs on"));
        perCore.setOnAction(e -> model.setWorkers(segment.name(),
                perCore.isSelected() ? WorkerCount.cores() : WorkerCount.of(workers.getValue())));
        var workerRow = new HBox(6, workers, perCore);
        workerRow.setAlignment(Pos.CENTER_LEFT);

        var balancing = choice(Balancing.values(), segment.balancing(), "balancing-" + segment.name());
        balancing.setOnAction(e -> model.setBalancing(segment.name(), balancing.getValue()));
        var restart = choice(Restart.values(), segment.restart(), "restart-" + segment.name());
        restart.setOnAction(e -> model.setRestart(segment.name(), restart.getValue()));

        grid.addRow(0, caption("Workers"), workerRow);
        grid.addRow(1, caption("Balancing"), balancing);
        grid.addRow(2, caption("Restart"), restart);
        return grid;
    }

    private static Label caption(String text) {
        var label = new Label(text);
        label.getStyleClass().add("setting-caption");
        label.setMinWidth(Label.USE_PREF_SIZE);
        return label;
    }

    static <E extends Enum<E>> ComboBox<E> choice(E[] values, E current, String id) {
        var box = new ComboBox<E>();
        box.getItems().setAll(values);
        box.setValue(current);
        box.setId(id);
        box.getStyleClass().add("small");
        box.setMaxWidth(Double.MAX_VALUE);
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(E value) {
                return value == null ? "" : value.name().toLowerCase(Locale.ROOT).replace('_', '-');
            }

            @Override
            public E fromString(String text) {
                return null;
            }
        });
        return box;
    }

    private void acceptFunctionDrops() {
        setOnDragOver(e -> {
            if (e.getDragboard().hasContent(DragFormats.FUNCTION)) {
                e.acceptTransferModes(TransferMode.MOVE);
            }
            e.consume();
        });
        setOnDragEntered(e -> {
            if (e.getDragboard().hasContent(DragFormats.FUNCTION)) {
                pseudoClassStateChanged(DROP_TARGET, true);
            }
        });
        setOnDragExited(e -> pseudoClassStateChanged(DROP_TARGET, false));
        setOnDragDropped(e -> {
            var name = (String) e.getDragboard().getContent(DragFormats.FUNCTION);
            boolean accepted = name != null;
            if (accepted) {
                model.moveFunction(name, segment.name());
            }
            e.setDropCompleted(accepted);
            e.consume();
        });
    }
}
