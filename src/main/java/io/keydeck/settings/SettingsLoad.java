package io.keydeck.settings;

import java.util.Objects;
import java.util.Optional;

/**
 * The settings KeyDeck starts with, plus, when the file was damaged, unreadable or from a newer
 * version, one plain sentence for the user saying what happened and where the old file was kept.
 */
public record SettingsLoad(Settings settings, Optional<String> warning) {
    public SettingsLoad {
        Objects.requireNonNull(settings, "settings");
        warning = warning == null ? Optional.empty() : warning;
    }
}
