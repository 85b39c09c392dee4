package io.keydeck.settings;

import java.util.Optional;

/**
 * How the user likes KeyDeck to behave and where they left it. Every field has a default, so a
 * settings file from an older version (or with a field removed by hand) still loads.
 *
 * @param clipboardClearSeconds seconds before a copied secret is cleared from the clipboard
 * @param lastView              id of the view shown at exit (e.g. "keys"), or null
 * @param windowGeometry        null until the window has been placed once
 * @param selectedConnectionId  the connection shown at exit, or null
 */
public record Preferences(Theme theme, int clipboardClearSeconds, ReviewThresholds reviewThresholds,
                          String lastView, WindowGeometry windowGeometry, String selectedConnectionId) {
    public static final int DEFAULT_CLIPBOARD_CLEAR_SECONDS = 30;
    public static final Preferences DEFAULTS = new Preferences(Theme.SYSTEM, DEFAULT_CLIPBOARD_CLEAR_SECONDS,
            ReviewThresholds.DEFAULTS, null, null, null);

    public Preferences {
        theme = theme == null ? Theme.SYSTEM : theme;
        clipboardClearSeconds = clipboardClearSeconds > 0 ? clipboardClearSeconds : DEFAULT_CLIPBOARD_CLEAR_SECONDS;
        reviewThresholds = reviewThresholds == null ? ReviewThresholds.DEFAULTS : reviewThresholds;
    }

    public Optional<WindowGeometry> window() {
        return Optional.ofNullable(windowGeometry);
    }

    public Preferences withTheme(Theme newTheme) {
        return new Preferences(newTheme, clipboardClearSeconds, reviewThresholds, lastView, windowGeometry, selectedConnectionId);
    }

    public Preferences withClipboardClearSeconds(int seconds) {
        return new Preferences(theme, seconds, reviewThresholds, lastView, windowGeometry, selectedConnectionId);
    }

    public Preferences withReviewThresholds(ReviewThresholds thresholds) {
        return new Preferences(theme, clipboardClearSeconds, thresholds, lastView, windowGeometry, selectedConnectionId);
    }

    public Preferences withLastView(String view) {
        return new Preferences(theme, clipboardClearSeconds, reviewThresholds, view, windowGeometry, selectedConnectionId);
    }

    public Preferences withWindowGeometry(WindowGeometry geometry) {
        return new Preferences(theme, clipboardClearSeconds, reviewThresholds, lastView, geometry, selectedConnectionId);
    }

    public Preferences withSelectedConnectionId(String connectionId) {
        return new Preferences(theme, clipboardClearSeconds, reviewThresholds, lastView, windowGeometry, connectionId);
    }
}
