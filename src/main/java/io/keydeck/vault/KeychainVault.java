package io.keydeck.vault;

import com.github.javakeyring.BackendNotSupportedException;
import com.github.javakeyring.Keyring;
import com.github.javakeyring.KeyringStorageType;
import com.github.javakeyring.PasswordAccessException;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps admin tokens in the OS keychain (macOS Keychain, Windows Credential Manager, Secret Service
 * on Linux) through java-keyring, so they survive restarts without KeyDeck writing them anywhere.
 * Entries use service {@value #SERVICE} and the connection id as account.
 *
 * <p>Every call may block (D-Bus round trips, an unlock prompt): run it off the JavaFX thread.
 * java-keyring takes the token as a {@code String}, so a copy lives on the heap until collected;
 * that is the library's limit, not something this class can wipe.
 */
public final class KeychainVault implements TokenVault {
    public static final String SERVICE = "KeyDeck";
    private static final String PROBE_ACCOUNT = "keydeck-probe";
    private static final Logger LOG = LoggerFactory.getLogger(KeychainVault.class);

    private final Keyring keyring;

    private KeychainVault(Keyring keyring) {
        this.keyring = keyring;
    }

    /**
     * Opens the OS keychain and checks that it answers a read within {@code timeout}; a keychain
     * stuck behind a prompt nobody can see must not stall the start of KeyDeck forever.
     */
    public static KeychainVault open(Duration timeout) throws KeychainUnavailableException {
        return open(KeychainVault::createKeyring, timeout);
    }

    static KeychainVault open(Callable<Keyring> opener, Duration timeout) throws KeychainUnavailableException {
        FutureTask<Keyring> attempt = new FutureTask<>(() -> {
            Keyring keyring = opener.call();
            try {
                keyring.getPassword(SERVICE, PROBE_ACCOUNT);
            } catch (PasswordAccessException expected) {
                // No probe entry: the keychain answered, which is all we asked.
            } catch (RuntimeException e) {
                closeQuietly(keyring);
                throw e;
            }
            return keyring;
        });
        Thread thread = new Thread(attempt, "keychain-open");
        thread.setDaemon(true);
        thread.start();
        try {
            return new KeychainVault(attempt.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            attempt.cancel(true);
            throw new KeychainUnavailableException("it did not answer within " + inWords(timeout)
                    + "; it may be locked or waiting for a password prompt");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KeychainUnavailableException("KeyDeck was interrupted while asking it");
        } catch (ExecutionException e) {
            throw new KeychainUnavailableException(reason(e.getCause()));
        }
    }

    /** Keyring.create() only says "No available keyring backend found"; on Linux ask the Secret Service directly for the real reason. */
    private static Keyring createKeyring() throws BackendNotSupportedException {
        try {
            return Keyring.create();
        } catch (BackendNotSupportedException e) {
            if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) {
                throw e;
            }
            if (System.getenv("DBUS_SESSION_BUS_ADDRESS") == null) {
                throw new BackendNotSupportedException("there is no D-Bus session bus (DBUS_SESSION_BUS_ADDRESS is not set)");
            }
            try {
                return Keyring.create(KeyringStorageType.GNOME_KEYRING);
            } catch (BackendNotSupportedException detailed) {
                throw new BackendNotSupportedException("the Secret Service did not answer: " + rootMessage(detailed));
            }
        }
    }

    private static String inWords(Duration timeout) {
        return timeout.toMillis() < 1000 ? timeout.toMillis() + " ms" : timeout.toSeconds() + " seconds";
    }

    private static String reason(Throwable failure) {
        if (failure instanceof BackendNotSupportedException && failure.getCause() == null) {
            return failure.getMessage();
        }
        return rootMessage(failure);
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return message == null || message.isBlank() ? root.getClass().getSimpleName() : message;
    }

    @Override
    public synchronized void store(String connectionId, char[] token) {
        Objects.requireNonNull(connectionId, "connectionId");
        Objects.requireNonNull(token, "token");
        String secret = new String(token);
        try {
            keyring.setPassword(SERVICE, connectionId, secret);
        } catch (PasswordAccessException | RuntimeException e) {
            throw failure("store the token", connectionId, e, secret);
        }
    }

    @Override
    public synchronized Optional<char[]> read(String connectionId) {
        Objects.requireNonNull(connectionId, "connectionId");
        try {
            String secret = keyring.getPassword(SERVICE, connectionId);
            return secret == null ? Optional.empty() : Optional.of(secret.toCharArray());
        } catch (PasswordAccessException e) {
            if (!KeychainTrouble.isNoEntry(e)) {
                throw failure("read the token", connectionId, e, null);
            }
            LOG.debug("No keychain entry for connection {}: {}", connectionId, e.getMessage());
            return Optional.empty();
        } catch (RuntimeException e) {
            throw failure("read the token", connectionId, e, null);
        }
    }

    @Override
    public synchronized void delete(String connectionId) {
        Objects.requireNonNull(connectionId, "connectionId");
        try {
            keyring.deletePassword(SERVICE, connectionId);
        } catch (PasswordAccessException e) {
            // Backends word "not there" differently; what matters is whether an entry is left.
            if (read(connectionId).isPresent()) {
                throw failure("delete the token", connectionId, e, null);
            }
        } catch (RuntimeException e) {
            throw failure("delete the token", connectionId, e, null);
        }
    }

    /**
     * Only the Secret Service (Linux) can be asked for its items by attribute; java-keyring offers no
     * listing for the macOS Keychain, Windows Credential Manager or KWallet, so there the answer is empty.
     */
    @Override
    public synchronized Optional<java.util.Set<String>> storedIds() {
        if (keyring.getKeyringStorageType() != KeyringStorageType.GNOME_KEYRING) {
            return Optional.empty();
        }
        try (org.freedesktop.secret.simple.SimpleCollection items = new org.freedesktop.secret.simple.SimpleCollection()) {
            java.util.List<String> paths = items.getItems(java.util.Map.of("service", SERVICE));
            java.util.Set<String> ids = new java.util.TreeSet<>();
            for (String path : paths == null ? java.util.List.<String>of() : paths) {
                String account = items.getAttributes(path).get("account");
                if (account != null) {
                    ids.add(account);
                }
            }
            return Optional.of(ids);
        } catch (java.io.IOException | RuntimeException e) {
            LOG.info("The Secret Service could not list KeyDeck's items: {}", e.toString());
            return Optional.empty();
        }
    }

    @Override
    public boolean remembersAcrossRestarts() {
        return true;
    }

    @Override
    public String description() {
        KeyringStorageType type = keyring.getKeyringStorageType();
        if (type == null) {
            return "OS keychain";
        }
        switch (type) {
            case OSX_KEYCHAIN:
            case LEGACY_OSX_KEYCHAIN:
                return "macOS Keychain";
            case WINDOWS_CREDENTIAL_STORE:
                return "Windows Credential Manager";
            case KWALLET:
                return "KDE Wallet";
            default:
                return "Secret Service keyring (GNOME Keyring or compatible)";
        }
    }

    @Override
    public synchronized void close() {
        closeQuietly(keyring);
    }

    private static VaultException failure(String action, String connectionId, Exception e, String secret) {
        String detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (secret != null && !secret.isEmpty() && detail.contains(secret)) {
            detail = e.getClass().getSimpleName();
        }
        // the library's own words go to the log file only; the user gets what it means and what to do
        LOG.info("OS keychain could not {} of connection {}: {}", action, connectionId, detail);
        return new VaultException(KeychainTrouble.explain(action + " of this connection", e));
    }

    private static void closeQuietly(Keyring keyring) {
        try {
            keyring.close();
        } catch (Exception e) {
            LOG.debug("Closing the keychain connection failed: {}", e.toString());
        }
    }
}
