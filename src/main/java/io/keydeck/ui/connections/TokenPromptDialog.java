package io.keydeck.ui.connections;

import io.keydeck.model.VisibleText;
import io.keydeck.settings.ConnectionProfile;
import io.keydeck.ui.common.DialogButtons;
import javafx.scene.Node;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import java.text.MessageFormat;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Asks for one connection's admin token when the vault has none or the gateway rejected it. Non-modal
 * to the event loop ({@code show}, not {@code showAndWait}), so it can open from any callback.
 */
public final class TokenPromptDialog extends Dialog<ButtonType> {
    private final PasswordField token = new PasswordField();

    public TokenPromptDialog(Window owner, ConnectionProfile profile, String reason, ResourceBundle messages) {
        io.keydeck.ui.common.DialogOwner.set(this, owner);
        setTitle(messages.getString("token.prompt.title"));
        setHeaderText(MessageFormat.format(messages.getString("token.prompt.header"), profile.displayName()));
        ButtonType connect = new ButtonType(messages.getString("token.prompt.connect"), ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().addAll(connect, DialogButtons.cancel(messages));
        token.setId("promptToken");
        token.setPromptText(messages.getString("token.prompt.field"));
        Label why = new Label(VisibleText.escape(reason, 2000));
        why.setWrapText(true);
        why.setId("promptReason");
        VBox content = new VBox(10, why, token);
        content.setPrefWidth(460);
        getDialogPane().setContent(content);
        Node connectButton = getDialogPane().lookupButton(connect);
        connectButton.setId("promptConnect");
        connectButton.disableProperty().bind(token.textProperty().isEmpty());
        setOnShown(e -> token.requestFocus());
    }

    /** Shows the dialog; completes with the typed token, or empty when cancelled. */
    public CompletionStage<Optional<char[]>> ask() {
        CompletableFuture<Optional<char[]>> answer = new CompletableFuture<>();
        setOnHidden(e -> {
            ButtonType result = getResult();
            String typed = token.getText() == null ? "" : token.getText().strip();
            token.clear();
            boolean given = result != null && result.getButtonData() == ButtonBar.ButtonData.OK_DONE && !typed.isEmpty();
            answer.complete(given ? Optional.of(typed.toCharArray()) : Optional.empty());
        });
        show();
        return answer;
    }

    /** The app's {@link TokenPrompt}: one of these dialogs over {@code owner}. */
    public static TokenPrompt over(Window owner, ResourceBundle messages) {
        return (profile, reason) -> new TokenPromptDialog(owner, profile, reason, messages).ask();
    }
}
