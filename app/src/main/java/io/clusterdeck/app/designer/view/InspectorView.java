package io.clusterdeck.app.designer.view;

import io.clusterdeck.app.designer.DesignerViewModel;
import io.clusterdeck.app.designer.Edits;
import io.clusterdeck.app.designer.Selection;
import io.clusterdeck.design.Access;
import io.clusterdeck.design.Function;
import io.clusterdeck.design.Mode;
import io.clusterdeck.design.Segment;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The selected function, segment or the services, as a form. Fields commit on Enter or when they lose focus;
 * a refused value stays in the field with the reason under it.
 */
final class InspectorView extends VBox {
    private final DesignerViewModel model;
    private final VBox content = new VBox(12);
    private final Label error = new Label();

    InspectorView(DesignerViewModel model) {
        this.model = model;
        getStyleClass().add("inspector");
        setId("inspector");
        var scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("inspector-scroll");
        VBox.setVgrow(scroll, Priority.ALWAYS);
        content.getStyleClass().add("inspector-content");
        error.getStyleClass().add("field-error");
        error.setWrapText(true);
        error.setId("inspector-error");
        getChildren().add(scroll);
        model.selectionProperty().addListener((obs, old, now) -> {
            error.setText("");
            rebuild();
        });
        model.designProperty().addListener((obs, old, now) -> rebuild());
        rebuild();
    }

    private void rebuild() {
        // The form is rebuilt after each edit; focus stays on the field of the same name.
        var focused = getScene() == null ? null : getScene().getFocusOwner();
        String focusedId = focused != null && focused.getId() != null && isInside(focused) ? focused.getId() : null;
        content.getChildren().clear();
        var selection = model.selectionProperty().get();
        switch (selection.kind()) {
            case FUNCTION:
                model.design().function(selection.name()).ifPresentOrElse(this::showFunction, this::showDesign);
                break;
            case SEGMENT:
                model.design().segment(selection.name()).ifPresentOrElse(this::showSegment, this::showDesign);
                break;
            case SERVICES:
                showServices();
                break;
            default:
                showDesign();
        }
        content.getChildren().add(error);
        if (focusedId != null) {
            var again = content.lookup("#" + focusedId);
            if (again != null) {
                again.requestFocus();
            }
        }
    }

    private boolean isInside(Node node) {
        for (var n = node; n != null; n = n.getParent()) {
            if (n == content) {
                return true;
            }
        }
        return false;
    }

    private void showDesign() {
        var design = model.design();
        header(Feather.FILE_TEXT, "Design", design.name());
        if (design.description() != null) {
            content.getChildren().add(wrapped(design.description(), "inspector-description"));
        }
        content.getChildren().add(wrapped(model.summaryProperty().get(), "inspector-note"));
        problemsOf(Selection.NONE);
        var services = new Button("Gateway, proxy and network", new FontIcon(Feather.SERVER));
        services.setOnAction(e -> model.selectionProperty().set(Selection.SERVICES));
        content.getChildren().addAll(services,
                wrapped("Select a function or a segment card to edit it.", "inspector-note"));
    }

    private void showFunction(Function function) {
        header(Feather.CODE, "Function", function.name());
        var badges = new HBox(4, Badges.access(function), Badges.implementation(function), Badges.cost(function));
        content.getChildren().add(badges);
        problemsOf(Selection.function(function.name()));
        String name = function.name();
        var form = new GridPane();
        form.getStyleClass().add("inspector-form");
        int row = 0;
        form.addRow(row++, caption("Name"), field("function-name", name,
                text -> model.editFunction(name, f -> f.withName(text.strip()))));
        form.addRow(row++, caption("Description"), field("function-description",
                function.description() == null ? "" : function.description(),
                text -> model.editFunction(name, Edits.description(text))));
        var access = SegmentCard.choice(Access.values(), function.access(), "function-access");
        access.setOnAction(e -> report(model.editFunction(name, f -> f.withAccess(access.getValue()))));
        form.addRow(row++, caption("Access"), access);
        var idempotent = new CheckBox("may be retried");
        idempotent.setSelected(function.idempotent());
        idempotent.setOnAction(e -> report(model.editFunction(name, f -> f.withIdempotent(idempotent.isSelected()))));
        form.addRow(row++, caption("Idempotent"), idempotent);
        if (function.simulate() != null) {
            var simulation = function.simulate();
            form.addRow(row++, caption("CPU ms"), field("function-cpu", Edits.number(simulation.cpuMs()),
                    text -> model.editFunction(name, Edits.cpuMs(text))));
            form.addRow(row++, caption("Latency ms"), field("function-latency",
                    simulation.latency() == null ? "0" : Edits.number(simulation.latency().meanMs()),
                    text -> model.editFunction(name, Edits.latencyMs(text))));
            form.addRow(row++, caption("Error rate"), field("function-errors", Edits.number(simulation.errorRate()),
                    text -> model.editFunction(name, Edits.errorRate(text))));
        } else {
            form.addRow(row++, caption("Java"), new Label(function.java().className() + "." + function.java().method()));
        }
        form.addRow(row++, caption("Calls"), calls(function));
        form.addRow(row, caption("Segment"), segmentChoice(name));
        content.getChildren().add(form);
        var remove = new Button("Delete function", new FontIcon(Feather.TRASH_2));
        remove.getStyleClass().add("danger");
        remove.setOnAction(e -> model.removeFunction(name));
        content.getChildren().add(remove);
    }

    private void showSegment(Segment segment) {
        header(Feather.LAYERS, "Segment", segment.name());
        problemsOf(Selection.segment(segment.name()));
        var form = new GridPane();
        form.getStyleClass().add("inspector-form");
        form.addRow(0, caption("Name"), field("segment-name", segment.name(),
                text -> model.renameSegment(segment.name(), text)));
        String name = segment.name();
        int row = 1;
        form.addRow(row++, caption("Workers"), new Label(segment.workers().toString()));
        form.addRow(row++, caption("Balancing"), new Label(segment.balancing().json()));
        form.addRow(row++, caption("Restart"), new Label(segment.restart().json()));
        form.addRow(row++, caption("Heap MB"), field("segment-heap", Integer.toString(segment.jvm().heapMb()),
                text -> model.editSegment(name, Edits.heapMb(text))));
        var autoscale = new CheckBox("in production");
        autoscale.setId("segment-autoscale");
        autoscale.setSelected(segment.autoscale() != null);
        autoscale.setOnAction(e -> report(model.editSegment(name, Edits.autoscale(autoscale.isSelected()))));
        form.addRow(row++, caption("Autoscale"), autoscale);
        var bounds = segment.autoscale();
        if (bounds != null) {
            var min = field("autoscale-min", Integer.toString(bounds.minWorkers()), text -> model.editSegment(name,
                    Edits.autoscale(text, Integer.toString(bounds.maxWorkers()), Integer.toString(bounds.cpuPercent()))));
            var max = field("autoscale-max", Integer.toString(bounds.maxWorkers()), text -> model.editSegment(name,
                    Edits.autoscale(Integer.toString(bounds.minWorkers()), text, Integer.toString(bounds.cpuPercent()))));
            var cpu = field("autoscale-cpu", Integer.toString(bounds.cpuPercent()), text -> model.editSegment(name,
                    Edits.autoscale(Integer.toString(bounds.minWorkers()), Integer.toString(bounds.maxWorkers()), text)));
            form.addRow(row++, caption("Workers from"), min);
            form.addRow(row++, caption("Workers to"), max);
            form.addRow(row++, caption("At CPU %"), cpu);
        }
        form.addRow(row, caption("Functions"), wrapped(segment.functions().isEmpty() ? "none"
                : String.join("\n", segment.functions()), "inspector-list"));
        content.getChildren().add(form);
        var remove = new Button("Delete segment", new FontIcon(Feather.TRASH_2));
        remove.getStyleClass().add("danger");
        remove.setOnAction(e -> model.removeSegment(segment.name()));
        content.getChildren().add(remove);
    }

    private void showServices() {
        var design = model.design();
        header(Feather.SERVER, "Services", "gateway, proxy, network");
        problemsOf(Selection.SERVICES);
        var health = design.gateway().healthCheck();
        var form = new GridPane();
        form.getStyleClass().add("inspector-form");
        var mode = SegmentCard.choice(Mode.values(), design.mode(), "mode");
        mode.setOnAction(e -> report(model.editDesign(d -> d.withMode(mode.getValue()))));
        int row = 0;
        form.addRow(row++, caption("Mode"), mode);
        form.add(section("Gateway health checks"), 0, row++, 2, 1);
        form.addRow(row++, caption("Every ms"), designField("health-interval", health.intervalMs(),
                Edits::healthInterval));
        form.addRow(row++, caption("Timeout ms"), designField("health-timeout", health.timeoutMs(),
                Edits::healthTimeout));
        form.addRow(row++, caption("Unhealthy after"), designField("health-unhealthy", health.unhealthyThreshold(),
                Edits::unhealthyThreshold));
        form.add(section("Gateway calls"), 0, row++, 2, 1);
        form.addRow(row++, caption("Timeout ms"), designField("request-timeout", design.gateway().requestTimeoutMs(),
                Edits::requestTimeout));
        form.addRow(row++, caption("Retries"), designField("retries", design.gateway().retries(), Edits::retries));
        form.addRow(row++, caption("Gateways"), designField("gateway-replicas", design.gateway().replicas(),
                Edits::gatewayReplicas));
        form.add(section("Proxy and network"), 0, row++, 2, 1);
        var proxy = new CheckBox("proxy in front");
        proxy.setSelected(design.proxy().enabled());
        proxy.setOnAction(e -> report(model.editDesign(Edits.proxy(proxy.isSelected()))));
        form.addRow(row++, caption("Proxy"), proxy);
        var hop = design.network().hopLatency();
        form.addRow(row, caption("Hop latency ms"), field("hop-latency", hop == null ? "0" : Edits.number(hop.meanMs()),
                text -> model.editDesign(Edits.hopLatency(text))));
        content.getChildren().add(form);
    }

    /** The functions it calls, each with a button that removes it, and a list to add one more. */
    private Node calls(Function function) {
        String name = function.name();
        var box = new VBox(4);
        box.setId("function-calls");
        for (var callee : function.calls()) {
            var remove = new Button(null, new FontIcon(Feather.X));
            remove.getStyleClass().addAll("button-icon", "flat", "small");
            remove.setId("remove-call-" + callee.replace('/', '-'));
            remove.setTooltip(new javafx.scene.control.Tooltip("No longer call " + callee));
            remove.setOnAction(e -> report(model.editFunction(name, Edits.removeCall(callee))));
            var label = new Label(callee);
            label.getStyleClass().add("inspector-call");
            var spacer = new javafx.scene.layout.Region();
            HBox.setHgrow(spacer, Priority.ALWAYS);
            var line = new HBox(4, label, spacer, remove);
            line.setAlignment(Pos.CENTER_LEFT);
            box.getChildren().add(line);
        }
        var add = new javafx.scene.control.ComboBox<String>();
        add.setId("call-add");
        add.setPromptText("Add a call\u2026");
        add.setMaxWidth(Double.MAX_VALUE);
        add.getItems().setAll(model.design().functions().stream().map(Function::name)
                .filter(f -> !f.equals(name) && !function.calls().contains(f)).toList());
        add.setOnAction(e -> {
            var callee = add.getValue();
            if (callee != null) {
                report(model.editFunction(name, Edits.addCall(callee)));
            }
        });
        box.getChildren().add(add);
        return box;
    }

    /** Which segment holds the function; choosing another moves it there, as a drag onto its card does. */
    private Node segmentChoice(String function) {
        final String none = "none";
        var choice = new javafx.scene.control.ComboBox<String>();
        choice.setId("function-segment");
        choice.setMaxWidth(Double.MAX_VALUE);
        choice.getItems().add(none);
        model.design().segments().forEach(s -> choice.getItems().add(s.name()));
        choice.setValue(model.design().segmentOf(function).map(Segment::name).orElse(none));
        choice.setOnAction(e -> {
            var target = choice.getValue();
            if (target != null) {
                model.moveFunction(function, none.equals(target) ? null : target);
            }
        });
        return choice;
    }

    private void header(Feather icon, String kind, String name) {
        var kindLabel = new Label(kind.toUpperCase(java.util.Locale.ROOT));
        kindLabel.getStyleClass().add("inspector-kind");
        var title = new Label(name, new FontIcon(icon));
        title.getStyleClass().add("inspector-title");
        title.setWrapText(true);
        content.getChildren().add(new VBox(2, kindLabel, title));
    }

    private void problemsOf(Selection element) {
        for (var problem : model.problemsOf(element)) {
            var label = wrapped(problem.message(), "inspector-problem");
            label.setGraphic(new FontIcon(Feather.ALERT_TRIANGLE));
            content.getChildren().add(label);
        }
    }

    private TextField designField(String id, int value, java.util.function.Function<String, UnaryOperator<io.clusterdeck.design.Design>> edit) {
        return field(id, Integer.toString(value), text -> model.editDesign(edit.apply(text)));
    }

    private TextField field(String id, String value, java.util.function.Function<String, Optional<String>> commit) {
        var field = new TextField(value);
        field.setId(id);
        GridPane.setHgrow(field, Priority.ALWAYS);
        Supplier<Void> apply = () -> {
            if (!field.getText().equals(value)) {
                report(commit.apply(field.getText()));
            }
            return null;
        };
        field.setOnAction(e -> apply.get());
        field.focusedProperty().addListener((obs, was, now) -> {
            if (!now && field.getScene() != null) {
                apply.get();
            }
        });
        return field;
    }

    private void report(Optional<String> problem) {
        error.setText(problem.orElse(""));
    }

    private static Label caption(String text) {
        var label = new Label(text);
        label.getStyleClass().add("setting-caption");
        label.setMinWidth(Label.USE_PREF_SIZE);
        return label;
    }

    private static Node section(String text) {
        var label = new Label(text);
        label.getStyleClass().add("inspector-section");
        var box = new HBox(label);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private static Label wrapped(String text, String style) {
        var label = new Label(text);
        label.getStyleClass().add(style);
        label.setWrapText(true);
        label.setMaxWidth(Double.MAX_VALUE);
        return label;
    }

}
