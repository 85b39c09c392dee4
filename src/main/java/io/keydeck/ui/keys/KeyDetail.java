package io.keydeck.ui.keys;

/** One labelled field of the selected key in the details pane. */
public record KeyDetail(String label, String value, boolean monospace) {
}
