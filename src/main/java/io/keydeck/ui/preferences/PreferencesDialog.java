package io.keydeck.ui.preferences;

import atlantafx.base.theme.Styles;
import io.keydeck.settings.Theme;
import io.keydeck.ui.common.DialogButtons;
import io.keydeck.ui.common.DisplayText;
import io.keydeck.ui.common.FormLabel;
import io.keydeck.ui.common.Mnemonic;
import javafx.beans.property.Property;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.Window;

import java.util.Locale;
import java.util.ResourceBundle;

/**
 * Preferences: review thresholds, how long a copied secret stays on the clipboard, the theme and the
 * gateway deadline. Only binds to {@link PreferencesViewModel}. Cancel is the default button (Enter
 * never saves by accident); Save stays disabled while a field is wrong, and the wrong field says why.
 */
public final class PreferencesDialog extends Dialog<ButtonType> {
    private final ButtonType save;

    public PreferencesDialog(Window owner, PreferencesViewModel viewModel, ResourceBundle messages) {
        io.keydeck.ui.common.DialogOwner.set(this, owner);
        setTitle(messages.getString("preferences.title"));
        setHeaderText(messages.getString("preferences.header"));
        save = new ButtonType(messages.getString("preferences.save"), ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = DialogButtons.cancel(messages);
        getDialogPane().getButtonTypes().addAll(save, cancel);
        getDialogPane().getStyleClass().add("preferences-dialog");
        getDialogPane().setPrefWidth(680);

        GridPane form = new GridPane();
        form.setHgap(12);
        form.setVgap(4);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE); // captions are never cut short
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        form.getColumnConstraints().addAll(labels, fields);
        int row = 0;
        row = section(form, row, messages.getString("preferences.review"));
        row = number(form, row, messages.getString("preferences.neverUsedDays"), "neverUsedDays", viewModel.neverUsedDays());
        row = number(form, row, messages.getString("preferences.staleDays"), "staleDays", viewModel.staleDays());
        row = number(form, row, messages.getString("preferences.expiringSoonDays"), "expiringSoonDays",
                viewModel.expiringSoonDays());
        row = number(form, row, messages.getString("preferences.rotationDays"), "rotationDays", viewModel.rotationDays());
        row = section(form, row, messages.getString("preferences.window"));
        row = number(form, row, messages.getString("preferences.clipboardSeconds"), "clipboardSeconds",
                viewModel.clipboardSeconds());
        ComboBox<Theme> theme = new ComboBox<>();
        theme.setId("theme");
        theme.getItems().setAll(viewModel.themes());
        theme.setConverter(DisplayText.of(t -> Mnemonic.plain(messages.getString("theme." + t.name().toLowerCase(Locale.ROOT)))));
        theme.valueProperty().bindBidirectional(viewModel.themeProperty());
        form.add(FormLabel.of(messages.getString("preferences.theme"), theme), 0, row);
        form.add(theme, 1, row++);
        row = section(form, row, messages.getString("preferences.gateways"));
        row = number(form, row, messages.getString("preferences.deadlineSeconds"), "deadlineSeconds",
                viewModel.deadlineSeconds());
        Label deadlineHint = new Label(messages.getString("preferences.deadlineHint"));
        deadlineHint.setWrapText(true);
        deadlineHint.getStyleClass().add(Styles.TEXT_MUTED);
        deadlineHint.setMinHeight(Region.USE_PREF_SIZE);
        GridPane.setColumnSpan(deadlineHint, 2);
        form.add(deadlineHint, 0, row);
        form.setPadding(new Insets(8, 12, 4, 12));
        getDialogPane().setContent(form);

        Button saveButton = (Button) getDialogPane().lookupButton(save);
        saveButton.setId("savePreferences");
        saveButton.setDefaultButton(false);
        saveButton.disableProperty().bind(viewModel.validProperty().not());
        // a click that slips past the disabled state (typed in the same pulse) is refused as well
        saveButton.addEventFilter(ActionEvent.ACTION, e -> {
            if (!viewModel.validProperty().get()) {
                e.consume();
            }
        });
        Button cancelButton = (Button) getDialogPane().lookupButton(cancel);
        cancelButton.setId("cancelPreferences");
        cancelButton.setDefaultButton(true);
    }

    /** True when the dialog closed with Save. */
    public boolean saved(ButtonType result) {
        return result == save;
    }

    /**
     * Shows the dialog over {@code owner} and, on Save, sends the changed fields to {@code preferences}
     * and a changed theme to {@code themeChoice} (the window's theme menu, which applies and saves it).
     */
    public static void open(Window owner, SavedPreferences preferences, Property<Theme> themeChoice,
                            ResourceBundle messages) {
        PreferencesViewModel viewModel = new PreferencesViewModel(
                preferences.current().get().withTheme(themeChoice.getValue()), messages);
        PreferencesDialog dialog = new PreferencesDialog(owner, viewModel, messages);
        dialog.showAndWait().filter(dialog::saved).ifPresent(result -> {
            viewModel.change().ifPresent(preferences.update());
            viewModel.changedTheme().ifPresent(themeChoice::setValue);
        });
    }

    private static int section(GridPane form, int row, String title) {
        Label heading = new Label(title);
        heading.getStyleClass().addAll(Styles.TEXT_BOLD, "preferences-section");
        GridPane.setColumnSpan(heading, 2);
        GridPane.setMargin(heading, new Insets(row == 0 ? 0 : 10, 0, 2, 0));
        form.add(heading, 0, row);
        return row + 1;
    }

    private static int number(GridPane form, int row, String caption, String id, PreferencesViewModel.NumberField field) {
        TextField input = new TextField();
        input.setId(id);
        input.setPrefColumnCount(6);
        input.textProperty().bindBidirectional(field.textProperty());
        Label problem = new Label();
        problem.setId(id + "Problem");
        problem.setWrapText(true);
        problem.getStyleClass().addAll(Styles.DANGER, "field-problem");
        // one line kept free under every field, whole width: a dialog does not grow once shown, so a problem
        // appearing later must not need more room than the form already has
        problem.setMinHeight(Region.USE_PREF_SIZE);
        problem.textProperty().bind(javafx.beans.binding.Bindings.when(field.problemProperty().isEmpty())
                .then(" ").otherwise(field.problemProperty()));
        GridPane.setColumnSpan(problem, 2);
        form.add(FormLabel.of(caption, input), 0, row);
        form.add(input, 1, row++);
        form.add(problem, 0, row++);
        return row;
    }
}
