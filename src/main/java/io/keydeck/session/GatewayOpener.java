package io.keydeck.session;

import io.keydeck.gateway.AdminToken;
import io.keydeck.gateway.GatewayClient;
import io.keydeck.gateway.GatewayDriver;
import io.keydeck.gateway.GatewayException;
import io.keydeck.gateway.GatewayTarget;
import io.keydeck.gateway.WaitListener;
import io.keydeck.journal.ActionJournal;
import io.keydeck.journal.JournalKeyring;
import io.keydeck.model.BaseUrlPolicy;
import io.keydeck.settings.ConnectionProfile;
import io.keydeck.settings.JournalForwarding;
import io.keydeck.vault.TokenVault;
import io.keydeck.vault.VaultException;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Opens a gateway the same way for the window and the command line: a saved connection or an ad-hoc
 * one (driver, base URL, token) is checked against the installed drivers and the transport policy, its
 * admin token is read from the vault or taken from the caller and wiped once the driver holds its own
 * copy, and the action journal is made ready with the forwarding the settings ask for.
 */
public final class GatewayOpener {

    /** A gateway that passed the checks and only needs its token: driver, base URL, driver options. */
    public record Endpoint(GatewayDriver driver, URI baseUrl, Map<String, String> options) {
        public Endpoint {
            options = Map.copyOf(options);
        }
    }

    private final Supplier<List<GatewayDriver>> drivers;

    /** {@code drivers} are the installed drivers (tests pass their own). */
    public GatewayOpener(Supplier<List<GatewayDriver>> drivers) {
        this.drivers = drivers;
    }

    /** An opener over the drivers on the class path. */
    public static GatewayOpener installed() {
        return new GatewayOpener(GatewayDriver::installed);
    }

    /**
     * True for the demo profile that points at the sandbox inside the window: it only exists while the
     * window runs, so the window starts it and the command line cannot reach it.
     */
    public static boolean isEmbeddedSandbox(ConnectionProfile profile) {
        return profile.demo() && ConnectionProfile.SANDBOX_BASE_URL.equals(profile.baseUrl());
    }

    /** The endpoint of a saved connection. */
    public Endpoint endpoint(ConnectionProfile profile) throws GatewayException {
        return endpoint(profile.driverId(), profile.baseUrl(), profile.options());
    }

    /**
     * The endpoint of a saved connection; one without a deadline of its own gets the preferences' gateway
     * deadline ({@link io.keydeck.settings.Preferences#gatewayDeadlineSeconds()}, 0 for KeyDeck's default).
     */
    public Endpoint endpoint(ConnectionProfile profile, int defaultDeadlineSeconds) throws GatewayException {
        return endpoint(profile.driverId(), profile.baseUrl(), withDefaultDeadline(profile.options(), defaultDeadlineSeconds));
    }

    /** {@code options} with {@code seconds} as the deadline when they set none and seconds is above 0. */
    public static Map<String, String> withDefaultDeadline(Map<String, String> options, int seconds) {
        Map<String, String> all = options == null ? Map.of() : options;
        if (seconds <= 0 || all.containsKey(io.keydeck.gateway.GatewayLimits.DEADLINE_OPTION)) {
            return all;
        }
        Map<String, String> with = new java.util.HashMap<>(all);
        with.put(io.keydeck.gateway.GatewayLimits.DEADLINE_OPTION, Integer.toString(seconds));
        return Map.copyOf(with);
    }

    /**
     * Checks driver and base URL: UNSUPPORTED ({@code unknown_driver}, naming the installed drivers) or
     * POLICY ({@code bad_base_url}, e.g. plain http:// to another computer) when either is wrong.
     */
    public Endpoint endpoint(String driverId, String baseUrl, Map<String, String> options) throws GatewayException {
        List<GatewayDriver> installed = drivers.get();
        GatewayDriver driver = installed.stream().filter(d -> d.id().equals(driverId)).findFirst()
                .orElseThrow(() -> new GatewayException(GatewayException.Kind.UNSUPPORTED, 0, "unknown_driver",
                        "KeyDeck has no gateway driver called \"" + driverId + "\"; installed: "
                                + installed.stream().map(GatewayDriver::id).collect(Collectors.joining(", ")) + ".",
                        null));
        Optional<String> problem = BaseUrlPolicy.problem(baseUrl);
        if (problem.isPresent()) {
            throw new GatewayException(GatewayException.Kind.POLICY, 0, "bad_base_url", problem.get(), null);
        }
        return new Endpoint(driver, URI.create(baseUrl.strip()), options);
    }

    /**
     * The admin token the vault keeps for {@code profile}, or what {@code whenMissing} supplies when it
     * keeps none (the window asks the user, the command line refuses).
     */
    public static <E extends Exception> char[] savedToken(TokenVault vault, ConnectionProfile profile,
                                                          MissingToken<E> whenMissing) throws VaultException, E {
        Optional<char[]> stored = vault.read(profile.id());
        return stored.isPresent() ? stored.get() : whenMissing.token(vault);
    }

    /** What to do when the vault keeps no token for a saved connection. */
    @FunctionalInterface
    public interface MissingToken<E extends Exception> {
        char[] token(TokenVault vault) throws E;
    }

    /** Connects to {@code endpoint} with {@code token}, which is wiped whatever happens. */
    public static GatewayClient connect(Endpoint endpoint, char[] token, WaitListener waits) throws GatewayException {
        try {
            return endpoint.driver().connect(new GatewayTarget(endpoint.baseUrl(), AdminToken.of(token),
                    endpoint.options()).withWaits(waits));
        } finally {
            wipe(token);
        }
    }

    /** Overwrites {@code token}; null is fine. */
    public static void wipe(char[] token) {
        if (token != null) {
            Arrays.fill(token, '\0');
        }
    }

    /** The journal's signing key and anchor go where admin tokens go: the vault {@code vault} supplies when first needed. */
    public static JournalKeyring journalKeyring(Supplier<TokenVault> vault) {
        return JournalKeyring.deferred(() -> {
            TokenVault chosen = vault.get();
            return JournalKeyring.of(chosen::store, chosen::read, chosen::delete, chosen.remembersAcrossRestarts(),
                    chosen.description());
        });
    }

    /**
     * {@code journal} forwarding its entries as {@code forwarding} says; when the settings are unusable
     * the journal is kept local and {@code warn} gets the reason.
     */
    public static ActionJournal journalReady(ActionJournal journal, JournalForwarding forwarding,
                                             Consumer<String> warn) {
        try {
            return journal.forwardingAsConfigured(forwarding);
        } catch (IllegalArgumentException e) {
            warn.accept("journal entries are not forwarded: " + e.getMessage());
            return journal;
        }
    }
}
