package io.keydeck.ui;

import io.keydeck.gateway.GatewayClient;
import io.keydeck.gateway.GatewayException;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

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

    private final String displayName;
    private final boolean demo;
    private final String openingMessage;
    private final CompletableFuture<GatewayClient> client;
    private final List<AutoCloseable> alsoClose;
    private final AtomicBoolean closed = new AtomicBoolean();

    private ConnectionSession(String displayName, boolean demo, String openingMessage,
                              CompletableFuture<GatewayClient> client, List<AutoCloseable> alsoClose) {
        this.displayName = Objects.requireNonNull(displayName, "displayName");
        this.demo = demo;
        this.openingMessage = openingMessage;
        this.client = client;
        this.alsoClose = alsoClose;
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
