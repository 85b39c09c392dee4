package io.keydeck.ui.keys;

import io.keydeck.gateway.GatewayClient;
import io.keydeck.model.ApiKey;
import io.keydeck.model.Capability;
import io.keydeck.ui.common.BackgroundTasks;
import io.keydeck.ui.common.StatusLine;
import io.keydeck.ui.journal.WindowJournal;
import javafx.stage.Window;

import java.time.Clock;
import java.util.List;
import java.util.ResourceBundle;
import java.util.function.Consumer;

/**
 * Revokes a key the leaked-key finder found on a connection other than the shown one: through the client
 * that listed it, journaled under that connection, with the usual confirmation naming the key and the
 * connection; the driver's capabilities and the token's scopes are checked first.
 */
final class RevokeOnAnotherConnection {
    private final BackgroundTasks tasks;
    private final ResourceBundle messages;
    private final Clock clock;
    private final StatusLine status;
    private final WindowJournal journal;

    /** {@code journal} may be null (nothing recorded). */
    RevokeOnAnotherConnection(BackgroundTasks tasks, ResourceBundle messages, Clock clock, StatusLine status,
                              WindowJournal journal) {
        this.tasks = tasks;
        this.messages = messages;
        this.clock = clock;
        this.status = status;
        this.journal = journal;
    }

    /** {@code revoked} gets the key, marked revoked, once the gateway revoked it. */
    void revoke(Window owner, LeakedKeyFinderViewModel.Found found, Consumer<ApiKey> revoked) {
        GatewayClient client = found.client();
        String name = found.connection().displayName();
        String reason = !client.driver().capabilities().contains(Capability.REVOKE_KEY)
                ? client.driver().unsupportedReason(Capability.REVOKE_KEY)
                : found.connection().manageBlockedReason().orElse(null);
        if (reason != null) {
            status.show(reason);
            return;
        }
        List<ApiKey> one = List.of(found.key());
        RevokeKeysViewModel revoke = new RevokeKeysViewModel(one, journal == null ? client
                : journal.watching(client, name, one), tasks, messages, clock, revoked).onConnection(name);
        new RevokeKeysDialog(owner, revoke, messages).showAndWait();
        if (!revoke.outcomes().isEmpty()) {
            status.notify(revoke.summary());
        }
    }
}
