package io.clusterdeck.app.designer.view;

import io.clusterdeck.app.designer.FunctionFacts;
import io.clusterdeck.design.Function;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;

/** The small labels that say a function's access level, implementation and modelled cost. */
final class Badges {
    static final PseudoClass COSTLY = PseudoClass.getPseudoClass("costly");

    private Badges() {
    }

    static Label access(Function function) {
        var label = badge(function.access().json(), "access-" + function.access().json());
        label.setTooltip(new Tooltip(switch (function.access()) {
            case PUBLIC -> "Public: callable from outside through the proxy";
            case PROTECTED -> "Protected: callable by cluster members holding the cluster key";
            case PRIVATE -> "Private: callable only by other functions";
        }));
        return label;
    }

    static Label implementation(Function function) {
        var kind = FunctionFacts.implementation(function);
        var label = badge(kind, "impl-" + kind);
        label.setTooltip(new Tooltip(function.hasJavaImplementation()
                ? "Java: " + function.java().className() + "." + function.java().method()
                : "Simulated: burns CPU and waits as its cost model says"));
        return label;
    }

    static Label cost(Function function) {
        var label = badge(FunctionFacts.cost(function), "cost");
        label.pseudoClassStateChanged(COSTLY, FunctionFacts.costly(function));
        label.setVisible(!label.getText().isEmpty());
        label.setManaged(label.isVisible());
        label.setTooltip(new Tooltip("Modelled cost of one call: CPU plus mean latency"
                + (FunctionFacts.costly(function) ? " (costly)" : "")));
        return label;
    }

    static Label badge(String text, String style) {
        var label = new Label(text);
        label.getStyleClass().addAll("badge", style);
        label.setMinWidth(Label.USE_PREF_SIZE);
        return label;
    }
}
