package io.keydeck.ui.common;

import javafx.scene.control.ButtonBar.ButtonData;
import javafx.scene.control.ButtonType;

import java.util.ResourceBundle;

/**
 * OK and Cancel with an Alt-key mnemonic: JavaFX's own {@link ButtonType#OK} and {@link ButtonType#CANCEL}
 * carry none, so a keyboard user could not reach them the way every other dialog button is reached.
 */
public final class DialogButtons {
    private DialogButtons() {
    }

    public static ButtonType ok(ResourceBundle messages) {
        return new ButtonType(messages.getString("dialog.ok"), ButtonData.OK_DONE);
    }

    public static ButtonType cancel(ResourceBundle messages) {
        return new ButtonType(messages.getString("dialog.cancel"), ButtonData.CANCEL_CLOSE);
    }
}
