package io.keydeck.ui.connections;

import io.keydeck.gateway.GatewayClient;
import io.keydeck.gateway.GatewayException;
import io.keydeck.model.Capability;
import io.keydeck.sandbox.SandboxOptions;
import io.keydeck.settings.ConnectionProfile;
import io.keydeck.session.ConnectionSession;
import io.keydeck.session.GatewayOpener;
import io.keydeck.gateway.WaitListener;
import io.keydeck.vault.AdminTokenClaims;
import io.keydeck.vault.TokenVault;
import io.keydeck.vault.VaultException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.text.MessageFormat;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.BiFunction;
import java.util.function.BiConsumer;

/**
 * Turns a saved connection into a live session: the demo profile becomes the embedded sandbox, any
 * other profile gets its token from the vault (or, when the vault has none, from the user) and is
 * connected through its driver. All blocking work runs on the background executor; token copies are
 * wiped as soon as the driver has its own.
 */
final class SessionOpener {
    static final String MANAGE_SCOPE = "keys:manage";
    private static final Logger LOG = LoggerFactory.getLogger(SessionOpener.class);
    private static final GatewayOpener OPENER = GatewayOpener.installed();

    private final CompletableFuture<TokenVault> vault;
    private final BiFunction<ConnectionProfile, String, CompletableFuture<Optional<char[]>>> askToken;
    private final BiConsumer<ConnectionProfile, VaultException> storeFailed;
    private final Executor executor;
    private final ResourceBundle messages;
    private final SandboxOptions sandbox;
    /** The preferences' gateway deadline, read when a connection opens (0: KeyDeck's default). */
    private final java.util.function.IntSupplier preferredDeadline;

    SessionOpener(CompletableFuture<TokenVault> vault,
                  BiFunction<ConnectionProfile, String, CompletableFuture<Optional<char[]>>> askToken,
                  BiConsumer<ConnectionProfile, VaultException> storeFailed, Executor executor,
                  ResourceBundle messages, SandboxOptions sandbox, java.util.function.IntSupplier preferredDeadline) {
        this.vault = vault;
        this.preferredDeadline = preferredDeadline;
        this.askToken = askToken;
        this.storeFailed = storeFailed;
        this.executor = executor;
        this.messages = messages;
        this.sandbox = sandbox;
    }

    /**
     * Starts opening {@code profile} and returns its session at once.
     *
     * @param freshToken a token the user just typed, taken over and wiped; null to read the vault
     */
    ConnectionSession open(ConnectionProfile profile, char[] freshToken) {
        if (GatewayOpener.isEmbeddedSandbox(profile)) {
            wipe(freshToken);
            return EmbeddedSandbox.open(profile, sandbox, executor, messages);
        }
        CompletableFuture<ConnectionSession> self = new CompletableFuture<>();
        CompletableFuture<char[]> token = freshToken != null ? CompletableFuture.completedFuture(freshToken)
                : vault.thenApplyAsync(v -> {
                    try {
                        return GatewayOpener.savedToken(v, profile, missing -> null);
                    } catch (VaultException e) {
                        throw new CompletionException(e);
                    }
                }, executor).thenCompose(stored -> stored != null ? CompletableFuture.completedFuture(stored)
                        : askForMissingToken(profile));
        CompletableFuture<GatewayClient> client = token.thenApplyAsync(t -> {
            try {
                return connect(profile, t, self.join());
            } catch (GatewayException e) {
                throw new CompletionException(e);
            }
        }, executor);
        ConnectionSession session = ConnectionSession.forProfile(profile,
                MessageFormat.format(messages.getString("connection.opening"), profile.displayName()), client);
        self.complete(session);
        return session;
    }

    /** Stores a copy of {@code token} for {@code profile} in the background; wipes the copy afterwards. */
    CompletableFuture<Void> store(ConnectionProfile profile, char[] tokenCopy) {
        return vault.thenAcceptAsync(v -> {
            try {
                v.store(profile.id(), tokenCopy);
            } catch (VaultException e) {
                storeFailed.accept(profile, e);
            } finally {
                wipe(tokenCopy);
            }
        }, executor);
    }

    /** Wipes {@code token} whatever happens. */
    private GatewayClient connect(ConnectionProfile profile, char[] token, ConnectionSession session)
            throws GatewayException {
        try {
            AdminTokenClaims claims = AdminTokenClaims.inspect(token);
            session.noteToken(claims, claims.lacks(MANAGE_SCOPE)
                    ? MessageFormat.format(messages.getString("connection.manageBlocked"), profile.displayName())
                    : null);
            // a bad URL only comes from a hand-edited settings file; the form refuses it
            GatewayClient client = GatewayOpener.connect(OPENER.endpoint(profile, preferredDeadline.getAsInt()), token,
                    WaitListener.NONE);
            checkToken(client, session);
            return client;
        } finally {
            wipe(token);
        }
    }

    /** Asks the user; the answer is also put into the vault. Fails with "no token" when they decline. */
    private CompletableFuture<char[]> askForMissingToken(ConnectionProfile profile) {
        String reason = MessageFormat.format(messages.getString("token.prompt.missing"), vault.join().description());
        return askToken.apply(profile, reason).thenApply(answer -> {
            char[] token = answer.orElseThrow(() -> new CompletionException(new GatewayException(
                    GatewayException.Kind.UNAUTHENTICATED, 0, "no_token", MessageFormat.format(
                    messages.getString("connection.noToken"), profile.displayName()), null)));
            store(profile, token.clone());
            return token;
        });
    }

    /** One cheap call, so a rejected token is noticed (and asked for again) before any view needs it. */
    private static void checkToken(GatewayClient client, ConnectionSession session) throws GatewayException {
        if (!client.driver().capabilities().contains(Capability.TOKEN_INFO)) {
            return;
        }
        try {
            client.tokenInfo();
        } catch (GatewayException e) {
            if (e.kind() == GatewayException.Kind.UNAUTHENTICATED) {
                client.close();
                session.reportAuthFailure(e);
                throw e;
            }
            LOG.info("Token check of {} did not answer: {}", session.displayName(), e.describe());
        }
    }

    static void wipe(char[] token) {
        GatewayOpener.wipe(token);
    }
}
