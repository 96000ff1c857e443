package io.clusterdeck.app.monitor.view;

import io.clusterdeck.app.monitor.ProfileRecorder;
import javafx.beans.binding.Bindings;
import javafx.css.PseudoClass;
import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.stage.FileChooser;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Record profile / Stop recording, with the seconds recorded; on stop it asks where the profile goes, offering
 * {@code <design>-profile.json} next to the design.
 */
final class ProfileButton extends Button {
    private static final PseudoClass RECORDING = PseudoClass.getPseudoClass("recording");

    ProfileButton(ProfileRecorder recorder) {
        setId("record-profile");
        getStyleClass().add("record-profile");
        setMinWidth(Region.USE_PREF_SIZE);
        textProperty().bind(Bindings.createStringBinding(() -> recorder.recordingProperty().get()
                        ? "Stop recording \u00b7 " + recorder.secondsProperty().get() + " s" : "Record profile",
                recorder.recordingProperty(), recorder.secondsProperty()));
        graphicProperty().bind(Bindings.createObjectBinding(() -> new FontIcon(recorder.recordingProperty().get()
                ? "fth-square" : "fth-circle"), recorder.recordingProperty()));
        recorder.recordingProperty().addListener((obs, old, now) -> pseudoClassStateChanged(RECORDING, now));
        disableProperty().bind(recorder.busyProperty());
        var tip = new Tooltip();
        tip.textProperty().bind(Bindings.createStringBinding(() -> recorder.messageProperty().get().isEmpty()
                ? "Record what each function is called, costs and takes, until you stop; then save it as a profile"
                : recorder.messageProperty().get(), recorder.messageProperty()));
        setTooltip(tip);
        setOnAction(e -> {
            if (recorder.recordingProperty().get()) {
                recorder.stop();
            } else {
                recorder.start();
            }
        });
        recorder.recordedProperty().addListener((obs, old, profile) -> {
            if (profile != null && getScene() != null) {
                askWhere(recorder);
            }
        });
    }

    private void askWhere(ProfileRecorder recorder) {
        var chooser = new FileChooser();
        chooser.setTitle("Save the profile");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Clusterdeck profiles", "*.json"));
        var suggested = recorder.suggestedFile();
        if (suggested.getParent() != null && suggested.getParent().toFile().isDirectory()) {
            chooser.setInitialDirectory(suggested.getParent().toFile());
        }
        chooser.setInitialFileName(suggested.getFileName().toString());
        var chosen = chooser.showSaveDialog(getScene().getWindow());
        if (chosen == null) {
            recorder.discard();
        } else {
            recorder.save(chosen.toPath());
        }
    }
}
