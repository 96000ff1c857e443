package io.clusterdeck.app.designer.view;

import atlantafx.base.controls.CustomTextField;
import io.clusterdeck.app.designer.DesignerViewModel;
import io.clusterdeck.app.designer.FunctionFacts;
import io.clusterdeck.app.designer.PaletteFilter;
import io.clusterdeck.app.designer.Selection;
import io.clusterdeck.design.Function;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** Every function of the design, searchable; drag one onto a segment card, or drop one here to unassign it. */
final class PaletteView extends VBox {
    static final PseudoClass DROP_TARGET = PseudoClass.getPseudoClass("drop-target");

    private final DesignerViewModel model;
    private final CustomTextField search = new CustomTextField();
    private final ComboBox<PaletteFilter> filter = new ComboBox<>();
    private final ListView<Function> list = new ListView<>();
    private final Label count = new Label();

    PaletteView(DesignerViewModel model) {
        this.model = model;
        getStyleClass().add("palette");
        setId("palette");
        var title = new Label("Functions");
        title.getStyleClass().add("pane-title");
        count.getStyleClass().add("pane-count");
        var spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        var add = iconButton(Feather.PLUS, "Add a function (Ctrl+Shift+F)");
        add.setId("add-function");
        add.setOnAction(e -> model.addFunction());
        var remove = iconButton(Feather.TRASH_2, "Delete the selected function");
        remove.setId("remove-function");
        remove.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        remove.setOnAction(e -> {
            var selected = list.getSelectionModel().getSelectedItem();
            if (selected != null) {
                model.removeFunction(selected.name());
            }
        });
        var header = new HBox(8, title, count, spacer, add, remove);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("pane-header");

        search.setPromptText("Search functions");
        search.setLeft(new FontIcon(Feather.SEARCH));
        search.setId("palette-search");
        filter.getItems().setAll(PaletteFilter.values());
        filter.setValue(PaletteFilter.ALL);
        filter.setMaxWidth(Double.MAX_VALUE);
        filter.setId("palette-filter");
        var controls = new VBox(8, search, filter);
        controls.getStyleClass().add("palette-controls");

        list.setId("palette-list");
        list.getStyleClass().add("palette-list");
        list.setCellFactory(v -> new FunctionCell());
        list.setPlaceholder(new Label("No function matches"));
        VBox.setVgrow(list, Priority.ALWAYS);
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null) {
                model.selectionProperty().set(Selection.function(now.name()));
            }
        });
        getChildren().addAll(header, controls, list);

        search.textProperty().addListener((obs, old, now) -> refresh());
        filter.valueProperty().addListener((obs, old, now) -> refresh());
        model.designProperty().addListener((obs, old, now) -> refresh());
        model.selectionProperty().addListener((obs, old, now) -> {
            if (now.kind() == Selection.Kind.FUNCTION) {
                list.getItems().stream().filter(f -> now.isFunction(f.name())).findFirst().ifPresent(f -> {
                    list.getSelectionModel().select(f);
                    list.scrollTo(f);
                });
            } else {
                list.getSelectionModel().clearSelection();
            }
        });
        acceptDrops();
        refresh();
    }

    private void refresh() {
        var selected = model.selectionProperty().get();
        var functions = filter.getValue().apply(model.design(), search.getText());
        list.getItems().setAll(functions);
        functions.stream().filter(f -> selected.isFunction(f.name())).findFirst()
                .ifPresent(f -> list.getSelectionModel().select(f));
        count.setText(functions.size() == model.design().functions().size()
                ? Integer.toString(functions.size()) : functions.size() + " of " + model.design().functions().size());
    }

    private void acceptDrops() {
        setOnDragOver(e -> {
            if (e.getDragboard().hasContent(DragFormats.FUNCTION) && e.getGestureSource() instanceof FunctionChip) {
                e.acceptTransferModes(TransferMode.MOVE);
                pseudoClassStateChanged(DROP_TARGET, true);
            }
            e.consume();
        });
        setOnDragExited(e -> pseudoClassStateChanged(DROP_TARGET, false));
        setOnDragDropped(e -> {
            var name = (String) e.getDragboard().getContent(DragFormats.FUNCTION);
            if (name != null) {
                model.moveFunction(name, null);
            }
            e.setDropCompleted(name != null);
            e.consume();
        });
    }

    private static Button iconButton(Feather icon, String tip) {
        var button = new Button(null, new FontIcon(icon));
        button.getStyleClass().addAll("button-icon", "flat");
        button.setTooltip(new Tooltip(tip));
        return button;
    }

    /** One function: name, badges and where it is. */
    private final class FunctionCell extends ListCell<Function> {
        FunctionCell() {
            getStyleClass().add("function-cell");
            setOnDragDetected(e -> {
                if (getItem() == null) {
                    return;
                }
                var board = startDragAndDrop(TransferMode.MOVE);
                var content = new ClipboardContent();
                content.put(DragFormats.FUNCTION, getItem().name());
                board.setContent(content);
                board.setDragView(snapshot(null, null));
                e.consume();
            });
        }

        @Override
        protected void updateItem(Function function, boolean empty) {
            super.updateItem(function, empty);
            setText(null);
            if (empty || function == null) {
                setGraphic(null);
                setId(null);
                return;
            }
            setId("palette-" + function.name().replace('/', '-'));
            var name = new Label(function.name());
            name.getStyleClass().add("function-name");
            name.setMinWidth(0);
            var spacer = new Region();
            HBox.setHgrow(spacer, Priority.ALWAYS);
            var top = new HBox(6, name, spacer, Badges.cost(function));
            top.setAlignment(Pos.CENTER_LEFT);
            var where = model.design().segmentOf(function.name())
                    .map(s -> new Label(s.name(), new FontIcon(Feather.LAYERS)))
                    .orElseGet(() -> new Label("in no segment", new FontIcon(Feather.CIRCLE)));
            where.getStyleClass().add("function-where");
            var whereSpacer = new Region();
            HBox.setHgrow(whereSpacer, Priority.ALWAYS);
            var bottom = new HBox(4, Badges.access(function), Badges.implementation(function), whereSpacer, where);
            bottom.setAlignment(Pos.CENTER_LEFT);
            var box = new VBox(4, top, bottom);
            box.pseudoClassStateChanged(Badges.COSTLY, FunctionFacts.costly(function));
            box.pseudoClassStateChanged(FunctionChip.INVALID,
                    !model.problemsOf(Selection.function(function.name())).isEmpty());
            box.getStyleClass().add("function-entry");
            setGraphic(box);
        }
    }
}
