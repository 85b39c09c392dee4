package io.keydeck.ui.keys;

import io.keydeck.model.VisibleText;
import javafx.collections.ListChangeListener;
import javafx.event.ActionEvent;
import javafx.scene.Node;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.ResourceBundle;

/**
 * The confirmation before keys are revoked, naming each of them; it stays open afterwards to show
 * what happened to each key.
 */
public final class RevokeKeysDialog {
    private final RevokeKeysViewModel viewModel;
    private final ResourceBundle messages;
    private final Dialog<Void> dialog;
    private final VBox outcomes = new VBox(4);

    public RevokeKeysDialog(Window owner, RevokeKeysViewModel viewModel, ResourceBundle messages) {
        this.viewModel = viewModel;
        this.messages = messages;
        dialog = DialogForms.dialog(owner, messages.getString("revoke.title"), viewModel.question());
        dialog.getDialogPane().getStyleClass().add("revoke-dialog");
        ButtonType revoke = new ButtonType(messages.getString("revoke.confirm"), ButtonBar.ButtonData.OK_DONE);
        ButtonType close = new ButtonType(messages.getString("revoke.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        dialog.getDialogPane().getButtonTypes().addAll(revoke, close);
        Node revokeButton = dialog.getDialogPane().lookupButton(revoke);
        revokeButton.setId("confirmRevokeButton");
        revokeButton.getStyleClass().add("danger");
        ((javafx.scene.control.Button) revokeButton).setDefaultButton(false); // Enter never revokes
        revokeButton.disableProperty().bind(viewModel.canRevokeProperty().not());
        revokeButton.visibleProperty().bind(viewModel.doneProperty().not());
        revokeButton.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume(); // stay open to show each key's result
            viewModel.revoke();
        });
        Node closeButton = dialog.getDialogPane().lookupButton(close);
        closeButton.setId("closeRevokeButton");
        ((javafx.scene.control.Button) closeButton).setDefaultButton(true);
        closeButton.disableProperty().bind(viewModel.busyProperty());
        viewModel.doneProperty().addListener((obs, old, done) -> {
            if (done) {
                ((javafx.scene.control.Button) closeButton).setText(messages.getString("revoke.close"));
            }
        });
        dialog.getDialogPane().setContent(content());
    }

    public void showAndWait() {
        dialog.showAndWait();
    }

    private Node content() {
        VBox list = new VBox(4);
        list.setId("revokeKeyList");
        viewModel.keys().forEach(key -> {
            Label line = new Label(viewModel.describe(key), new FontIcon(Feather.KEY));
            line.getStyleClass().add("revoke-key");
            list.getChildren().add(line);
        });
        ScrollPane scroll = new ScrollPane(list);
        scroll.setFitToWidth(true);
        scroll.setPrefViewportHeight(Math.min(160, 24 * viewModel.keys().size() + 8));
        Label consequence = new Label(messages.getString("revoke.consequence"), new FontIcon(Feather.ALERT_TRIANGLE));
        consequence.setWrapText(true);
        consequence.getStyleClass().add("revoke-consequence");
        VBox content = new VBox(12, scroll, consequence);
        if (viewModel.needsTypedConfirmation()) {
            Label prompt = new Label(viewModel.confirmationPrompt());
            prompt.setWrapText(true);
            TextField typed = new TextField();
            typed.setId("revokeConfirmField");
            typed.setPromptText(viewModel.confirmationPhrase());
            typed.textProperty().bindBidirectional(viewModel.typedProperty());
            typed.disableProperty().bind(viewModel.busyProperty().or(viewModel.doneProperty()));
            prompt.setLabelFor(typed);
            content.getChildren().addAll(prompt, typed);
        }
        outcomes.setId("revokeOutcomes");
        viewModel.outcomes().addListener((ListChangeListener<RevokeKeysViewModel.Outcome>) change -> showOutcomes());
        content.getChildren().add(outcomes);
        content.setPrefWidth(540);
        return content;
    }

    private void showOutcomes() {
        outcomes.getChildren().clear();
        for (RevokeKeysViewModel.Outcome outcome : viewModel.outcomes()) {
            Label line = new Label(VisibleText.escape(outcome.key().name(), 300) + " ("
                    + VisibleText.escape(outcome.key().hint(), 120) + "): " + VisibleText.escape(outcome.message(), 2000),
                    new FontIcon(outcome.revoked() ? Feather.CHECK_CIRCLE : Feather.X_CIRCLE));
            line.setWrapText(true);
            line.getStyleClass().addAll("revoke-outcome", outcome.revoked() ? "outcome-ok" : "outcome-failed");
            outcomes.getChildren().add(line);
        }
        Label summary = new Label(viewModel.summary());
        summary.setId("revokeSummary");
        summary.getStyleClass().add("text-bold");
        outcomes.getChildren().add(0, summary);
    }
}
