package io.keydeck.vault;

import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps tokens in memory only: the fallback when no OS keychain answers, so KeyDeck still works
 * for this session without ever writing a token to a file.
 */
public final class SessionVault implements TokenVault {
    private final Map<String, char[]> tokens = new ConcurrentHashMap<>();

    @Override
    public void store(String connectionId, char[] token) {
        Objects.requireNonNull(connectionId, "connectionId");
        Objects.requireNonNull(token, "token");
        char[] previous = tokens.put(connectionId, token.clone());
        wipe(previous);
    }

    @Override
    public Optional<char[]> read(String connectionId) {
        char[] token = tokens.get(connectionId);
        return token == null ? Optional.empty() : Optional.of(token.clone());
    }

    @Override
    public void delete(String connectionId) {
        wipe(tokens.remove(connectionId));
    }

    @Override
    public Optional<java.util.Set<String>> storedIds() {
        return Optional.of(java.util.Set.copyOf(tokens.keySet()));
    }

    @Override
    public boolean remembersAcrossRestarts() {
        return false;
    }

    @Override
    public String description() {
        return "This session only (tokens are forgotten when KeyDeck closes)";
    }

    /** Wipes every token held; the vault is empty afterwards. */
    @Override
    public void close() {
        tokens.values().forEach(SessionVault::wipe);
        tokens.clear();
    }

    private static void wipe(char[] token) {
        if (token != null) {
            Arrays.fill(token, '\0');
        }
    }
}
