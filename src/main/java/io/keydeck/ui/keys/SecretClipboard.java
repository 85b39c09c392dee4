package io.keydeck.ui.keys;

import javafx.animation.PauseTransition;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;

/**
 * Puts a secret on the system clipboard and takes it off again after a delay, unless the user has
 * copied something else meanwhile. Remembers only a digest of what it copied, never the secret.
 */
public final class SecretClipboard {
    private final Duration clearAfter;
    private PauseTransition pending;
    private byte[] copiedDigest;
    private Runnable onCleared = () -> { };

    public SecretClipboard(Duration clearAfter) {
        this.clearAfter = clearAfter;
    }

    /** Runs on the FX thread when the delay after a copy has passed (the clipboard was cleared if still ours). */
    public void setOnCleared(Runnable onCleared) {
        this.onCleared = onCleared;
    }

    /** Copies {@code text} and schedules the clean-up; call on the FX thread. */
    public void copy(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
        copiedDigest = digest(text);
        if (pending != null) {
            pending.stop();
        }
        pending = new PauseTransition(javafx.util.Duration.millis(clearAfter.toMillis()));
        pending.setOnFinished(e -> {
            clearIfStillOurs();
            onCleared.run();
        });
        pending.play();
    }

    /** Clears the clipboard if it still holds what was copied here. */
    public void clearIfStillOurs() {
        Clipboard clipboard = Clipboard.getSystemClipboard();
        String current = clipboard.hasString() ? clipboard.getString() : null;
        if (copiedDigest != null && current != null && MessageDigest.isEqual(copiedDigest, digest(current))) {
            clipboard.clear();
        }
        copiedDigest = null;
    }

    private static byte[] digest(String text) {
        try {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(bytes);
            Arrays.fill(bytes, (byte) 0);
            return hash;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
