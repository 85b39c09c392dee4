package io.keydeck.ui.keys;

import javafx.scene.Node;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.geometry.Pos;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.stage.Window;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;

/**
 * Edit scopes/models: the scopes as checkboxes (the admin ones apart, with the Create dialog's warning), the
 * allowed models as an explicit choice (keep each key's, all, only these) and, for each key, what will change. Cancel is the default button (a scope taken away breaks the clients that use it);
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
        DialogForms.row(form, 1, messages.getString("scopes.models"), modelsChoice(viewModel, messages));
        Label changes = new Label();
        changes.setId("scopesChanges");
        changes.setWrapText(true);
        changes.textProperty().bind(viewModel.changesProperty());
        ScrollPane changesPane = new ScrollPane(changes);
        changesPane.setFitToWidth(true);
        // every line while they fit in 160 px; many keys scroll here instead of pushing the buttons off the screen
        changesPane.prefViewportHeightProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(
                () -> Math.min(160, changes.getHeight()), changes.heightProperty()));
        changesPane.getStyleClass().add("edge-to-edge");
        DialogForms.row(form, 2, messages.getString("scopes.changes"), changesPane);
        dialog.getDialogPane().setContent(form);
    }

    /** Keep each key's models, all models, or only the typed ones: three radio buttons and the field. */
    private static Node[] modelsChoice(EditScopesViewModel viewModel, ResourceBundle messages) {
        ToggleGroup group = new ToggleGroup();
        Map<EditScopesViewModel.Models, RadioButton> buttons = new EnumMap<>(EditScopesViewModel.Models.class);
        for (EditScopesViewModel.Models choice : EditScopesViewModel.Models.values()) {
            RadioButton button = new RadioButton(messages.getString(switch (choice) {
                case KEEP -> "scopes.models.keep";
                case ALL -> "scopes.models.all";
                case ONLY -> "scopes.models.only";
            }));
            button.setId(choice.name().toLowerCase(Locale.ROOT) + "ModelsChoice");
            button.setMnemonicParsing(false);
            button.setToggleGroup(group);
            button.setUserData(choice);
            buttons.put(choice, button);
        }
        group.selectToggle(buttons.get(viewModel.modelsChoiceProperty().get()));
        group.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now != null) {
                viewModel.modelsChoiceProperty().set((EditScopesViewModel.Models) now.getUserData());
            }
        });
        viewModel.modelsChoiceProperty().addListener((obs, old, now) -> group.selectToggle(buttons.get(now)));
        TextField models = new TextField();
        models.setId("allowedModelsField");
        models.setPromptText(messages.getString("scopes.modelsPrompt"));
        models.textProperty().bindBidirectional(viewModel.modelsProperty());
        HBox.setHgrow(models, Priority.ALWAYS);
        HBox only = new HBox(8, buttons.get(EditScopesViewModel.Models.ONLY), models);
        only.setAlignment(Pos.CENTER_LEFT);
        Label modelsHint = new Label(messages.getString("scopes.modelsHint"));
        modelsHint.setWrapText(true);
        modelsHint.getStyleClass().add("text-muted");
        return new Node[] {buttons.get(EditScopesViewModel.Models.KEEP), buttons.get(EditScopesViewModel.Models.ALL),
            only, modelsHint, DialogForms.hint(viewModel.modelsProblemProperty(), "form-error", "modelsProblem")};
    }

    /** True when the user pressed Change. */
    boolean ask() {
        Optional<ButtonType> answer = dialog.showAndWait();
        return answer.isPresent() && answer.get() == change;
    }
}
