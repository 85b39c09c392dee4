package io.keydeck.session;

import io.keydeck.gateway.GatewayClient;
import io.keydeck.gateway.GatewayException;
import io.keydeck.gateway.PartialAnswer;
import io.keydeck.settings.ConnectionProfile;
import io.keydeck.settings.EnvironmentTag;
import io.keydeck.vault.AdminTokenClaims;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;

/**
 * One gateway the user can look at, as the views see it: a name, whether it is a demo, and a client
 * that may still be opening (the embedded sandbox takes a moment to start). Views wait for the client
 * on a background thread and show {@link #openingMessage()} meanwhile.
 */
public final class ConnectionSession implements AutoCloseable {

    /** Opens the client; runs on a background thread and may block. */
    @FunctionalInterface
    public interface Opener {
        GatewayClient open() throws Exception;
    }

    /**
     * Told when a call of this session was refused with 401 or 403, so the app can ask for the token
     * again or say which permission is missing. May be called on any thread.
     */
    @FunctionalInterface
    public interface AuthFailureListener {
        void onAuthFailure(ConnectionSession session, GatewayException failure);
    }

    private final String displayName;
    private final boolean demo;
    private final String openingMessage;
    private final CompletableFuture<GatewayClient> client;
    private final List<AutoCloseable> alsoClose;
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile ConnectionProfile profile;
    private volatile AdminTokenClaims tokenClaims;
    private volatile String manageBlockedReason;
    private volatile AuthFailureListener authFailureListener;
    private volatile BiConsumer<ConnectionSession, PartialAnswer> partialAnswerListener;

    private ConnectionSession(String displayName, boolean demo, String openingMessage,
                              CompletableFuture<GatewayClient> client, List<AutoCloseable> alsoClose) {
        this.displayName = Objects.requireNonNull(displayName, "displayName");
        this.demo = demo;
        this.openingMessage = openingMessage;
        this.client = client;
        this.alsoClose = alsoClose;
        client.thenAccept(opened -> opened.reportPartialAnswersTo(this::reportPartialAnswer));
    }

    /** A session whose client is already open. */
    public static ConnectionSession of(String displayName, boolean demo, GatewayClient client) {
        return new ConnectionSession(displayName, demo, "", CompletableFuture.completedFuture(client), List.of());
    }

    /**
     * Starts opening on {@code executor} right away. {@code alsoClose} is closed after the client,
     * e.g. the server the client talks to.
     */
    public static ConnectionSession opening(String displayName, boolean demo, String openingMessage,
                                            Opener opener, Executor executor, AutoCloseable... alsoClose) {
        CompletableFuture<GatewayClient> future = new CompletableFuture<>();
        executor.execute(() -> {
            try {
                GatewayClient opened = opener.open();
                if (!future.complete(opened)) {
                    opened.close(); // the session was closed while the client was opening
                }
            } catch (Exception | Error e) {
                future.completeExceptionally(e);
            }
        });
        return new ConnectionSession(displayName, demo, openingMessage, future, List.of(alsoClose));
    }

    /** A session for a saved connection; as {@link #opening}, and it knows its profile. */
    public static ConnectionSession forProfile(ConnectionProfile profile, String openingMessage, Opener opener,
                                               Executor executor, AutoCloseable... alsoClose) {
        ConnectionSession session = opening(profile.displayName(), profile.demo(), openingMessage, opener, executor,
                alsoClose);
        session.profile = profile;
        return session;
    }

    /**
     * A session for a saved connection whose client arrives through {@code client}, a chain of
     * background steps (read the vault, maybe ask the user, connect) that holds no thread while it waits.
     */
    public static ConnectionSession forProfile(ConnectionProfile profile, String openingMessage,
                                               CompletionStage<GatewayClient> client) {
        CompletableFuture<GatewayClient> future = new CompletableFuture<>();
        client.whenComplete((opened, failure) -> {
            if (failure != null) {
                future.completeExceptionally(failure instanceof java.util.concurrent.CompletionException
                        && failure.getCause() != null ? failure.getCause() : failure);
            } else if (!future.complete(opened)) {
                opened.close(); // the session was closed while the client was opening
            }
        });
        ConnectionSession session = new ConnectionSession(profile.displayName(), profile.demo(), openingMessage,
                future, List.of());
        session.profile = profile;
        return session;
    }

    /** The saved connection behind this session; empty for sessions made by tests and previews. */
    public Optional<ConnectionProfile> profile() {
        return Optional.ofNullable(profile);
    }

    /** Production, staging or development, for the badge; empty when the session has no profile. */
    public Optional<EnvironmentTag> environmentTag() {
        return profile().map(ConnectionProfile::environmentTag);
    }

    /** What the admin token says about itself (JWT scopes and expiry), once the session has read it. */
    public Optional<AdminTokenClaims> tokenClaims() {
        return Optional.ofNullable(tokenClaims);
    }

    /**
     * Records what the admin token says and, when it cannot manage keys (a JWT without
     * {@code keys:manage}), the sentence that says so; null when it can or nobody knows.
     */
    public void noteToken(AdminTokenClaims claims, String manageBlocked) {
        this.tokenClaims = claims;
        this.manageBlockedReason = manageBlocked;
    }

    /**
     * Why this connection cannot create, change or revoke keys, e.g. "The admin token of Staging lacks
     * the keys:manage scope…"; empty when nothing is known to block it. The Keys view disables its
     * create and revoke actions with this sentence as the reason. Known once the session has opened.
     */
    public Optional<String> manageBlockedReason() {
        return Optional.ofNullable(manageBlockedReason);
    }

    /**
     * Any view whose gateway call failed calls this with the failure: a 401 makes the app ask for this
     * connection's token again (once, however many views report it), a 403 shows a banner naming the
     * refused permission. Other kinds are ignored. Safe on any thread.
     */
    public void reportAuthFailure(GatewayException failure) {
        AuthFailureListener listener = authFailureListener;
        if (listener != null && failure != null && (failure.kind() == GatewayException.Kind.UNAUTHENTICATED
                || failure.kind() == GatewayException.Kind.FORBIDDEN)) {
            listener.onAuthFailure(this, failure);
        }
    }

    /** Who handles {@link #reportAuthFailure}; set by the app's connection list. */
    public void onAuthFailure(AuthFailureListener listener) {
        this.authFailureListener = listener;
    }

    /**
     * The client answered a call of any view only in part (its costs report failed, say), or that part is
     * complete again; the app shows or clears a banner for this connection. Safe on any thread.
     */
    public void reportPartialAnswer(PartialAnswer answer) {
        BiConsumer<ConnectionSession, PartialAnswer> listener = partialAnswerListener;
        if (listener != null && answer != null) {
            listener.accept(this, answer);
        }
    }

    /** Who handles {@link #reportPartialAnswer}; set by the app's connection list. */
    public void onPartialAnswer(BiConsumer<ConnectionSession, PartialAnswer> listener) {
        this.partialAnswerListener = listener;
    }

    /** Completes when the client has opened (or failed to); for follow-up work such as token warnings. */
    public CompletionStage<GatewayClient> opened() {
        return client.minimalCompletionStage();
    }

    public String displayName() {
        return displayName;
    }

    /** True for the embedded sandbox: the UI labels its data as demo data. */
    public boolean isDemo() {
        return demo;
    }

    /** What to show while the client is opening, e.g. "Starting the local sandbox…". */
    public String openingMessage() {
        return openingMessage;
    }

    public boolean isReady() {
        return client.isDone() && !client.isCompletedExceptionally();
    }

    /** The client, waiting for it to open; blocks, so never call it on the FX thread. */
    public GatewayClient awaitClient() throws GatewayException, InterruptedException {
        try {
            return client.get();
        } catch (CancellationException e) {
            throw new GatewayException(GatewayException.Kind.NETWORK, 0, "closed",
                    displayName + " was closed.", null);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof GatewayException gatewayException) {
                throw gatewayException;
            }
            throw new GatewayException(GatewayException.Kind.NETWORK, 0, "connect_failed",
                    "Could not open " + displayName + ": " + cause.getMessage(), null, cause);
        }
    }

    /** Closes the client (once it has opened) and then whatever else the session owns. */
    @Override
    public void close() {
        if (closed.getAndSet(true)) {
            return;
        }
        client.cancel(false);
        if (client.isDone() && !client.isCompletedExceptionally()) {
            client.join().close();
        }
        for (AutoCloseable resource : alsoClose) {
            try {
                resource.close();
            } catch (Exception e) {
                org.slf4j.LoggerFactory.getLogger(ConnectionSession.class)
                        .warn("Closing {} failed: {}", displayName, e.toString());
            }
        }
    }
}
