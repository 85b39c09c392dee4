package io.keydeck.ui.connections;

import io.keydeck.session.ConnectionSession;
import io.keydeck.ui.common.ListRows;
import io.keydeck.ui.common.DialogButtons;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.fxml.FXML;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.ResourceBundle;
import java.util.function.Predicate;

/** Binds the sidebar's connection list, its buttons and context menu to {@link ConnectionSidebarViewModel}. */
public final class ConnectionSidebarController {
    private static final double ROW_HEIGHT = 52;

    private final ConnectionSidebarViewModel viewModel;
    private final ResourceBundle messages;

    @FXML private ListView<ConnectionSession> connectionList;
    @FXML private Button editButton;
    @FXML private Button upButton;
    @FXML private Button downButton;
    @FXML private Button removeButton;
    @FXML private MenuItem editItem;
    @FXML private MenuItem upItem;
    @FXML private MenuItem downItem;
    @FXML private MenuItem removeItem;

    public ConnectionSidebarController(ConnectionSidebarViewModel viewModel, ResourceBundle messages) {
        this.viewModel = viewModel;
        this.messages = messages;
    }

    @FXML
    private void initialize() {
        connectionList.setItems(viewModel.sessions());
        connectionList.setCellFactory(list -> new ConnectionCell());
        ListRows.fit(connectionList, ROW_HEIGHT);
        connectionList.getSelectionModel().select(viewModel.activeProperty().get());
        connectionList.getSelectionModel().selectedItemProperty().addListener((obs, old, session) ->
                viewModel.select(session));
        viewModel.activeProperty().addListener((obs, old, session) ->
                connectionList.getSelectionModel().select(session));

        disableUnless(s -> viewModel.canEdit(s), editButton, editItem);
        disableUnless(s -> viewModel.canMove(s, -1), upButton, upItem);
        disableUnless(s -> viewModel.canMove(s, 1), downButton, downItem);
        disableUnless(s -> viewModel.canRemove(s), removeButton, removeItem);
        // Token prompts wait for the window to be on screen, or they would open behind it.
        connectionList.sceneProperty().flatMap(Scene::windowProperty).flatMap(Window::showingProperty)
                .addListener((obs, was, showing) -> {
                    if (Boolean.TRUE.equals(showing)) {
                        viewModel.useTokenPromptIfNone(TokenPromptDialog.over(window(), messages));
                    }
                });
    }

    private void disableUnless(Predicate<ConnectionSession> allowed, Button button, MenuItem item) {
        BooleanBinding blocked = Bindings.createBooleanBinding(() -> !allowed.test(selected()),
                connectionList.getSelectionModel().selectedItemProperty(), connectionList.getItems());
        button.disableProperty().bind(blocked);
        item.disableProperty().bind(blocked);
    }

    private ConnectionSession selected() {
        return connectionList.getSelectionModel().getSelectedItem();
    }

    @FXML
    private void add() {
        ConnectionDialogViewModel form = viewModel.addForm();
        if (saved(new ConnectionDialog(window(), form, messages).showAndWait().orElse(null))) {
            viewModel.save(form, null);
        } else {
            form.clearToken();
        }
    }

    @FXML
    private void edit() {
        ConnectionSession session = selected();
        if (!viewModel.canEdit(session)) {
            return;
        }
        ConnectionDialogViewModel form = viewModel.editForm(session);
        if (saved(new ConnectionDialog(window(), form, messages).showAndWait().orElse(null))) {
            viewModel.save(form, session);
        } else {
            form.clearToken();
        }
    }

    @FXML
    private void moveUp() {
        viewModel.move(selected(), -1);
    }

    @FXML
    private void moveDown() {
        viewModel.move(selected(), 1);
    }

    @FXML
    private void remove() {
        ConnectionSession session = selected();
        if (!viewModel.canRemove(session)) {
            return;
        }
        ButtonType confirm = new ButtonType(messages.getString("connection.remove.confirm"),
                ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = DialogButtons.cancel(messages);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, viewModel.removeText(session), confirm, cancel);
        io.keydeck.ui.common.DialogOwner.set(alert, window());
        alert.setTitle(messages.getString("connection.remove.title"));
        alert.setHeaderText(viewModel.removeHeader(session));
        alert.getDialogPane().lookupButton(cancel).setId("cancelRemove");
        alert.getDialogPane().lookupButton(confirm).setId("confirmRemove");
        if (alert.showAndWait().filter(confirm::equals).isPresent()) {
            viewModel.remove(session);
        }
    }

    private static boolean saved(ButtonType result) {
        return result != null && result.getButtonData() == ButtonBar.ButtonData.OK_DONE;
    }

    private Window window() {
        return connectionList.getScene().getWindow();
    }

    /** Icon, name and environment badge; a caption under demo connections. */
    private final class ConnectionCell extends ListCell<ConnectionSession> {
        ConnectionCell() {
            setPrefWidth(0); // fit the sidebar's width instead of scrolling sideways
        }

        @Override
        protected void updateItem(ConnectionSession session, boolean empty) {
            super.updateItem(session, empty);
            setText(null);
            boolean none = empty || session == null;
            setGraphic(none ? null : entry(session));
            // the whole entry, which a narrow sidebar cuts, for the pointer and for a screen reader
            String whole = none ? null : viewModel.wholeEntry(session);
            setAccessibleText(whole);
            setTooltip(none ? null : new Tooltip(whole));
        }

        private Node entry(ConnectionSession session) {
            Label name = new Label(session.displayName(), new FontIcon(session.isDemo() ? Feather.BOX : Feather.SERVER));
            name.getStyleClass().add("sidebar-entry");
            HBox details = new HBox(6);
            details.setAlignment(Pos.CENTER_LEFT);
            details.getStyleClass().add("sidebar-caption-line");
            String badgeText = viewModel.badgeText(session);
            if (!badgeText.isEmpty()) {
                Label badge = new Label(badgeText);
                badge.getStyleClass().addAll("badge", "env-badge", viewModel.badgeStyle(session));
                badge.setMinWidth(Region.USE_PREF_SIZE);
                details.getChildren().add(badge);
            }
            String caption = viewModel.caption(session);
            if (!caption.isEmpty()) {
                Label captionLabel = new Label(caption);
                captionLabel.getStyleClass().add("sidebar-caption");
                details.getChildren().add(captionLabel);
            }
            return details.getChildren().isEmpty() ? name : new VBox(2, name, details);
        }
    }
}
