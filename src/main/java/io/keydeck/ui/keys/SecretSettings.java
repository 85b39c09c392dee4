package io.keydeck.ui.keys;

import java.time.Duration;
import java.util.Objects;

/**
 * How the secret dialog treats the clipboard. A value object handed in by the window (the
 * preference store will supply it later), so tests can use a short delay.
 *
 * @param clipboardClearDelay how long a copied secret may stay on the clipboard
 */
public record SecretSettings(Duration clipboardClearDelay) {
    public static final Duration DEFAULT_CLIPBOARD_CLEAR_DELAY = Duration.ofSeconds(30);

    public SecretSettings {
        Objects.requireNonNull(clipboardClearDelay, "clipboardClearDelay");
        if (clipboardClearDelay.isNegative() || clipboardClearDelay.isZero()) {
            throw new IllegalArgumentException("clipboardClearDelay must be positive");
        }
    }

    public static SecretSettings defaults() {
        return new SecretSettings(DEFAULT_CLIPBOARD_CLEAR_DELAY);
    }
}
