package io.clusterdeck.app.designer.view;

import io.clusterdeck.app.common.FileNames;
import io.clusterdeck.app.common.Theme;
import io.clusterdeck.app.designer.DesignerViewModel;
import io.clusterdeck.app.designer.Selection;
import io.clusterdeck.app.designer.Templates;
import java.nio.file.Path;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The designer window's content: menus and toolbar, palette, canvas, inspector, and the previews below. */
public final class DesignerView extends BorderPane {
    private static final double PALETTE_WIDTH = 290;
    private static final double INSPECTOR_WIDTH = 310;

    private final DesignerViewModel model;
    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(this, "theme", Theme.LIGHT);
    private final TabPane previews = new TabPane();
    private final FileCommands files;
    private CanvasView canvas;
    private SplitPane main;
    private InspectorView inspector;

    private final Node launchControls;
    private final Node launchStatus;
    private final Menu clusterMenu;
    private final Runnable export;
    private final Runnable compare;
    private final Runnable advise;

    /**
     * The parts about launching come from the window that knows how to launch.
     *
     * @param launchControls the toolbar's launch part
     * @param launchStatus   what the launch is doing, for the status bar
     * @param clusterMenu    launch, stop and the live view as a menu
     * @param export         opens the Export dialog
     * @param compare        opens the Experiments view on this design
     * @param advise         asks for a profile and shows the advice for this design
     */
    public DesignerView(DesignerViewModel model, Node launchControls, Node launchStatus, Menu clusterMenu, Runnable export,
                        Runnable compare, Runnable advise) {
        this.model = model;
        this.compare = compare;
        this.advise = advise;
        this.launchControls = launchControls;
        this.launchStatus = launchStatus;
        this.clusterMenu = clusterMenu;
        this.export = export;
        this.files = new FileCommands(model, () -> getScene() == null ? null : getScene().getWindow());
        getStyleClass().add("designer");
        getStylesheets().add(DesignerView.class.getResource("designer.css").toExternalForm());
        theme.addListener((obs, old, now) -> now.apply());
        setTop(new VBox(menuBar(), toolBar()));
        var palette = new PaletteView(model);
        palette.setPrefWidth(PALETTE_WIDTH);
        palette.setMinWidth(240);
        inspector = new InspectorView(model);
        inspector.setPrefWidth(INSPECTOR_WIDTH);
        inspector.setMinWidth(260);
        canvas = new CanvasView(model);
        var center = new VBox(new OpenProblemsBanner(model), canvas);
        VBox.setVgrow(center.getChildren().get(1), Priority.ALWAYS);
        var centerSplit = new SplitPane(center, previews());
        centerSplit.setOrientation(Orientation.VERTICAL);
        centerSplit.setDividerPositions(0.68);
        main = new SplitPane(palette, centerSplit, inspector);
        // Side panes start at their preferred widths; the canvas gets the rest and every later resize.
        main.widthProperty().addListener(new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends Number> obs, Number old, Number width) {
                if (width.doubleValue() > 0) {
                    main.widthProperty().removeListener(this);
                    main.setDividerPositions(PALETTE_WIDTH / width.doubleValue(),
                            1 - INSPECTOR_WIDTH / width.doubleValue());
                }
            }
        });
        SplitPane.setResizableWithParent(palette, false);
        SplitPane.setResizableWithParent(inspector, false);
        setCenter(main);
        setBottom(statusBar());
    }

    /** The look the window has; changing it restyles every window. */
    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    /** Shows a panel, such as the advice, in the inspector's place at its preferred width, until {@link #closeAside()}. */
    public void showAside(Region panel) {
        if (main.getItems().get(2) != panel) {
            main.getItems().set(2, panel);
            SplitPane.setResizableWithParent(panel, false);
        }
        placeRightDivider(panel.prefWidth(-1));
    }

    /** Puts the inspector back in its place. */
    public void closeAside() {
        if (main.getItems().get(2) != inspector) {
            main.getItems().set(2, inspector);
            placeRightDivider(INSPECTOR_WIDTH);
        }
    }

    /** Scrolls the canvas as little as needed to show a segment's card whole. */
    public void reveal(String segmentName) {
        canvas.reveal(segmentName);
    }

    private void placeRightDivider(double width) {
        if (main.getWidth() > 0) {
            main.setDividerPosition(1, 1 - width / main.getWidth());
        }
    }

    /** Asks before unsaved changes are lost, and saves them when the user says so; true when the caller may go on. */
    public boolean mayDiscardChanges() {
        return files.mayDiscardChanges();
    }

    private MenuBar menuBar() {
        var file = new Menu("_File");
        var recent = new Menu("Open _recent");
        Runnable fillRecent = () -> {
            recent.getItems().clear();
            for (Path path : model.recentFiles()) {
                var item = new MenuItem(path.getFileName() + "  \u2014  " + path.getParent());
                item.setMnemonicParsing(false);
                item.setOnAction(e -> files.open(path));
                recent.getItems().add(item);
            }
            recent.setDisable(recent.getItems().isEmpty());
        };
        model.recentFiles().addListener((ListChangeListener<Path>) c -> fillRecent.run());
        fillRecent.run();
        var importBundle = item("_Import bundle\u2026", Feather.PACKAGE, null, files::importBundle);
        importBundle.setId("menu-import-bundle");
        if (!model.canImportBundles()) {
            importBundle.setText("Import bundle\u2026 (coming soon)");
            importBundle.setDisable(true);
        }
        var fromTemplate = new Menu("_New from template", new FontIcon(Feather.FILE_PLUS));
        fromTemplate.setId("menu-new");
        for (var template : Templates.all()) {
            var entry = new MenuItem(template.title());
            entry.setMnemonicParsing(false);
            entry.setOnAction(e -> files.newDesign(template));
            fromTemplate.getItems().add(entry);
        }
        file.getItems().addAll(
                item("New _design", Feather.FILE_PLUS, "Shortcut+N", () -> files.newDesign(Templates.all().get(0))),
                fromTemplate,
                item("_Open\u2026", Feather.FOLDER, "Shortcut+O", files::open),
                recent,
                new SeparatorMenuItem(),
                item("_Save", Feather.SAVE, "Shortcut+S", files::save),
                item("Save _as\u2026", null, "Shortcut+Shift+S", files::saveAs),
                new SeparatorMenuItem(),
                importBundle,
                exportItem(),
                new SeparatorMenuItem(),
                item("_Quit", null, "Shortcut+Q", files::quit));
        var undo = item("_Undo", Feather.ROTATE_CCW, "Shortcut+Z", model::undo);
        undo.disableProperty().bind(model.canUndoProperty().not());
        var redo = item("_Redo", Feather.ROTATE_CW, "Shortcut+Shift+Z", model::redo);
        redo.disableProperty().bind(model.canRedoProperty().not());
        var edit = new Menu("_Edit");
        edit.getItems().addAll(undo, redo, new SeparatorMenuItem(),
                item("Add _function", Feather.PLUS, "Shortcut+Shift+F", model::addFunction),
                item("Add _segment", Feather.PLUS_SQUARE, "Shortcut+Shift+N", this::addSegment),
                item("_Delete selected", Feather.TRASH_2, "Shortcut+DELETE", this::deleteSelected),
                new SeparatorMenuItem(),
                item("Ser_vices\u2026", Feather.SERVER, "Shortcut+E",
                        () -> model.selectionProperty().set(Selection.SERVICES)));
        var view = new Menu("_View");
        view.getItems().addAll(
                item("_Problems", null, "Shortcut+1", () -> previews.getSelectionModel().select(0)),
                item("P_lan", null, "Shortcut+2", () -> previews.getSelectionModel().select(1)),
                item("_JSON", null, "Shortcut+3", () -> previews.getSelectionModel().select(2)),
                new SeparatorMenuItem(),
                item("Toggle _dark theme", Feather.MOON, "Shortcut+Shift+D", () -> theme.set(theme.get().other())));
        var compareItem = item("_Compare\u2026", Feather.BAR_CHART_2, "Shortcut+Shift+M", compare);
        compareItem.setId("menu-compare");
        var adviseItem = item("_Advise\u2026", Feather.COMPASS, "Shortcut+Shift+A", advise);
        adviseItem.setId("menu-advise");
        clusterMenu.getItems().addAll(new SeparatorMenuItem(), adviseItem, compareItem);
        var bar = new MenuBar(file, edit, view, clusterMenu);
        bar.setUseSystemMenuBar(true);
        return bar;
    }

    private MenuItem exportItem() {
        var item = item("_Export for production…", Feather.SHARE, "Shortcut+Shift+E", export);
        item.setId("menu-export");
        return item;
    }

    /**
     * The toolbar. A row that never overflows: the design's title and file give way first (with an ellipsis),
     * every button keeps its size, so Launch, Stop and Monitor stay on screen in the smallest window.
     */
    private HBox toolBar() {
        var title = new Label();
        title.setMinWidth(0);
        title.getStyleClass().add("toolbar-title");
        title.textProperty().bind(Bindings.createStringBinding(
                () -> model.design().name() + (model.dirtyProperty().get() ? "  \u2022 unsaved" : ""),
                model.designProperty(), model.dirtyProperty()));
        title.setId("design-title");
        var location = new Label();
        location.setMinWidth(0);
        location.getStyleClass().add("toolbar-file");
        location.textProperty().bind(Bindings.createStringBinding(
                () -> model.file().map(FileNames::shortPath).orElse("not saved yet"), model.fileProperty()));
        location.tooltipProperty().bind(Bindings.createObjectBinding(
                () -> new Tooltip(model.file().map(p -> p.toAbsolutePath().toString()).orElse("")), model.fileProperty()));
        var undo = toolButton(Feather.ROTATE_CCW, "Undo (Ctrl+Z)", model::undo);
        undo.setId("undo");
        undo.disableProperty().bind(model.canUndoProperty().not());
        var redo = toolButton(Feather.ROTATE_CW, "Redo (Ctrl+Shift+Z)", model::redo);
        redo.setId("redo");
        redo.disableProperty().bind(model.canRedoProperty().not());
        var save = toolButton(Feather.SAVE, "Save (Ctrl+S)", files::save);
        save.setId("save");
        var addSegment = new Button("Segment", new FontIcon(Feather.PLUS));
        addSegment.setId("add-segment");
        addSegment.setTooltip(new Tooltip("Add a segment (Ctrl+Shift+N)"));
        addSegment.setOnAction(e -> addSegment());
        var services = new Button("Services", new FontIcon(Feather.SERVER));
        services.setTooltip(new Tooltip("Gateway, proxy and network settings (Ctrl+E)"));
        services.setOnAction(e -> model.selectionProperty().set(Selection.SERVICES));
        var importBundle = new Button("Import bundle", new FontIcon(Feather.PACKAGE));
        importBundle.setId("import-bundle");
        importBundle.setOnAction(e -> files.importBundle());
        importBundle.setDisable(!model.canImportBundles());
        var importHolder = new StackPane(importBundle);
        Tooltip.install(importHolder, new Tooltip(model.canImportBundles()
                ? "Add the functions of a bundle jar" : "coming soon"));
        var compareButton = new Button("Compare\u2026", new FontIcon(Feather.BAR_CHART_2));
        compareButton.setId("compare");
        compareButton.setTooltip(new Tooltip("Run this design against another under the same load and compare them "
                + "(Ctrl+Shift+M)"));
        compareButton.setOnAction(e -> compare.run());
        var adviseButton = new Button("Advise\u2026", new FontIcon(Feather.COMPASS));
        adviseButton.setId("advise");
        adviseButton.setTooltip(new Tooltip("Suggestions for this design from a profile of a run, each with its "
                + "evidence (Ctrl+Shift+A)"));
        adviseButton.setOnAction(e -> advise.run());
        var themeButton = toolButton(Feather.MOON, "Light or dark (Ctrl+Shift+D)", () -> theme.set(theme.get().other()));
        themeButton.setId("toggle-theme");
        var spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        var logo = new javafx.scene.image.ImageView(io.clusterdeck.app.common.view.AppIcons.image(24));
        for (var button : new Region[] {undo, redo, save, addSegment, services, importHolder, adviseButton,
                compareButton, themeButton}) {
            button.setMinWidth(Region.USE_PREF_SIZE);
        }
        var bar = new HBox(6, logo, title, location, spacer, undo, redo, save, separator(), addSegment, services,
                importHolder, separator(), adviseButton, compareButton, themeButton, launchControls);
        bar.getStyleClass().add("tool-bar");
        bar.setId("toolbar");
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    private Region separator() {
        var region = new Region();
        region.getStyleClass().add("toolbar-gap");
        return region;
    }

    private TabPane previews() {
        var problemsTab = new Tab();
        problemsTab.setContent(new ProblemsView(model));
        problemsTab.textProperty().bind(Bindings.size(model.problems()).asString("Problems (%d)"));
        problemsTab.setGraphic(new FontIcon(Feather.ALERT_TRIANGLE));
        var planTab = new Tab("Plan", new PlanView(model));
        planTab.setGraphic(new FontIcon(Feather.LIST));
        var json = new TextArea();
        json.setId("json-preview");
        json.setEditable(false);
        json.getStyleClass().add("json-preview");
        json.textProperty().bind(model.jsonProperty());
        var jsonTab = new Tab("JSON", json);
        jsonTab.setGraphic(new FontIcon(Feather.CODE));
        previews.getTabs().addAll(problemsTab, planTab, jsonTab);
        previews.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        previews.getStyleClass().add("previews");
        previews.setId("previews");
        return previews;
    }

    private HBox statusBar() {
        var message = new Label();
        message.setId("status-message");
        message.textProperty().bind(model.messageProperty());
        var summary = new Label();
        summary.setId("status-summary");
        summary.textProperty().bind(model.summaryProperty());
        var spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        message.setMinWidth(0);
        var bar = new HBox(12, message, spacer, launchStatus, summary);
        summary.setMinWidth(Region.USE_PREF_SIZE);
        bar.getStyleClass().add("status-bar");
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    /** Adds a segment where the canvas shows it, and scrolls it into view. */
    private void addSegment() {
        canvas.reveal(model.addSegment(canvas.visibleArea()));
    }

    private void deleteSelected() {
        var selection = model.selectionProperty().get();
        if (selection.kind() == Selection.Kind.FUNCTION) {
            model.removeFunction(selection.name());
        } else if (selection.kind() == Selection.Kind.SEGMENT) {
            model.removeSegment(selection.name());
        }
    }

    private static MenuItem item(String text, Feather icon, String accelerator, Runnable action) {
        var item = new MenuItem(text, icon == null ? null : new FontIcon(icon));
        if (accelerator != null) {
            item.setAccelerator(KeyCombination.keyCombination(accelerator));
        }
        item.setOnAction(e -> action.run());
        return item;
    }

    private static Button toolButton(Feather icon, String tip, Runnable action) {
        var button = new Button(null, new FontIcon(icon));
        button.getStyleClass().addAll("button-icon", "flat");
        button.setTooltip(new Tooltip(tip));
        button.setOnAction(e -> action.run());
        return button;
    }
}
