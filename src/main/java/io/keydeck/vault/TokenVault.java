package io.keydeck.vault;

import java.util.Optional;

/**
 * Where KeyDeck keeps the admin token of each connection, so that nothing else (settings, logs,
 * journal) ever has to. Implementations may block on the OS keychain: call them from a background
 * task, never on the JavaFX application thread.
 *
 * <p>Failures surface as {@link VaultException}, whose message is a sentence for the user and never
 * contains the token.
 */
public interface TokenVault extends AutoCloseable {

    /** Keeps a copy of {@code token} for {@code connectionId}, replacing any earlier one. */
    void store(String connectionId, char[] token);

    /** A fresh copy of the token (the caller wipes it when done), or empty when none is kept. */
    Optional<char[]> read(String connectionId);

    /** Forgets the token of {@code connectionId}; forgetting an absent token is not an error. */
    void delete(String connectionId);

    /**
     * Every id this vault holds a token or key for, so items no connection uses can be found; empty when
     * the backend cannot be asked for a list (then say so rather than pretend there are none).
     */
    default Optional<java.util.Set<String>> storedIds() {
        return Optional.empty();
    }

    /** True when a stored token is still there after KeyDeck restarts. */
    boolean remembersAcrossRestarts();

    /** Where tokens are kept, for the connections screen, e.g. "OS keychain (GNOME_KEYRING)". */
    String description();

    /** Releases the backend connection; a no-op unless the vault holds one. */
    @Override
    default void close() {
    }
}
