package io.keydeck.gateway;

import io.keydeck.model.ApiKey;
import io.keydeck.model.AuthEvent;
import io.keydeck.model.AuthEventQuery;
import io.keydeck.model.IssuedSecret;
import io.keydeck.model.KeyUpdate;
import io.keydeck.model.NewKeyRequest;
import io.keydeck.model.Page;
import io.keydeck.model.RateLimitStatus;
import io.keydeck.model.RevokeResult;
import io.keydeck.model.TokenInfo;
import io.keydeck.model.UsageQuery;
import io.keydeck.model.UsageSeries;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

/**
 * One connection to one gateway with one admin token. Every method blocks on the network, so call
 * it from a background task, never the FX thread. Methods throw {@link GatewayException} with
 * {@link GatewayException.Kind#UNSUPPORTED} when the driver lacks the capability.
 */
public interface GatewayClient extends AutoCloseable {

    GatewayDriver driver();

    /** One page of keys; {@code cursor} null for the first page. */
    Page<ApiKey> listKeys(String cursor, int limit, boolean includeRevoked) throws GatewayException;

    /**
     * Every key, following cursors. {@code progress} receives the count loaded so far; an interrupt of
     * the calling thread stops between pages with an {@link InterruptedException}.
     */
    default List<ApiKey> listAllKeys(boolean includeRevoked, IntConsumer progress)
            throws GatewayException, InterruptedException {
        int[] loaded = {0};
        return listAllKeysByPage(includeRevoked, page -> progress.accept(loaded[0] += page.size()));
    }

    /**
     * As {@link #listAllKeys(boolean, IntConsumer)}, handing each page to {@code eachPage} as it
     * arrives, so a view can show the first rows while the rest load. Pages of {@link #listPageSize()};
     * a gateway that pages without end is stopped by a {@link PagingGuard} with a clear error.
     */
    default List<ApiKey> listAllKeysByPage(boolean includeRevoked, Consumer<List<ApiKey>> eachPage)
            throws GatewayException, InterruptedException {
        List<ApiKey> all = new ArrayList<>();
        eachKeyPage(includeRevoked, page -> {
            all.addAll(page);
            eachPage.accept(page);
        });
        return all;
    }

    /**
     * Every key, one page at a time, keeping none: what a listing of any size streams through (the
     * command line's {@code keys list}). The same {@link PagingGuard} and interrupt rule as
     * {@link #listAllKeysByPage}; returns how many keys were listed.
     */
    default long eachKeyPage(boolean includeRevoked, Consumer<List<ApiKey>> eachPage)
            throws GatewayException, InterruptedException {
        PagingGuard<ApiKey> guard = new PagingGuard<>("keys", listPageSize(), limits(), ApiKey::id);
        long listed = 0;
        String cursor = null;
        do {
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedException("listing keys cancelled");
            }
            Page<ApiKey> page = listKeys(cursor, listPageSize(), includeRevoked);
            cursor = guard.accept(page);
            listed += page.items().size();
            eachPage.accept(page.items());
        } while (cursor != null);
        return listed;
    }

    /**
     * Every auth event {@code query} matches, following cursors for at most {@code maxPages} pages,
     * under the same {@link PagingGuard} as key listings.
     */
    default List<AuthEvent> listAuthEvents(AuthEventQuery query, int maxPages)
            throws GatewayException, InterruptedException {
        List<AuthEvent> events = new ArrayList<>();
        PagingGuard<AuthEvent> guard = new PagingGuard<>("auth events", query.limit(),
                limits(), AuthEvent::id);
        AuthEventQuery next = query;
        for (int page = 0; page < maxPages; page++) {
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedException("reading the auth log cancelled");
            }
            Page<AuthEvent> answer = authEvents(next);
            String cursor = guard.accept(answer);
            events.addAll(answer.items());
            if (cursor == null) {
                break;
            }
            next = query.after(cursor);
        }
        return events;
    }

    /** The deadline and size bounds this client keeps; listings use them too. */
    default GatewayLimits limits() {
        return GatewayLimits.fromSystemProperties();
    }

    /** How many keys {@link #listAllKeysByPage} asks for per page: the largest the gateway accepts. */
    default int listPageSize() {
        return 100;
    }

    /**
     * Creates a key. {@code idempotencyKey} is sent so a retried create never makes a second key; the
     * caller reuses it when the user retries the same request.
     */
    IssuedSecret createKey(NewKeyRequest request, String idempotencyKey) throws GatewayException;

    ApiKey updateKey(String keyId, KeyUpdate update) throws GatewayException;

    RevokeResult revokeKey(String keyId) throws GatewayException;

    UsageSeries usage(UsageQuery query) throws GatewayException;

    Page<AuthEvent> authEvents(AuthEventQuery query) throws GatewayException;

    TokenInfo tokenInfo() throws GatewayException;

    /**
     * Who hears about answers this client gave only in part (see {@link PartialAnswer}); replaces the one told
     * before. Called on whatever thread made the call. A client that never leaves a part out ignores it.
     */
    default void reportPartialAnswersTo(Consumer<PartialAnswer> listener) {
    }

    /** The {@code X-RateLimit-*} headers of the latest answer, if the gateway sends them. */
    Optional<RateLimitStatus> lastRateLimit();

    /**
     * The request id of the latest answer this client gave <em>on the calling thread</em>, so whoever made
     * a call can journal the gateway's id for it (a create or update returns the key, not the id).
     */
    default Optional<String> lastRequestId() {
        return Optional.empty();
    }

    @Override
    void close();
}
