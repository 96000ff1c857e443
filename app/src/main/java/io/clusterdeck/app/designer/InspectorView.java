package io.clusterdeck.app.designer;

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
    private final DesignerModel model;
    private final VBox content = new VBox(12);
    private final Label error = new Label();

    InspectorView(DesignerModel model) {
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
        form.addRow(row++, caption("Calls"), field("function-calls", String.join(", ", function.calls()),
                text -> model.editFunction(name, Edits.calls(text))));
        form.addRow(row, caption("Segment"), new Label(model.design().segmentOf(name).map(Segment::name)
                .orElse("none: drag it onto a card")));
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
        form.addRow(1, caption("Workers"), new Label(segment.workers().toString()));
        form.addRow(2, caption("Balancing"), new Label(segment.balancing().json()));
        form.addRow(3, caption("Restart"), new Label(segment.restart().json()));
        form.addRow(4, caption("Heap"), new Label(segment.jvm().heapMb() + " MB"));
        form.addRow(5, caption("Functions"), wrapped(segment.functions().isEmpty() ? "none"
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
