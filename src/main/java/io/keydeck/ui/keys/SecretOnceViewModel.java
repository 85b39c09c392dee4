package io.keydeck.ui.keys;

import io.keydeck.model.VisibleText;
import io.keydeck.model.ApiKey;
import io.keydeck.model.IssuedSecret;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

import java.text.MessageFormat;
import java.util.ResourceBundle;

/**
 * The one moment a new key's secret exists in KeyDeck: whether it is revealed, whether the user says
 * they stored it, and wiping it when the dialog goes. The secret stays a {@code char[]}; a String is
 * made only for the clipboard, at the user's request.
 */
public final class SecretOnceViewModel {
    private final IssuedSecret secret;
    private final String environmentVariable;
    private final ResourceBundle messages;
    private final BooleanProperty revealed = new SimpleBooleanProperty(false);
    private final BooleanProperty stored = new SimpleBooleanProperty(false);

    public SecretOnceViewModel(IssuedSecret secret, String environmentVariable, ResourceBundle messages) {
        this.secret = secret;
        this.environmentVariable = environmentVariable;
        this.messages = messages;
    }

    public ApiKey key() {
        return secret.key();
    }

    /** "Key "Checkout" (mrk_live_…a1b2) was created." */
    public String headline() {
        return MessageFormat.format(messages.getString("secret.header"), VisibleText.escape(key().name(), 300),
                VisibleText.escape(key().hint(), 120));
    }

    /** The live secret; read it to draw it, never keep it. Empty once wiped. */
    public char[] secretChars() {
        return secret.secret();
    }

    /** As many dots as the secret has characters, for the masked view. */
    public String masked() {
        return "\u2022".repeat(Math.max(8, secret.secret().length));
    }

    public BooleanProperty revealedProperty() {
        return revealed;
    }

    /** The user ticked "I have stored this key": only then does the dialog close without asking. */
    public BooleanProperty storedProperty() {
        return stored;
    }

    /** What "Copy" puts on the clipboard. */
    public String copyText() {
        return new String(secret.secret());
    }

    /** What "Copy as environment variable" puts on the clipboard: {@code NAME=secret}. */
    public String copyEnvironmentText() {
        return environmentVariable + "=" + new String(secret.secret());
    }

    public String environmentVariable() {
        return environmentVariable;
    }

    public boolean isWiped() {
        return secret.isWiped();
    }

    /** Overwrites the secret; the dialog calls it when it closes, whichever way. */
    public void wipe() {
        revealed.set(false);
        secret.wipe();
    }
}
