package io.clusterdeck.app.common;

import java.util.Optional;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;

/** The few questions the app asks. */
public final class Dialogs {
    private Dialogs() {
    }

    /** Whether unsaved changes may be thrown away. */
    public static boolean confirmDiscard(Window owner, String fileName) {
        var discard = new ButtonType("Discard changes", ButtonBar.ButtonData.OK_DONE);
        var alert = new Alert(Alert.AlertType.CONFIRMATION, fileName + " has unsaved changes. Discard them?",
                discard, ButtonType.CANCEL);
        alert.initOwner(owner);
        alert.setHeaderText("Unsaved changes");
        return alert.showAndWait().filter(discard::equals).isPresent();
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
