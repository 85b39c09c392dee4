package io.keydeck.ui.review;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import java.util.ResourceBundle;

/**
 * Asks before a key is revoked, naming it (name and {@code prefix…last4}). For a live key the user
 * must also type the key's name, so a production key is never revoked by a stray click.
 */
final class RevokeKeyConfirmation {
    private final Alert alert;
    private final ButtonType revoke;

    RevokeKeyConfirmation(Window owner, ResourceBundle messages, String question, String keyName, boolean typeName) {
        revoke = new ButtonType(messages.getString("review.revoke.confirm"), ButtonBar.ButtonData.OK_DONE);
        alert = new Alert(Alert.AlertType.CONFIRMATION, "", revoke, ButtonType.CANCEL);
        alert.initOwner(owner);
        alert.setTitle(messages.getString("review.revoke.title"));
        alert.setHeaderText(messages.getString("review.revoke.title"));
        Label text = new Label(question);
        text.setWrapText(true);
        text.setMaxWidth(440);
        VBox content = new VBox(10, text);
        if (typeName) {
            TextField typed = new TextField();
            typed.setId("revokeConfirmName");
            typed.setPromptText(keyName);
            content.getChildren().addAll(new Label(messages.getString("review.revoke.typeName")), typed);
            alert.getDialogPane().lookupButton(revoke).disableProperty()
                    .bind(typed.textProperty().isNotEqualTo(keyName));
        }
        alert.getDialogPane().setContent(content);
        alert.getDialogPane().lookupButton(revoke).setId("revokeConfirmButton");
        alert.getDialogPane().lookupButton(revoke).getStyleClass().add("danger");
        ((javafx.scene.control.Button) alert.getDialogPane().lookupButton(ButtonType.CANCEL)).setDefaultButton(true);
        ((javafx.scene.control.Button) alert.getDialogPane().lookupButton(revoke)).setDefaultButton(false);
    }

    /** Shows the dialog and waits; true only when the user chose Revoke. */
    boolean confirmed() {
        return alert.showAndWait().filter(revoke::equals).isPresent();
    }
}
