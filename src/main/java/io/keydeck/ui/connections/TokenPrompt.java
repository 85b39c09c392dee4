package io.keydeck.ui.connections;

import io.keydeck.settings.ConnectionProfile;

import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * Asks the user for a connection's admin token: when the vault has none (a session-only vault after a
 * restart) or the gateway rejected the stored one. A dialog in the app, a script in tests.
 */
@FunctionalInterface
public interface TokenPrompt {

    /**
     * Called on the FX thread. Completes with the typed token (the receiver wipes it), or empty when
     * the user declined.
     *
     * @param reason one sentence saying why KeyDeck asks
     */
    CompletionStage<Optional<char[]>> ask(ConnectionProfile profile, String reason);
}
