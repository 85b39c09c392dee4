package io.keydeck.ui.keys;

import io.keydeck.model.ApiKey;
import io.keydeck.model.Capability;
import io.keydeck.ui.common.Mnemonic;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.HBox;
import javafx.stage.Window;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.text.MessageFormat;
import java.util.List;
import java.util.ResourceBundle;
import java.util.concurrent.Callable;

/**
 * The Keys view's commands in every place a user looks for them: toolbar buttons, the rows' context
 * menu and keyboard shortcuts. Each is enabled only when the selection and the gateway allow it, and a
 * command the gateway lacks says why in its tooltip.
 */
final class KeyCommands {
    private final KeysViewModel viewModel;
    private final KeyActions actions;
    private final ResourceBundle messages;
    private final TableView<ApiKey> table;

    KeyCommands(KeysViewModel viewModel, KeyActions actions, ResourceBundle messages, TableView<ApiKey> table) {
        this.viewModel = viewModel;
        this.actions = actions;
        this.messages = messages;
        this.table = table;
    }

    void fillToolbar(HBox toolbar) {
        toolbar.getChildren().addAll(
                button("newKeyButton", "keys.action.new", Feather.PLUS, Capability.CREATE_KEY, always(),
                        () -> actions.create(window())),
                button("revokeButton", "keys.action.revoke", Feather.TRASH_2, Capability.REVOKE_KEY, someLive(),
                        () -> actions.revoke(window(), List.copyOf(viewModel.selectedKeys()))),
                button("rotateButton", "keys.action.rotate", Feather.REPEAT, Capability.CREATE_KEY, oneLive(),
                        () -> actions.rotate(window(), single())),
                button("renameButton", "keys.action.rename", Feather.EDIT_2, Capability.RENAME_KEY, oneLive(),
                        () -> actions.rename(window(), single())),
                disableButton(),
                button("leakedButton", "keys.action.leaked", Feather.SHIELD, null, loaded(),
                        () -> actions.findLeaked(window())),
                selectedCount());
    }

    /** "Disable", "Enable", "Disable 3", "Disable 2 of 3": what a press does to the selection as it is now. */
    private Button disableButton() {
        Button button = button("disableButton", "keys.action.disable", Feather.SLASH, Capability.DISABLE_KEY,
                someToToggle(), () -> actions.toggleDisabled(window(), List.copyOf(viewModel.selectedKeys())));
        button.textProperty().bind(disableText());
        StringBinding plain = Bindings.createStringBinding(() -> Mnemonic.plain(button.getText()), button.textProperty());
        button.accessibleTextProperty().bind(plain);
        button.getTooltip().textProperty().bind(Bindings.createStringBinding(() -> {
            String reason = viewModel.unsupportedReason(Capability.DISABLE_KEY);
            return reason == null ? plain.get() : reason;
        }, plain, viewModel.driverProperty()));
        return button;
    }

    /** "3 selected", shown while more than one row is selected (the actions then apply to all of them). */
    private Label selectedCount() {
        Label count = new Label();
        count.setId("selectedCount");
        count.getStyleClass().add("text-muted");
        count.textProperty().bind(Bindings.createStringBinding(() -> MessageFormat.format(
                messages.getString("keys.selectedCount"), viewModel.selectedKeys().size()), viewModel.selectedKeys()));
        count.visibleProperty().bind(Bindings.size(viewModel.selectedKeys()).greaterThan(1));
        count.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        return count;
    }

    /** Right-click on a row: the commands for that row (or the whole selection, for revoke). */
    void installContextMenu() {
        MenuItem copyId = item("keys.copyId", Feather.COPY, null, oneSelected(), () -> actions.copyId(single()));
        MenuItem rename = item("keys.action.rename", Feather.EDIT_2, Capability.RENAME_KEY, oneLive(),
                () -> actions.rename(window(), single()));
        MenuItem disable = item("keys.action.disable", Feather.SLASH, Capability.DISABLE_KEY, someToToggle(),
                () -> actions.toggleDisabled(window(), List.copyOf(viewModel.selectedKeys())));
        disable.textProperty().bind(disableText());
        MenuItem rotate = item("keys.action.rotate", Feather.REPEAT, Capability.CREATE_KEY, oneLive(),
                () -> actions.rotate(window(), single()));
        MenuItem revoke = item("keys.action.revoke", Feather.TRASH_2, Capability.REVOKE_KEY, someLive(),
                () -> actions.revoke(window(), List.copyOf(viewModel.selectedKeys())));
        MenuItem limits = item("keys.action.limits", Feather.DOLLAR_SIGN, Capability.EDIT_LIMITS, someLive(),
                () -> actions.editLimits(window(), List.copyOf(viewModel.selectedKeys())));
        limits.setId("editLimitsItem");
        MenuItem scopes = item("keys.action.scopes", Feather.KEY, Capability.EDIT_SCOPES, someLive(),
                () -> actions.editScopes(window(), List.copyOf(viewModel.selectedKeys())));
        scopes.setId("editScopesItem");
        ContextMenu menu = new ContextMenu(copyId, new SeparatorMenuItem(), rename, disable, rotate, limits, scopes,
                new SeparatorMenuItem(), revoke);
        menu.setId("keyContextMenu");
        table.setRowFactory(t -> {
            TableRow<ApiKey> row = new TableRow<>();
            row.contextMenuProperty().bind(Bindings.when(row.emptyProperty()).then((ContextMenu) null).otherwise(menu));
            return row;
        });
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DELETE && !viewModel.selectedKeys().isEmpty()) {
                e.consume();
                actions.revoke(window(), List.copyOf(viewModel.selectedKeys()));
            }
        });
    }

    /** Ctrl+N new key, Ctrl+F search, Ctrl+R refresh, once the view is in a scene. */
    void installShortcuts(Node view, Node searchField) {
        view.sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                shortcuts(scene, searchField);
            }
        });
        if (view.getScene() != null) {
            shortcuts(view.getScene(), searchField);
        }
    }

    private void shortcuts(Scene scene, Node searchField) {
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN),
                () -> actions.create(window()));
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN),
                searchField::requestFocus);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN),
                viewModel::refresh);
    }

    private Button button(String id, String textKey, Ikon icon, Capability capability, BooleanBinding allowed,
                          Runnable action) {
        Button button = new Button(messages.getString(textKey), new FontIcon(icon));
        button.setId(id);
        button.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        button.setAccessibleText(Mnemonic.plain(messages.getString(textKey)));
        button.setOnAction(e -> action.run());
        button.disableProperty().bind(allowed.not().or(unsupported(capability)));
        if (capability != null) {
            Tooltip tooltip = new Tooltip();
            tooltip.textProperty().bind(reason(capability, textKey));
            button.setTooltip(tooltip);
        }
        return button;
    }

    private MenuItem item(String textKey, Ikon icon, Capability capability, BooleanBinding allowed, Runnable action) {
        MenuItem item = new MenuItem(messages.getString(textKey), new FontIcon(icon));
        item.setOnAction(e -> action.run());
        item.disableProperty().bind(allowed.not().or(unsupported(capability)));
        return item;
    }

    private StringBinding reason(Capability capability, String textKey) {
        return Bindings.createStringBinding(() -> {
            String reason = viewModel.unsupportedReason(capability);
            return reason == null ? Mnemonic.plain(messages.getString(textKey)) : reason;
        }, viewModel.driverProperty());
    }

    private StringBinding disableText() {
        return Bindings.createStringBinding(() -> DisableKeysViewModel.Plan.of(viewModel.selectedKeys()).label(messages),
                viewModel.selectedKeys());
    }

    private BooleanBinding someToToggle() {
        return selection(() -> !DisableKeysViewModel.Plan.of(viewModel.selectedKeys()).changing().isEmpty());
    }

    private BooleanBinding unsupported(Capability capability) {
        return Bindings.createBooleanBinding(() -> capability != null && viewModel.unsupportedReason(capability) != null,
                viewModel.driverProperty());
    }

    private BooleanBinding always() {
        return Bindings.createBooleanBinding(() -> true);
    }

    private BooleanBinding loaded() {
        return viewModel.driverProperty().isNotNull();
    }

    private BooleanBinding oneSelected() {
        return Bindings.size(viewModel.selectedKeys()).isEqualTo(1);
    }

    private BooleanBinding oneLive() {
        return selection(() -> viewModel.selectedKeys().size() == 1 && !viewModel.selectedKeys().get(0).revoked());
    }

    private BooleanBinding someLive() {
        return selection(() -> viewModel.selectedKeys().stream().anyMatch(k -> !k.revoked()));
    }

    private BooleanBinding selection(Callable<Boolean> test) {
        return Bindings.createBooleanBinding(test, viewModel.selectedKeys());
    }

    private ApiKey single() {
        return viewModel.selectedKeys().get(0);
    }

    private Window window() {
        return table.getScene() == null ? null : table.getScene().getWindow();
    }
}
