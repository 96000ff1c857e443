package io.clusterdeck.app.advice.view;

import io.clusterdeck.app.advice.Suggestion;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * One suggestion as a card: its kind as a tag, what it concerns, the message, the measured evidence, the expected
 * effect, and Apply when it changes the design.
 */
final class SuggestionCard extends VBox {
    /** @param number the card's place in the list, from 1; ids end in it */
    SuggestionCard(Suggestion suggestion, int number, Runnable apply) {
        var advice = suggestion.advice();
        getStyleClass().add("suggestion-card");
        setId("advice-card-" + number);
        var tag = new Label(advice.kind().json());
        tag.getStyleClass().addAll("advice-tag", "advice-" + advice.kind().json());
        tag.setMinWidth(Region.USE_PREF_SIZE);
        var subject = wrapped(suggestion.subject(), "advice-subject");
        HBox.setHgrow(subject, Priority.ALWAYS);
        subject.setMaxWidth(Double.MAX_VALUE);
        var head = new HBox(8, tag, subject);
        head.setAlignment(Pos.TOP_LEFT);
        // Apply sits in the head, so it is in view however long the evidence below is.
        if (advice.changesDesign()) {
            var button = new Button("Apply", new FontIcon(Feather.CHECK));
            button.setId("advice-apply-" + number);
            button.setMinWidth(Region.USE_PREF_SIZE);
            button.setDisable(!suggestion.applicable());
            button.setTooltip(new Tooltip("Make this change to the design as one step (Ctrl+Z undoes it)"));
            button.setOnAction(e -> apply.run());
            head.getChildren().add(button);
        }
        var message = wrapped(advice.message(), "advice-message");
        var evidence = wrapped(advice.evidence(), "advice-evidence");
        evidence.setId("advice-evidence-" + number);
        var effect = wrapped(advice.effect(), "advice-effect");
        getChildren().addAll(head, message, caption("Evidence"), evidence, caption("Expected effect"), effect);
        if (!advice.changesDesign()) {
            getChildren().add(note("Changes nothing by itself: the message says what to do"));
        } else if (!suggestion.applicable()) {
            getChildren().add(note("Builds on the suggestions above it: apply those first, or Apply all"));
        }
    }

    private static Label note(String text) {
        var note = wrapped(text, "advice-note");
        note.setGraphic(new FontIcon(Feather.INFO));
        return note;
    }

    private static Label caption(String text) {
        var label = new Label(text);
        label.getStyleClass().add("advice-caption");
        return label;
    }

    private static Label wrapped(String text, String style) {
        var label = new Label(text);
        label.getStyleClass().add(style);
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        return label;
    }
}
