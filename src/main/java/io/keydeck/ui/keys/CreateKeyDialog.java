package io.keydeck.ui.keys;

import io.keydeck.model.ApiKey;
import io.keydeck.ui.common.DialogButtons;
import io.keydeck.ui.common.DisplayText;
import io.keydeck.model.IssuedSecret;
import io.keydeck.model.KeyEnvironment;
import io.keydeck.ui.keys.CreateKeyViewModel.ExpiryChoice;
import javafx.beans.binding.Bindings;
import javafx.event.ActionEvent;
import javafx.scene.Node;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Dialog;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import java.util.Optional;
import java.util.ResourceBundle;

/**
 * The Create key form. Stays open while the request runs and after a failure, so nothing typed is
 * lost; closes with the new key's secret once the gateway created it.
 */
public final class CreateKeyDialog {
    private final CreateKeyViewModel viewModel;
    private final ResourceBundle messages;
    private final Dialog<IssuedSecret> dialog;
    private ApiKey lostKeyToRevoke;

    public CreateKeyDialog(Window owner, CreateKeyViewModel viewModel, ResourceBundle messages) {
        this.viewModel = viewModel;
        this.messages = messages;
        dialog = DialogForms.dialog(owner, messages.getString("create.title"), messages.getString("create.header"));
        ButtonType create = new ButtonType(messages.getString("create.submit"), ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = DialogButtons.cancel(messages);
        dialog.getDialogPane().getButtonTypes().addAll(create, cancel);
        dialog.getDialogPane().setContent(content());
        dialog.getDialogPane().setPrefWidth(560);

        KeyCreation creation = viewModel.creation();
        Node createButton = dialog.getDialogPane().lookupButton(create);
        createButton.setId("createKeyButton");
        createButton.disableProperty().bind(viewModel.validProperty().not().or(creation.busyProperty()));
        createButton.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume(); // the dialog closes when the gateway answered, not on the click
            viewModel.submit();
        });
        DialogForms.cancelStopsCreation(dialog, cancel, creation);
        creation.createdProperty().addListener((obs, old, secret) -> {
            if (secret != null) {
                dialog.setResult(secret);
                dialog.close();
            }
        });
        ButtonType revokeLost = new ButtonType(messages.getString("create.revokeLost"), ButtonBar.ButtonData.LEFT);
        dialog.getDialogPane().getButtonTypes().add(revokeLost);
        Node revokeLostButton = dialog.getDialogPane().lookupButton(revokeLost);
        revokeLostButton.setId("revokeLostKeyButton");
        revokeLostButton.getStyleClass().add("danger");
        revokeLostButton.visibleProperty().bind(creation.secretLostProperty().isNotNull());
        revokeLostButton.managedProperty().bind(revokeLostButton.visibleProperty());
        revokeLostButton.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume(); // closes with no secret; the caller opens the revoke confirmation for this key
            lostKeyToRevoke = creation.secretLostProperty().get();
            dialog.setResult(null);
            dialog.close();
        });
        dialog.setResultConverter(button -> null);
    }

    /**
     * The key whose secret was lost in transit when the user chose to revoke it from this dialog; empty otherwise.
     * Read after {@link #showAndWait()} returned.
     */
    public Optional<ApiKey> lostKeyToRevoke() {
        return Optional.ofNullable(lostKeyToRevoke);
    }

    /** Shows the form until the key is created (its secret) or the user cancels (empty). */
    public Optional<IssuedSecret> showAndWait() {
        return dialog.showAndWait();
    }

    private Node content() {
        GridPane form = DialogForms.form();
        TextField name = new TextField();
        name.setId("keyNameField");
        name.setPromptText(messages.getString("create.namePrompt"));
        name.textProperty().bindBidirectional(viewModel.nameProperty());
        // the form opens ready for typing: focus on the name, not on Cancel (a space typed there cancelled)
        dialog.setOnShown(shown -> javafx.application.Platform.runLater(name::requestFocus));
        DialogForms.row(form, 0, messages.getString("create.name"), name,
                DialogForms.hint(viewModel.nameErrorShownProperty(), "form-error", "nameError"),
                DialogForms.hint(viewModel.nameWarningProperty(), "form-warning", "nameWarning"));

        FlowPane scopes = DialogForms.scopeBoxes("inferenceScopes", viewModel.inferenceScopes());
        if (viewModel.adminScopes().isEmpty()) {
            DialogForms.row(form, 1, messages.getString("create.scopes"), scopes);
        } else {
            javafx.scene.control.Label adminCaption = new javafx.scene.control.Label(
                    messages.getString("create.scopes.admin"));
            adminCaption.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // one line: a wrapping label here inflated the dialog on GTK
            adminCaption.getStyleClass().add("text-muted");
            DialogForms.row(form, 1, messages.getString("create.scopes"), scopes, adminCaption,
                    DialogForms.scopeBoxes("adminScopes", viewModel.adminScopes()),
                    DialogForms.hint(viewModel.adminWarningProperty(), "form-warning", "adminScopeWarning"));
        }
        DialogForms.row(form, 2, messages.getString("create.environment"), environmentChoice());

        ComboBox<ExpiryChoice> expiry = new ComboBox<>();
        expiry.setId("expiryChoice");
        expiry.getItems().setAll(ExpiryChoice.values());
        expiry.valueProperty().bindBidirectional(viewModel.expiryProperty());
        expiry.setConverter(DisplayText.of(viewModel::expiryText));
        DatePicker date = new DatePicker();
        date.setId("expiryDate");
        date.valueProperty().bindBidirectional(viewModel.expiryDateProperty());
        date.visibleProperty().bind(viewModel.expiryProperty().isEqualTo(ExpiryChoice.DATE));
        date.managedProperty().bind(date.visibleProperty());
        DialogForms.row(form, 3, messages.getString("create.expiry"), new HBox(8, expiry, date),
                DialogForms.hint(viewModel.dateErrorProperty(), "form-error", "dateError"));

        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(18, 18);
        busy.visibleProperty().bind(viewModel.creation().busyProperty());
        return new VBox(14, form, DialogForms.errorBanner(Bindings.createStringBinding(
                () -> viewModel.creation().errorTextProperty().get(), viewModel.creation().errorTextProperty()),
                messages.getString("create.failed")), busy);
    }

    private Node environmentChoice() {
        ToggleGroup group = new ToggleGroup();
        HBox box = new HBox(16);
        for (KeyEnvironment environment : new KeyEnvironment[] {KeyEnvironment.LIVE, KeyEnvironment.TEST}) {
            RadioButton radio = new RadioButton(messages.getString("create.environment." + environment.wireName()));
            radio.setToggleGroup(group);
            radio.setUserData(environment);
            radio.setSelected(viewModel.environmentProperty().get() == environment);
            box.getChildren().add(radio);
        }
        group.selectedToggleProperty().addListener((obs, old, toggle) -> {
            if (toggle != null) {
                viewModel.environmentProperty().set((KeyEnvironment) toggle.getUserData());
            }
        });
        return box;
    }
}
