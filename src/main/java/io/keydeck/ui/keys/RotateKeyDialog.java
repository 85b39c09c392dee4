package io.keydeck.ui.keys;

import io.keydeck.model.VisibleText;
import io.keydeck.model.IssuedSecret;
import io.keydeck.ui.common.DialogButtons;
import javafx.event.ActionEvent;
import javafx.scene.Node;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import java.util.Optional;
import java.util.ResourceBundle;

/**
 * The first step of rotating a key: shows the replacement that will be created and creates it. The
 * later steps (the secret, then revoke or keep the old key) follow once it exists.
 */
public final class RotateKeyDialog {
    private final RotateKeyViewModel viewModel;
    private final ResourceBundle messages;
    private final Dialog<IssuedSecret> dialog;

    public RotateKeyDialog(Window owner, RotateKeyViewModel viewModel, ResourceBundle messages) {
        this.viewModel = viewModel;
        this.messages = messages;
        dialog = DialogForms.dialog(owner, messages.getString("rotate.title"), viewModel.header());
        ButtonType create = new ButtonType(messages.getString("rotate.create"), ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = DialogButtons.cancel(messages);
        dialog.getDialogPane().getButtonTypes().addAll(create, cancel);
        KeyCreation creation = viewModel.creation();
        Node createButton = dialog.getDialogPane().lookupButton(create);
        createButton.setId("createReplacementButton");
        createButton.disableProperty().bind(creation.busyProperty());
        createButton.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            viewModel.create();
        });
        DialogForms.cancelStopsCreation(dialog, cancel, creation);
        creation.createdProperty().addListener((obs, old, secret) -> {
            if (secret != null) {
                dialog.setResult(secret);
                dialog.close();
            }
        });
        dialog.setResultConverter(button -> null);
        dialog.getDialogPane().setContent(content());
    }

    /** The replacement's secret once created; empty when the user cancelled. */
    public Optional<IssuedSecret> showAndWait() {
        return dialog.showAndWait();
    }

    private Node content() {
        GridPane plan = DialogForms.form();
        plan.setId("rotatePlan");
        DialogForms.row(plan, 0, messages.getString("rotate.newName"), value(viewModel.replacement().name()));
        DialogForms.row(plan, 1, messages.getString("create.scopes"), value(viewModel.scopesText()));
        DialogForms.row(plan, 2, messages.getString("create.environment"),
                value(viewModel.replacement().environment().wireName()));
        DialogForms.row(plan, 3, messages.getString("create.expiry"), value(viewModel.expiryText()));
        Label next = new Label(messages.getString("rotate.next"));
        next.setWrapText(true);
        next.getStyleClass().add("text-muted");
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(18, 18);
        busy.visibleProperty().bind(viewModel.creation().busyProperty());
        VBox content = new VBox(14, plan, next,
                DialogForms.errorBanner(viewModel.creation().errorTextProperty(), messages.getString("rotate.failed")),
                busy);
        content.setPrefWidth(540);
        return content;
    }

    private static Label value(String text) {
        Label label = new Label(VisibleText.escape(text, 300));
        label.setWrapText(true);
        return label;
    }
}
