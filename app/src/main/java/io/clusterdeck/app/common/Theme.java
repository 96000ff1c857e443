package io.clusterdeck.app.common;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;

/** The app's two looks, AtlantaFX's Primer light and dark; the app's own stylesheets use their colour names. */
public enum Theme {
    LIGHT, DARK;

    /** Makes this the look of every window. Call on the FX thread. */
    public void apply() {
        Application.setUserAgentStylesheet(this == DARK
                ? new PrimerDark().getUserAgentStylesheet() : new PrimerLight().getUserAgentStylesheet());
    }

    public Theme other() {
        return this == DARK ? LIGHT : DARK;
    }
}
