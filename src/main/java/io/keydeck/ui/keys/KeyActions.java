package io.keydeck.ui.keys;

import io.keydeck.gateway.GatewayClient;
import io.keydeck.model.Capability;
import io.keydeck.ui.common.BackgroundTasks;
import io.keydeck.ui.common.StatusLine;
import io.keydeck.ui.dialogs.CreateKeyDialog;
import io.keydeck.ui.dialogs.CreateKeyViewModel;
import io.keydeck.ui.dialogs.KeyCreation;
import io.keydeck.ui.dialogs.SecretOnceDialog;
import io.keydeck.ui.dialogs.SecretOnceViewModel;
import io.keydeck.ui.dialogs.SecretSettings;
import io.keydeck.gateway.GatewayException;
import io.keydeck.model.ApiKey;
import io.keydeck.model.KeyUpdate;
import javafx.beans.binding.Bindings;
import javafx.concurrent.Task;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.TextInputDialog;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.stage.Window;

import java.text.MessageFormat;
import java.util.List;

import java.time.Clock;
import java.util.ResourceBundle;

/**
 * What the Keys view's toolbar, menu and shortcuts do: each action opens its dialog with what it
 * needs and puts the outcome back into {@link KeysViewModel}, so the controller only wires events.
 */
public final class KeyActions {
    private final KeysViewModel keys;
    private final BackgroundTasks tasks;
    private final ResourceBundle messages;
    private final StatusLine status;
    private final SecretSettings secretSettings;
    private final Clock clock;

    public KeyActions(KeysViewModel keys, BackgroundTasks tasks, ResourceBundle messages, StatusLine status,
                      SecretSettings secretSettings, Clock clock) {
        this.keys = keys;
        this.tasks = tasks;
        this.messages = messages;
        this.status = status;
        this.secretSettings = secretSettings;
        this.clock = clock;
    }

    /** False (and the reason in the status bar) when the gateway cannot do {@code capability}. */
    private boolean available(Capability capability) {
        String reason = keys.unsupportedReason(capability);
        if (reason != null) {
            status.show(reason);
        }
        return reason == null;
    }

    public void create(Window owner) {
        if (!available(Capability.CREATE_KEY)) {
            return;
        }
        GatewayClient client = keys.client();
        KeyCreation creation = new KeyCreation(client, tasks);
        creation.alreadyCreatedProperty().addListener((obs, old, existing) -> {
            if (existing != null) {
                showExisting(existing);
            }
        });
        CreateKeyViewModel form = new CreateKeyViewModel(client.driver().knownScopes(), keys.allKeys(), creation,
                messages, clock);
        new CreateKeyDialog(owner, form, messages).showAndWait().ifPresent(secret -> {
            keys.add(secret.key());
            SecretOnceViewModel once = new SecretOnceViewModel(secret, client.driver().secretEnvironmentVariable(),
                    messages);
            new SecretOnceDialog(owner, once, secretSettings, messages).showAndWait();
        });
    }

    public void revoke(Window owner, List<ApiKey> selection) {
    }

    public void rotate(Window owner, ApiKey key) {
    }

    public void findLeaked(Window owner) {
    }

    /** Asks for a new name and sends it; the row shows it when the gateway agrees. */
    public void rename(Window owner, ApiKey key) {
        if (!available(Capability.RENAME_KEY)) {
            return;
        }
        TextInputDialog ask = new TextInputDialog(key.name());
        ask.initOwner(owner);
        ask.setTitle(messages.getString("rename.title"));
        ask.setHeaderText(MessageFormat.format(messages.getString("rename.header"), key.name(), key.hint()));
        ask.getEditor().setId("renameField");
        ask.getDialogPane().lookupButton(ButtonType.OK).disableProperty().bind(Bindings.createBooleanBinding(() -> {
            String typed = ask.getEditor().getText().strip();
            return typed.isEmpty() || typed.length() > CreateKeyViewModel.MAX_NAME_LENGTH || typed.equals(key.name());
        }, ask.getEditor().textProperty()));
        ask.showAndWait().map(String::strip).ifPresent(name -> reportFailure(owner,
                keys.update(key, KeyUpdate.rename(name)), "rename.failed"));
    }

    /** Disables a live key or enables a disabled one. */
    public void toggleDisabled(ApiKey key) {
        if (available(Capability.DISABLE_KEY)) {
            reportFailure(null, keys.update(key, KeyUpdate.disabled(!key.disabled())), "disable.failed");
        }
    }

    public void copyId(ApiKey key) {
        keys.selectedProperty().set(key);
        ClipboardContent content = new ClipboardContent();
        content.putString(keys.copyKeyId());
        Clipboard.getSystemClipboard().setContent(content);
    }

    private void reportFailure(Window owner, Task<?> task, String titleKey) {
        task.setOnFailed(e -> {
            Throwable failure = task.getException();
            String text = failure instanceof GatewayException g ? g.describe() : String.valueOf(failure.getMessage());
            status.show(messages.getString(titleKey));
            Alert alert = new Alert(Alert.AlertType.ERROR, text, ButtonType.OK);
            alert.initOwner(owner);
            alert.setHeaderText(messages.getString(titleKey));
            alert.show();
        });
    }

    private void showExisting(ApiKey existing) {
        if (keys.allKeys().stream().noneMatch(k -> k.id().equals(existing.id()))) {
            keys.add(existing);
        } else {
            keys.focusOn(existing.id());
        }
    }
}
