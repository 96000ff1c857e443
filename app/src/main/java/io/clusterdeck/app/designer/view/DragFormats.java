package io.clusterdeck.app.designer.view;

import javafx.scene.input.DataFormat;

/** Every kind of thing the designer drags. The dragboard carries names; the drop calls a command. */
public final class DragFormats {
    /** A function's name, dragged from the palette or from a segment card. */
    public static final DataFormat FUNCTION = new DataFormat("application/x-clusterdeck-function");

    private DragFormats() {
    }
}
