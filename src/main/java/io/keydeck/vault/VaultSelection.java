package io.keydeck.vault;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The vault KeyDeck uses this session and, when it is not the OS keychain, a notice saying why,
 * so the user learns once that tokens will be asked for again next start. There is deliberately no
 * plain-file fallback.
 *
 * <p>{@link #choose()} may block for up to {@link #KEYCHAIN_TIMEOUT}: call it off the JavaFX thread.
 * System property {@code keydeck.vault=session} skips the keychain (tests, kiosk use).
 */
public record VaultSelection(TokenVault vault, Optional<String> notice, Optional<String> unavailable) {
    public static final Duration KEYCHAIN_TIMEOUT = Duration.ofSeconds(10);
    private static final Logger LOG = LoggerFactory.getLogger(VaultSelection.class);

    public VaultSelection {
        Objects.requireNonNull(vault, "vault");
        notice = notice == null ? Optional.empty() : notice;
        unavailable = unavailable == null ? Optional.empty() : unavailable;
    }

    public VaultSelection(TokenVault vault, Optional<String> notice) {
        this(vault, notice, Optional.empty());
    }

    /**
     * Why a token cannot be kept across restarts, and what to do, for a command that must keep one
     * (the window instead keeps it for the session and says so in {@link #notice}).
     */
    public String cannotKeep(String what) {
        String why = unavailable.orElse(vault.description());
        return "the " + what + " cannot be kept: no OS keychain answered (" + why + "). Start or unlock a keyring"
                + " (GNOME Keyring or KWallet) in this login session and try again; nothing was saved.";
    }

    public static VaultSelection choose() {
        if ("session".equalsIgnoreCase(System.getProperty("keydeck.vault", ""))) {
            return sessionOnly("it was not asked because keydeck.vault=session is set");
        }
        return choose(() -> KeychainVault.open(KEYCHAIN_TIMEOUT));
    }

    /** A source of the keychain vault; split out so the fallback can be tested without D-Bus. */
    @FunctionalInterface
    interface KeychainOpener {
        KeychainVault open() throws KeychainUnavailableException;
    }

    static VaultSelection choose(KeychainOpener opener) {
        try {
            KeychainVault keychain = opener.open();
            LOG.info("Admin tokens are kept in the {}", keychain.description());
            return new VaultSelection(keychain, Optional.empty());
        } catch (KeychainUnavailableException e) {
            return sessionOnly(e.getMessage());
        }
    }

    static VaultSelection sessionOnly(String reason) {
        String notice = "No OS keychain answered (" + reason + "); tokens are kept for this session only"
                + " and will be asked for again next start.";
        LOG.warn(notice);
        return new VaultSelection(new SessionVault(), Optional.of(notice), Optional.of(reason));
    }
}
