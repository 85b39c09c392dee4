package io.keydeck.ui.keys;

import io.keydeck.model.VisibleText;
import javafx.collections.ListChangeListener;
import javafx.event.ActionEvent;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.ResourceBundle;

/**
 * The confirmation before several keys are disabled or enabled, naming each; Cancel is the default
 * button. It stays open afterwards to show each key's answer with the gateway's request id.
 */
public final class DisableKeysDialog {
    private final DisableKeysViewModel viewModel;
    private final Dialog<Void> dialog;
    private final VBox outcomes = new VBox(4);

    public DisableKeysDialog(Window owner, DisableKeysViewModel viewModel, ResourceBundle messages) {
        this.viewModel = viewModel;
        dialog = DialogForms.dialog(owner, viewModel.title(), viewModel.question());
        ButtonType apply = new ButtonType(viewModel.confirmText(), ButtonBar.ButtonData.OK_DONE);
        ButtonType close = new ButtonType(messages.getString("revoke.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        dialog.getDialogPane().getButtonTypes().addAll(apply, close);
        Button applyButton = (Button) dialog.getDialogPane().lookupButton(apply);
        applyButton.setId("confirmDisableButton");
        applyButton.setDefaultButton(false); // Enter never changes keys
        applyButton.disableProperty().bind(viewModel.canApplyProperty().not());
        applyButton.visibleProperty().bind(viewModel.doneProperty().not());
        applyButton.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume(); // stay open to show each key's result
            viewModel.apply();
        });
        Button closeButton = (Button) dialog.getDialogPane().lookupButton(close);
        closeButton.setId("closeDisableButton");
        closeButton.setDefaultButton(true);
        closeButton.disableProperty().bind(viewModel.busyProperty());
        viewModel.doneProperty().addListener((obs, old, done) -> {
            if (done) {
                closeButton.setText(messages.getString("revoke.close"));
            }
        });
        dialog.getDialogPane().setContent(content());
    }

    public void showAndWait() {
        dialog.showAndWait();
    }

    private Node content() {
        VBox list = new VBox(4);
        list.setId("disableKeyList");
        viewModel.keys().forEach(key -> list.getChildren().add(new Label(viewModel.describe(key),
                new FontIcon(Feather.KEY))));
        ScrollPane scroll = new ScrollPane(list);
        scroll.setFitToWidth(true);
        scroll.setPrefViewportHeight(Math.min(160, 24 * viewModel.keys().size() + 8));
        Label consequence = new Label(viewModel.consequence(), new FontIcon(Feather.INFO));
        consequence.setWrapText(true);
        outcomes.setId("disableOutcomes");
        viewModel.outcomes().addListener((ListChangeListener<DisableKeysViewModel.Outcome>) change -> showOutcomes());
        VBox content = new VBox(12, scroll, consequence, outcomes);
        content.setPrefWidth(540);
        return content;
    }

    private void showOutcomes() {
        outcomes.getChildren().clear();
        Label summary = new Label(viewModel.summary());
        summary.setId("disableSummary");
        summary.getStyleClass().add("text-bold");
        outcomes.getChildren().add(summary);
        for (DisableKeysViewModel.Outcome outcome : viewModel.outcomes()) {
            Label line = new Label(VisibleText.escape(outcome.key().name(), 300) + " ("
                    + VisibleText.escape(outcome.key().hint(), 120) + "): " + VisibleText.escape(outcome.message(), 2000),
                    new FontIcon(outcome.changed() ? Feather.CHECK_CIRCLE : Feather.X_CIRCLE));
            line.setWrapText(true);
            line.getStyleClass().addAll("revoke-outcome", outcome.changed() ? "outcome-ok" : "outcome-failed");
            outcomes.getChildren().add(line);
        }
    }
}
