package io.keydeck.settings;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How the user likes KeyDeck to behave and where they left it. Every field has a default, so a
 * settings file from an older version (or with a field removed by hand) still loads.
 *
 * @param clipboardClearSeconds seconds before a copied secret is cleared from the clipboard
 * @param lastView              id of the view shown at exit (e.g. "keys"), or null
 * @param windowGeometry        null until the window has been placed once
 * @param selectedConnectionId  the connection shown at exit, or null
 * @param tables                each remembered table's layout, by the table's id (e.g. "keys.table")
 * @param dividers              each remembered split pane's divider positions, by the pane's id
 * @param gatewayDeadlineSeconds how long one gateway operation may take (retries included) for connections
 *                              without a deadline of their own; 0 for KeyDeck's default (60 s)
 */
public record Preferences(Theme theme, int clipboardClearSeconds, ReviewThresholds reviewThresholds,
                          String lastView, WindowGeometry windowGeometry, String selectedConnectionId,
                          Map<String, TableLayout> tables, Map<String, List<Double>> dividers,
                          int gatewayDeadlineSeconds) {
    public static final int DEFAULT_CLIPBOARD_CLEAR_SECONDS = 30;
    /** The longest a copied secret may stay on the clipboard: longer, and "cleared" stops meaning much. */
    public static final int MAX_CLIPBOARD_CLEAR_SECONDS = 300;
    /** The longest deadline one gateway operation may have (the command line's --deadline has the same bound). */
    public static final int MAX_GATEWAY_DEADLINE_SECONDS = 3600;
    public static final Preferences DEFAULTS = new Preferences(Theme.SYSTEM, DEFAULT_CLIPBOARD_CLEAR_SECONDS,
            ReviewThresholds.DEFAULTS, null, null, null, Map.of(), Map.of(), 0);

    public Preferences {
        theme = theme == null ? Theme.SYSTEM : theme;
        clipboardClearSeconds = clipboardClearSeconds > 0 ? Math.min(clipboardClearSeconds, MAX_CLIPBOARD_CLEAR_SECONDS)
                : DEFAULT_CLIPBOARD_CLEAR_SECONDS;
        gatewayDeadlineSeconds = Math.max(0, Math.min(gatewayDeadlineSeconds, MAX_GATEWAY_DEADLINE_SECONDS));
        reviewThresholds = reviewThresholds == null ? ReviewThresholds.DEFAULTS : reviewThresholds;
        tables = tables == null ? Map.of() : Map.copyOf(tables);
        dividers = dividers == null ? Map.of() : Map.copyOf(dividers);
    }

    /** Preferences from before tables and dividers were remembered. */
    public Preferences(Theme theme, int clipboardClearSeconds, ReviewThresholds reviewThresholds,
                       String lastView, WindowGeometry windowGeometry, String selectedConnectionId) {
        this(theme, clipboardClearSeconds, reviewThresholds, lastView, windowGeometry, selectedConnectionId,
                Map.of(), Map.of(), 0);
    }

    /** Same preferences with the given table layouts and divider positions (replacing the old ones). */
    public Preferences withLayouts(Map<String, TableLayout> newTables, Map<String, List<Double>> newDividers) {
        return new Preferences(theme, clipboardClearSeconds, reviewThresholds, lastView, windowGeometry,
                selectedConnectionId, newTables, newDividers, gatewayDeadlineSeconds);
    }

    public Preferences withGatewayDeadlineSeconds(int seconds) {
        return new Preferences(theme, clipboardClearSeconds, reviewThresholds, lastView, windowGeometry,
                selectedConnectionId, tables, dividers, seconds);
    }

    public Optional<WindowGeometry> window() {
        return Optional.ofNullable(windowGeometry);
    }

    public Preferences withTheme(Theme newTheme) {
        return new Preferences(newTheme, clipboardClearSeconds, reviewThresholds, lastView, windowGeometry, selectedConnectionId, tables, dividers, gatewayDeadlineSeconds);
    }

    public Preferences withClipboardClearSeconds(int seconds) {
        return new Preferences(theme, seconds, reviewThresholds, lastView, windowGeometry, selectedConnectionId, tables, dividers, gatewayDeadlineSeconds);
    }

    public Preferences withReviewThresholds(ReviewThresholds thresholds) {
        return new Preferences(theme, clipboardClearSeconds, thresholds, lastView, windowGeometry, selectedConnectionId, tables, dividers, gatewayDeadlineSeconds);
    }

    public Preferences withLastView(String view) {
        return new Preferences(theme, clipboardClearSeconds, reviewThresholds, view, windowGeometry, selectedConnectionId, tables, dividers, gatewayDeadlineSeconds);
    }

    public Preferences withWindowGeometry(WindowGeometry geometry) {
        return new Preferences(theme, clipboardClearSeconds, reviewThresholds, lastView, geometry, selectedConnectionId, tables, dividers, gatewayDeadlineSeconds);
    }

    public Preferences withSelectedConnectionId(String connectionId) {
        return new Preferences(theme, clipboardClearSeconds, reviewThresholds, lastView, windowGeometry, connectionId, tables, dividers, gatewayDeadlineSeconds);
    }
}
