package io.clusterdeck.app;

import io.clusterdeck.app.workspace.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.UnaryOperator;
import javafx.stage.Stage;

/** A designer window on a copy of an example design, with its own workspace folder. */
final class DesignerFixture {
    static final Path DESIGNS = Path.of("").toAbsolutePath().getParent().resolve("designs");

    final Path home;
    final Path file;
    final DesignerWindow window;

    private DesignerFixture(Path home, Path file, DesignerWindow window) {
        this.home = home;
        this.file = file;
        this.window = window;
    }

    /** Copies an example design into a temporary folder and shows the designer on the copy. */
    static DesignerFixture open(Stage stage, Path temp, String example) throws IOException {
        return open(stage, temp, example, UnaryOperator.identity());
    }

    /** As {@link #open(Stage, Path, String)}, with the copy's text changed first. */
    static DesignerFixture open(Stage stage, Path temp, String example, UnaryOperator<String> change) throws IOException {
        Path file = Files.writeString(Files.createDirectories(temp.resolve("designs")).resolve(example),
                change.apply(Files.readString(DESIGNS.resolve(example))));
        return openFile(stage, temp, file);
    }

    /** Shows the designer on a design file as it is, with a workspace folder of its own under {@code temp}. */
    static DesignerFixture openFile(Stage stage, Path temp, Path file) throws IOException {
        Path home = Files.createDirectories(temp.resolve("home"));
        System.setProperty(Workspace.HOME_PROPERTY, home.toString());
        var window = DesignerWindow.show(stage, Workspace.current(), Optional.of(file));
        return new DesignerFixture(home, file, window);
    }
}
