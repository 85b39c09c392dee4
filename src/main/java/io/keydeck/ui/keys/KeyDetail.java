package io.keydeck.ui.keys;

import io.keydeck.model.VisibleText;

/** One labelled field of the selected key in the details pane: the whole value, control characters shown escaped. */
public record KeyDetail(String label, String value, boolean monospace) {
    public KeyDetail {
        label = VisibleText.escape(label);
        value = VisibleText.escape(value);
    }
}
