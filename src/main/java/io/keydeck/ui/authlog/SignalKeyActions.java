package io.keydeck.ui.authlog;

import io.keydeck.gateway.GatewayClient;
import io.keydeck.model.ApiKey;
import io.keydeck.model.Capability;
import io.keydeck.model.VisibleText;
import io.keydeck.session.ConnectionSession;
import io.keydeck.ui.common.BackgroundTasks;
import io.keydeck.ui.common.StatusLine;
import io.keydeck.ui.journal.WindowJournal;
import io.keydeck.ui.keys.DisableKeysDialog;
import io.keydeck.ui.keys.DisableKeysViewModel;
import io.keydeck.ui.keys.RevokeKeysDialog;
import io.keydeck.ui.keys.RevokeKeysViewModel;
import io.keydeck.ui.shell.ActiveConnection;
import javafx.stage.Window;

import java.text.MessageFormat;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.function.Consumer;

/**
 * Revoke and Disable straight from an auth-log signal, through the Keys view's own confirmations (naming
 * the key, Cancel the default) and the client the events came from; each answer, with the gateway's
 * request id, goes to the dialog and the status bar, and the changed key to the auth log and the Keys view.
 */
final class SignalKeyActions {
    private final AuthLogViewModel viewModel;
    private final ActiveConnection active;
    private final BackgroundTasks tasks;
    private final ResourceBundle messages;
    private final Clock clock;
    private final StatusLine status;
    private final WindowJournal journal;
    private final Consumer<ApiKey> keysView;

    /** {@code journal} may be null (nothing recorded); {@code keysView} learns of every changed key. */
    SignalKeyActions(AuthLogViewModel viewModel, ActiveConnection active, BackgroundTasks tasks,
                     ResourceBundle messages, Clock clock, StatusLine status, WindowJournal journal,
                     Consumer<ApiKey> keysView) {
        this.viewModel = viewModel;
        this.active = active;
        this.tasks = tasks;
        this.messages = messages;
        this.clock = clock;
        this.status = status;
        this.journal = journal;
        this.keysView = keysView;
    }

    void revoke(Window owner, ApiKey key) {
        GatewayClient client = usable(Capability.REVOKE_KEY).orElse(null);
        if (client == null) {
            return;
        }
        RevokeKeysViewModel revoke = new RevokeKeysViewModel(List.of(key), journaled(client, key), tasks, messages,
                clock, this::changed);
        new RevokeKeysDialog(owner, revoke, messages).showAndWait();
        revoke.outcomes().forEach(o -> report(o.key(), o.message()));
    }

    void disable(Window owner, ApiKey key) {
        GatewayClient client = usable(Capability.DISABLE_KEY).orElse(null);
        if (client == null || key.disabled() || key.revoked()) {
            return; // the signal offers Disable only for a live, enabled key
        }
        DisableKeysViewModel disable = new DisableKeysViewModel(List.of(key), journaled(client, key), tasks,
                messages, this::changed);
        new DisableKeysDialog(owner, disable, messages).showAndWait();
        disable.outcomes().forEach(o -> report(o.key(), o.message()));
    }

    /** The client when it can do {@code capability} now; otherwise the reason goes to the status bar. */
    private Optional<GatewayClient> usable(Capability capability) {
        GatewayClient client = viewModel.client();
        ConnectionSession session = active.session();
        String reason = client == null || session == null ? messages.getString("authlog.notLoadedYet")
                : !client.driver().capabilities().contains(capability) ? client.driver().unsupportedReason(capability)
                : session.manageBlockedReason().orElse(null);
        if (reason != null) {
            status.show(reason);
            return Optional.empty();
        }
        return Optional.of(client);
    }

    private GatewayClient journaled(GatewayClient client, ApiKey key) {
        ConnectionSession session = active.session();
        return journal == null ? client : journal.watching(client, session.displayName(), List.of(key));
    }

    private void changed(ApiKey key) {
        viewModel.keyChanged(key);
        keysView.accept(key);
    }

    private void report(ApiKey key, String answer) {
        status.notify(MessageFormat.format(messages.getString("authlog.keyOutcome"), VisibleText.escape(key.name(), 300),
                VisibleText.escape(key.hint(), 120), VisibleText.escape(answer, 2000)));
    }
}
