package io.keydeck.ui.keys;

import javafx.scene.Node;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.stage.Window;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ResourceBundle;

/**
 * Edit scopes/models: the scopes as checkboxes (the admin ones apart, with the Create dialog's warning) and
 * the allowed models. Cancel is the default button (a scope taken away breaks the clients that use it);
 * the answer for each key is reported afterwards by {@link KeyActions}.
 */
final class EditScopesDialog {
    private final Dialog<ButtonType> dialog;
    private final ButtonType change;

    EditScopesDialog(Window owner, EditScopesViewModel viewModel, ResourceBundle messages) {
        dialog = DialogForms.dialog(owner, messages.getString("scopes.title"), viewModel.question());
        change = DialogForms.cancelFirst(dialog, messages.getString("scopes.change"), "changeScopesButton", viewModel.validProperty(), messages);

        GridPane form = DialogForms.form();
        List<Node> scopes = new ArrayList<>(List.of(
                DialogForms.scopeBoxes("inferenceScopes", viewModel.inferenceScopes())));
        if (!viewModel.adminScopes().isEmpty()) {
            Label adminCaption = new Label(messages.getString("create.scopes.admin"));
            adminCaption.setMinWidth(Region.USE_PREF_SIZE);
            adminCaption.getStyleClass().add("text-muted");
            scopes.add(adminCaption);
            scopes.add(DialogForms.scopeBoxes("adminScopes", viewModel.adminScopes()));
        }
        scopes.add(DialogForms.hint(viewModel.problemProperty(), "form-error", "scopesProblem"));
        scopes.add(DialogForms.hint(viewModel.adminWarningProperty(), "form-warning", "adminScopeWarning"));
        DialogForms.row(form, 0, messages.getString("create.scopes"), scopes.toArray(Node[]::new));
        TextField models = new TextField();
        models.setId("allowedModelsField");
        models.setPromptText(messages.getString(viewModel.modelsDiffer() ? "scopes.modelsDiffer" : "scopes.modelsAll"));
        models.textProperty().bindBidirectional(viewModel.modelsProperty());
        Label modelsHint = new Label(messages.getString("scopes.modelsHint"));
        modelsHint.setWrapText(true);
        modelsHint.getStyleClass().add("text-muted");
        DialogForms.row(form, 1, messages.getString("scopes.models"), models, modelsHint);
        dialog.getDialogPane().setContent(form);
    }

    /** True when the user pressed Change. */
    boolean ask() {
        Optional<ButtonType> answer = dialog.showAndWait();
        return answer.isPresent() && answer.get() == change;
    }
}
