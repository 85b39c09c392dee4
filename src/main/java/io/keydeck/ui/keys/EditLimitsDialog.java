package io.keydeck.ui.keys;

import io.keydeck.model.LimitReset;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;
import javafx.util.StringConverter;

import java.util.Optional;
import java.util.ResourceBundle;

/**
 * Edit limits: an amount in US dollars, how often it resets, or no limit at all. Cancel is the default
 * button (a limit set too low cuts off the clients that use the key); the answer for each key is reported
 * afterwards by {@link KeyActions}.
 */
final class EditLimitsDialog {
    private final Dialog<ButtonType> dialog;
    private final ButtonType set;

    EditLimitsDialog(Window owner, EditLimitsViewModel viewModel, ResourceBundle messages) {
        dialog = DialogForms.dialog(owner, messages.getString("limits.title"), viewModel.question());
        set = DialogForms.cancelFirst(dialog, messages.getString("limits.set"), "setLimitButton", viewModel.validProperty(), messages);

        TextField amount = new TextField();
        amount.setId("limitAmountField");
        amount.setPromptText("50.00");
        amount.textProperty().bindBidirectional(viewModel.amountProperty());
        ComboBox<LimitReset> reset = new ComboBox<>();
        reset.setId("limitResetChoice");
        reset.getItems().setAll(viewModel.resets());
        reset.valueProperty().bindBidirectional(viewModel.resetProperty());
        reset.setConverter(new StringConverter<>() {
            @Override
            public String toString(LimitReset value) {
                return value == null ? "" : messages.getString(switch (value) {
                    case DAILY -> "limits.reset.daily";
                    case WEEKLY -> "limits.reset.weekly";
                    case MONTHLY -> "limits.reset.monthly";
                    default -> "limits.reset.never";
                });
            }

            @Override
            public LimitReset fromString(String text) {
                return null;
            }
        });
        CheckBox remove = new CheckBox(messages.getString("limits.remove"));
        remove.setId("removeLimitCheck");
        remove.selectedProperty().bindBidirectional(viewModel.removeProperty());
        amount.disableProperty().bind(remove.selectedProperty());
        reset.disableProperty().bind(remove.selectedProperty());
        Label problem = DialogForms.hint(viewModel.problemProperty(), "form-error", "limitProblem");

        GridPane form = new GridPane();
        form.setHgap(12);
        form.setVgap(8);
        form.addRow(0, new Label(messages.getString("limits.amount")), amount);
        form.add(problem, 1, 1);
        form.addRow(2, new Label(messages.getString("limits.reset")), reset);
        form.add(remove, 1, 3);
        dialog.getDialogPane().setContent(form);
        dialog.setOnShown(e -> amount.requestFocus());
    }

    /** True when the user pressed Set limit. */
    boolean ask() {
        Optional<ButtonType> answer = dialog.showAndWait();
        return answer.isPresent() && answer.get() == set;
    }
}
