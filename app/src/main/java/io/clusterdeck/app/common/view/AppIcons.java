package io.clusterdeck.app.common.view;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.image.Image;

/** The app's own icon in every size it is drawn at, for window decorations and task bars. */
public final class AppIcons {
    private static final int[] SIZES = {16, 24, 32, 48, 64, 128, 256};

    private AppIcons() {
    }

    /** The icon at one of its drawn sizes (16, 24, 32, 48, 64, 128, 256), or null when missing. */
    public static Image image(int size) {
        var in = AppIcons.class.getResourceAsStream("/io/clusterdeck/app/icons/clusterdeck-" + size + ".png");
        return in == null ? null : new Image(in);
    }

    public static List<Image> windowIcons() {
        var images = new ArrayList<Image>();
        for (int size : SIZES) {
            try (InputStream in = AppIcons.class.getResourceAsStream("/io/clusterdeck/app/icons/clusterdeck-" + size + ".png")) {
                if (in != null) {
                    images.add(new Image(in));
                }
            } catch (java.io.IOException e) {
                // a missing size only makes the window manager scale another one
            }
        }
        return images;
    }
}
