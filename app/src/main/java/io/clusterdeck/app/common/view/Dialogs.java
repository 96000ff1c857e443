package io.clusterdeck.app.common.view;

import java.util.Optional;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;

/** The few questions the app asks. */
public final class Dialogs {
    private Dialogs() {
    }

    /** What to do with unsaved changes before they would be lost. */
    public enum UnsavedChanges { SAVE, DISCARD, CANCEL }

    /**
     * Asks what to do with unsaved changes: save them (the default, so Enter keeps the work), throw them away, or
     * go back (Escape).
     */
    public static UnsavedChanges askToSave(Window owner, String name) {
        var save = new ButtonType("Save", ButtonBar.ButtonData.YES);
        var discard = new ButtonType("Don't save", ButtonBar.ButtonData.NO);
        var alert = new Alert(Alert.AlertType.CONFIRMATION, name + " has unsaved changes. Save them first?",
                save, discard, ButtonType.CANCEL);
        alert.initOwner(owner);
        alert.setHeaderText("Unsaved changes");
        ((Button) alert.getDialogPane().lookupButton(save)).setDefaultButton(true);
        ((Button) alert.getDialogPane().lookupButton(discard)).setDefaultButton(false);
        alert.getDialogPane().lookupButton(save).setId("save-changes");
        alert.getDialogPane().lookupButton(discard).setId("discard-changes");
        var answer = alert.showAndWait().orElse(ButtonType.CANCEL);
        return answer == save ? UnsavedChanges.SAVE : answer == discard ? UnsavedChanges.DISCARD : UnsavedChanges.CANCEL;
    }

    /** Whether to continue the unsaved work a previous session left. */
    public static boolean offerRecovery(Window owner, String what) {
        var recover = new ButtonType("Recover", ButtonBar.ButtonData.OK_DONE);
        var discard = new ButtonType("Discard", ButtonBar.ButtonData.CANCEL_CLOSE);
        var alert = new Alert(Alert.AlertType.CONFIRMATION,
                "Clusterdeck closed with unsaved changes to " + what + ". Recover them?", recover, discard);
        alert.initOwner(owner);
        alert.setHeaderText("Recover unsaved work");
        Optional<ButtonType> answer = alert.showAndWait();
        return answer.filter(recover::equals).isPresent();
    }
}
