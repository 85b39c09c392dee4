package io.keydeck.ui.common;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** The AtlantaFX look the app runs in: the user's choice, else the OS preference, else light. */
public enum Theme {
    LIGHT, DARK;

    /** {@code --dark}/{@code --light} on the command line or {@code -Dkeydeck.theme=dark|light}, if given. */
    public static Optional<Theme> fromArguments(List<String> rawArguments) {
        String property = System.getProperty("keydeck.theme", "");
        if (rawArguments.contains("--dark") || "dark".equalsIgnoreCase(property)) {
            return Optional.of(DARK);
        }
        if (rawArguments.contains("--light") || "light".equalsIgnoreCase(property)) {
            return Optional.of(LIGHT);
        }
        return Optional.empty();
    }

    /** The look for the saved {@code choice}; {@code system} is asked only when the choice is SYSTEM. */
    public static Theme of(io.keydeck.settings.Theme choice, Supplier<Theme> system) {
        return switch (choice) {
            case LIGHT -> LIGHT;
            case DARK -> DARK;
            case SYSTEM -> system.get();
        };
    }

    /**
     * Applies this look and runs one CSS pass over a throw-away label, so the stylesheet is loaded
     * before the window needs it; FX thread only. {@link #apply()} still decides the final look.
     */
    public void preload() {
        apply();
        new javafx.scene.Scene(new javafx.scene.control.Label()).getRoot().applyCss();
    }

    public void apply() {
        String stylesheet = this == DARK
                ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet();
        Application.setUserAgentStylesheet(stylesheet);
    }
}
