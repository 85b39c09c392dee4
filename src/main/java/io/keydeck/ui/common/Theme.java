package io.keydeck.ui.common;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;

import java.util.List;

/** The AtlantaFX look the app runs in; light unless the user asks for dark. */
public enum Theme {
    LIGHT, DARK;

    /** {@code --dark} on the command line or {@code -Dkeydeck.theme=dark} picks the dark theme. */
    public static Theme fromArguments(List<String> rawArguments) {
        boolean dark = rawArguments.contains("--dark")
                || "dark".equalsIgnoreCase(System.getProperty("keydeck.theme"));
        return dark ? DARK : LIGHT;
    }

    public void apply() {
        String stylesheet = this == DARK
                ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet();
        Application.setUserAgentStylesheet(stylesheet);
    }
}
