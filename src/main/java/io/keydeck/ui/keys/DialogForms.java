package io.keydeck.ui.keys;

import atlantafx.base.controls.Message;
import io.keydeck.ui.common.DialogButtons;
import io.keydeck.ui.common.FormLabel;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.Node;
import javafx.event.ActionEvent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.List;
import java.util.Objects;
import java.util.ResourceBundle;

/** The few building blocks every key dialog shares, so they look and behave alike. */
final class DialogForms {
    private DialogForms() {
    }

    /** A dialog owned by {@code owner}, styled with the app's stylesheet. */
    static <R> Dialog<R> dialog(Window owner, String title, String header) {
        Dialog<R> dialog = new Dialog<>();
        if (owner != null) {
            io.keydeck.ui.common.DialogOwner.set(dialog, owner);
            if (owner.getScene() != null) {
                dialog.getDialogPane().getStylesheets().addAll(owner.getScene().getStylesheets());
            }
        }
        dialog.setTitle(title);
        dialog.setHeaderText(header);
        dialog.setResizable(true);
        dialog.getDialogPane().getStyleClass().add("key-dialog");
        io.keydeck.ui.common.DialogGrowth.followContent(dialog);
        return dialog;
    }

    /** A line of text shown only while {@code text} is not empty; {@code styleClass} colours it. */
    /**
     * While the gateway is asked to create a key, Cancel (or Esc) stops waiting and keeps the form
     * open, saying so; closing the window stops it too. A secret that still arrives is wiped unseen.
     */
    static void cancelStopsCreation(Dialog<?> dialog, ButtonType cancel, KeyCreation creation) {
        dialog.getDialogPane().lookupButton(cancel).addEventFilter(ActionEvent.ACTION, e -> {
            if (creation.busyProperty().get()) {
                e.consume();
                creation.cancel();
            }
        });
        dialog.setOnCloseRequest(e -> creation.cancel());
    }

    static Label hint(ObservableStringValue text, String styleClass, String id) {
        Label label = new Label();
        label.setId(id);
        label.setWrapText(true);
        label.textProperty().bind(text);
        label.getStyleClass().add(styleClass);
        label.visibleProperty().bind(Bindings.isNotEmpty(text));
        label.managedProperty().bind(label.visibleProperty());
        return label;
    }

    /** The gateway's error (message, code, request id) as a red banner; hidden while there is none. */
    static Message errorBanner(ObservableStringValue text, String title) {
        Message banner = new Message(title, "", new FontIcon(Feather.ALERT_TRIANGLE));
        banner.setId("dialogError");
        banner.getStyleClass().add("danger");
        banner.descriptionProperty().bind(text);
        banner.visibleProperty().bind(Bindings.isNotEmpty(text));
        banner.managedProperty().bind(banner.visibleProperty());
        return banner;
    }

    static GridPane form() {
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(10);
        return grid;
    }

    /** A caption ({@link FormLabel}: its Alt+letter reaches the first content node) and the content below each other. */
    static void row(GridPane grid, int row, String label, Node... content) {
        Label caption = FormLabel.of(label, content.length > 0 ? content[0] : null);
        caption.getStyleClass().add("form-label");
        caption.setMinWidth(Region.USE_PREF_SIZE); // a narrow dialog wraps the content, never cuts the caption
        VBox box = new VBox(4, content);
        GridPane.setHgrow(box, Priority.ALWAYS);
        grid.add(caption, 0, row);
        grid.add(box, 1, row);
        GridPane.setValignment(caption, javafx.geometry.VPos.TOP);
    }

    static String text(java.util.ResourceBundle messages, String key) {
        return Objects.requireNonNull(messages.getString(key), key);
    }

    /** One checkbox per scope, bound to its choice, wrapping as the dialog narrows. */
    static FlowPane scopeBoxes(String id, List<CreateKeyViewModel.ScopeChoice> choices) {
        FlowPane boxes = new FlowPane(12, 8);
        boxes.setId(id);
        for (CreateKeyViewModel.ScopeChoice choice : choices) {
            CheckBox box = new CheckBox(choice.scope());
            box.setMnemonicParsing(false); // scope names are the gateway's, underscores included
            box.getStyleClass().add("scope-choice");
            box.selectedProperty().bindBidirectional(choice.selected());
            boxes.getChildren().add(box);
        }
        return boxes;
    }

    /**
     * Adds {@code action} (enabled while {@code valid}) and Cancel to {@code dialog}, Cancel the default button:
     * for changes that can cut off the clients of a key, Enter must not send them.
     */
    static ButtonType cancelFirst(Dialog<ButtonType> dialog, String actionText, String actionId,
                                  ObservableBooleanValue valid, ResourceBundle messages) {
        ButtonType action = new ButtonType(actionText, ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = DialogButtons.cancel(messages);
        dialog.getDialogPane().getButtonTypes().addAll(action, cancel);
        Button actionButton = (Button) dialog.getDialogPane().lookupButton(action);
        actionButton.setId(actionId);
        actionButton.setDefaultButton(false);
        actionButton.disableProperty().bind(Bindings.not(valid));
        ((Button) dialog.getDialogPane().lookupButton(cancel)).setDefaultButton(true);
        return action;
    }
}
