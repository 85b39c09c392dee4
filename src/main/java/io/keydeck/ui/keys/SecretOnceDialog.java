package io.keydeck.ui.keys;

import javafx.scene.Node;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.stage.Window;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.text.MessageFormat;
import java.util.ResourceBundle;

/**
 * Shows a new key's secret exactly once. The revealed secret is painted onto a canvas character by
 * character, so no label, text node or property ever holds it; the canvas is cleared and the secret
 * wiped when the dialog closes. Closing before "I have stored this key" is ticked asks first.
 */
public final class SecretOnceDialog {
    private static final Font SECRET_FONT = Font.font("Monospaced", 15);
    private static final double CHAR_WIDTH = 9.2;
    private static final double CANVAS_HEIGHT = 30;

    private final SecretOnceViewModel viewModel;
    private final ResourceBundle messages;
    private final SecretClipboard clipboard;
    private final SecretSettings settings;
    private final Dialog<Void> dialog;
    private final Canvas revealedSecret;
    private final Label maskedSecret;

    public SecretOnceDialog(Window owner, SecretOnceViewModel viewModel, SecretSettings settings,
                            ResourceBundle messages) {
        this.viewModel = viewModel;
        this.messages = messages;
        this.settings = settings;
        this.clipboard = new SecretClipboard(settings.clipboardClearDelay());
        dialog = DialogForms.dialog(owner, messages.getString("secret.title"), viewModel.headline());
        dialog.getDialogPane().getStyleClass().add("secret-once-dialog");
        ButtonType close = new ButtonType(messages.getString("secret.close"), ButtonBar.ButtonData.CANCEL_CLOSE);
        dialog.getDialogPane().getButtonTypes().add(close);
        dialog.getDialogPane().lookupButton(close).setId("closeSecretButton");
        revealedSecret = new Canvas(Math.max(200, viewModel.secretChars().length * CHAR_WIDTH + 8), CANVAS_HEIGHT);
        revealedSecret.setId("revealedSecret");
        maskedSecret = new Label(viewModel.masked());
        maskedSecret.setId("maskedSecret");
        maskedSecret.getStyleClass().add("secret-masked");
        dialog.getDialogPane().setContent(content());
        dialog.setOnCloseRequest(e -> {
            if (!viewModel.storedProperty().get() && !confirmCloseWithoutStoring()) {
                e.consume();
            }
        });
        dialog.setOnHidden(e -> forget());
    }

    public void showAndWait() {
        dialog.showAndWait();
    }

    private Node content() {
        StackPane secretBox = new StackPane(maskedSecret, revealedSecret);
        secretBox.getStyleClass().add("secret-box");
        secretBox.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        revealedSecret.visibleProperty().bind(viewModel.revealedProperty());
        maskedSecret.visibleProperty().bind(viewModel.revealedProperty().not());
        viewModel.revealedProperty().addListener((obs, old, shown) -> paint(shown));

        // a Button, not a ToggleButton: JavaFX's Alt mnemonic fires ActionEvent only, which does not toggle
        Button reveal = new Button(messages.getString("secret.reveal"), new FontIcon(Feather.EYE));
        reveal.setId("revealButton");
        reveal.setOnAction(e -> viewModel.revealedProperty().set(!viewModel.revealedProperty().get()));
        reveal.textProperty().bind(javafx.beans.binding.Bindings.when(viewModel.revealedProperty())
                .then(messages.getString("secret.hide")).otherwise(messages.getString("secret.reveal")));
        Button copy = new Button(messages.getString("secret.copy"), new FontIcon(Feather.COPY));
        copy.setId("copySecretButton");
        Label copied = new Label();
        copied.setId("copiedFeedback");
        copied.getStyleClass().add("text-bold");
        copied.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        clipboard.setOnCleared(() -> copied.setText(messages.getString("secret.clipboardCleared")));
        Runnable saidCopied = () -> copied.setText(MessageFormat.format(messages.getString("secret.copied"),
                settings.clipboardClearDelay().toSeconds()));
        copy.setOnAction(e -> {
            clipboard.copy(viewModel.copyText());
            saidCopied.run();
        });
        Button copyEnv = new Button(MessageFormat.format(messages.getString("secret.copyEnv"),
                viewModel.environmentVariable()), new FontIcon(Feather.TERMINAL));
        // JavaFX reads only the first mnemonic, so the variable's underscores after "Copy _as" stay literal
        copyEnv.setId("copyEnvButton");
        copyEnv.setOnAction(e -> {
            clipboard.copy(viewModel.copyEnvironmentText());
            saidCopied.run();
        });

        Label warning = new Label(messages.getString("secret.onlyOnce"), new FontIcon(Feather.ALERT_TRIANGLE));
        warning.setWrapText(true);
        warning.getStyleClass().add("secret-warning");
        Label clipboardNote = new Label(MessageFormat.format(messages.getString("secret.clipboardNote"),
                settings.clipboardClearDelay().toSeconds()));
        clipboardNote.getStyleClass().add("text-muted");
        clipboardNote.setWrapText(true);
        CheckBox stored = new CheckBox(messages.getString("secret.stored"));
        stored.setId("storedCheckBox");
        stored.selectedProperty().bindBidirectional(viewModel.storedProperty());
        HBox buttons = new HBox(8, reveal, copy, copyEnv, copied);
        buttons.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        VBox content = new VBox(12, warning, secretBox, buttons, clipboardNote, stored);
        content.setPrefWidth(580);
        return content;
    }

    private void paint(boolean shown) {
        GraphicsContext g = revealedSecret.getGraphicsContext2D();
        g.clearRect(0, 0, revealedSecret.getWidth(), revealedSecret.getHeight());
        if (!shown) {
            return;
        }
        g.setFont(SECRET_FONT);
        g.setFill(maskedSecret.getTextFill() instanceof Color color ? color : Color.BLACK);
        char[] secret = viewModel.secretChars();
        for (int i = 0; i < secret.length; i++) {
            g.fillText(String.valueOf(secret[i]), 4 + i * CHAR_WIDTH, CANVAS_HEIGHT - 9);
        }
    }

    private boolean confirmCloseWithoutStoring() {
        ButtonType closeAnyway = new ButtonType(messages.getString("secret.closeAnyway"), ButtonBar.ButtonData.OK_DONE);
        ButtonType goBack = new ButtonType(messages.getString("secret.goBack"), ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = new Alert(Alert.AlertType.WARNING, messages.getString("secret.neverAgain"), closeAnyway, goBack);
        io.keydeck.ui.common.DialogOwner.set(alert, dialog.getDialogPane().getScene().getWindow());
        alert.setTitle(messages.getString("secret.title"));
        alert.setHeaderText(messages.getString("secret.notStored"));
        alert.getDialogPane().setId("closeWithoutStoringAlert");
        alert.getDialogPane().lookupButton(goBack).setId("goBackButton");
        ((Button) alert.getDialogPane().lookupButton(goBack)).setDefaultButton(true); // Enter goes back
        ((Button) alert.getDialogPane().lookupButton(closeAnyway)).setDefaultButton(false);
        return alert.showAndWait().filter(closeAnyway::equals).isPresent();
    }

    /** Nothing of the secret outlives the dialog: canvas cleared, label emptied, array wiped. */
    private void forget() {
        viewModel.wipe();
        paint(false);
        maskedSecret.setText("");
    }
}
