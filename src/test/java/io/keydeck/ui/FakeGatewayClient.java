package io.keydeck.ui;

import io.keydeck.gateway.GatewayClient;
import io.keydeck.gateway.GatewayDriver;
import io.keydeck.gateway.GatewayException;
import io.keydeck.gateway.GatewayTarget;
import io.keydeck.model.ApiKey;
import io.keydeck.model.AuthEvent;
import io.keydeck.model.AuthEventQuery;
import io.keydeck.model.Capability;
import io.keydeck.model.IssuedSecret;
import io.keydeck.model.KeyUpdate;
import io.keydeck.model.NewKeyRequest;
import io.keydeck.model.Page;
import io.keydeck.model.RateLimitStatus;
import io.keydeck.model.RevokeResult;
import io.keydeck.model.TokenInfo;
import io.keydeck.model.UsageQuery;
import io.keydeck.model.UsageSeries;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/** An in-memory gateway for UI tests: pages through given keys, or fails, or blocks until released. */
public final class FakeGatewayClient implements GatewayClient {
    private final GatewayDriver driver = new GatewayDriver() {
        @Override
        public String id() {
            return "fake";
        }

        @Override
        public String displayName() {
            return "Fake gateway";
        }

        @Override
        public Set<Capability> capabilities() {
            return capabilities;
        }

        @Override
        public List<String> knownScopes() {
            return List.of("chat:write", "models:read");
        }

        @Override
        public List<String> keyAttributeNames() {
            return attributeNames;
        }

        @Override
        public GatewayClient connect(GatewayTarget target) {
            throw new UnsupportedOperationException("tests construct FakeGatewayClient directly");
        }
    };

    private volatile RateLimitStatus rateLimit;
    private volatile Set<Capability> capabilities = Set.of(Capability.LIST_KEYS);
    private volatile List<String> attributeNames = List.of();
    private volatile List<io.keydeck.model.UsagePoint> usage;
    private final java.util.Deque<GatewayException> createFailures = new java.util.concurrent.ConcurrentLinkedDeque<>();
    private final java.util.Map<String, GatewayException> revokeFailures = new java.util.concurrent.ConcurrentHashMap<>();
    private final List<String> idempotencyKeys = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final List<IssuedSecret> issued = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile CountDownLatch createGate;
    private final List<String> revoked = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile List<ApiKey> keys;
    private volatile List<AuthEvent> authEvents;
    private volatile GatewayException failure;
    private volatile int pageSize = 100;
    private volatile int blockAtPage = -1;
    private final CountDownLatch release = new CountDownLatch(1);
    private final CountDownLatch blocked = new CountDownLatch(1);
    private final AtomicInteger pagesServed = new AtomicInteger();
    private final AtomicBoolean interrupted = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();

    public FakeGatewayClient(List<ApiKey> keys) {
        this.keys = List.copyOf(keys);
    }

    /** The driver names these extra key attributes (driver-specific columns). */
    public FakeGatewayClient withAttributeNames(String... names) {
        this.attributeNames = List.of(names);
        return this;
    }

    /** Serves these auth events (newest first), filtered by time, status and code, paged like keys. */
    public FakeGatewayClient withAuthEvents(List<AuthEvent> events) {
        this.authEvents = List.copyOf(events);
        return this;
    }

    /** Usage answers with these points, whatever the query. */
    public FakeGatewayClient withUsage(List<io.keydeck.model.UsagePoint> points) {
        this.usage = List.copyOf(points);
        return this;
    }

    /** The driver claims exactly these capabilities. */
    public FakeGatewayClient withCapabilities(Capability... granted) {
        this.capabilities = Set.of(granted);
        return this;
    }

    /** The next creates fail with these, in order; later ones succeed. */
    public FakeGatewayClient failingCreatesWith(GatewayException... failures) {
        createFailures.addAll(List.of(failures));
        return this;
    }

    /** Revoking {@code keyId} fails with {@code failure}. */
    public FakeGatewayClient failingRevokeOf(String keyId, GatewayException failure) {
        revokeFailures.put(keyId, failure);
        return this;
    }

    /** The keys the fake gateway holds now, created ones included. */
    public List<ApiKey> keysForTest() {
        return keys;
    }

    /** The Idempotency-Key of every create attempt, in order. */
    /** Creates wait until {@code gate} opens (ignoring interrupts), as a slow gateway would. */
    public FakeGatewayClient creatingOnlyAfter(CountDownLatch gate) {
        this.createGate = gate;
        return this;
    }

    /** Every secret this gateway handed out, to check that nobody kept one. */
    public List<IssuedSecret> issued() {
        return List.copyOf(issued);
    }

    public List<String> idempotencyKeys() {
        return List.copyOf(idempotencyKeys);
    }

    /** Ids of keys revoked through this client, in order. */
    public List<String> revokedIds() {
        return List.copyOf(revoked);
    }

    public FakeGatewayClient pagedBy(int size) {
        this.pageSize = size;
        return this;
    }

    /** Every listing from now on fails with {@code exception}. */
    public FakeGatewayClient failingWith(GatewayException exception) {
        this.failure = exception;
        return this;
    }

    /** The request for page {@code page} (0-based) waits until {@link #release()} or an interrupt. */
    public FakeGatewayClient blockingAtPage(int page) {
        this.blockAtPage = page;
        return this;
    }

    public void release() {
        release.countDown();
    }

    /** Waits until a request is blocked in {@link #blockingAtPage}. */
    public boolean awaitBlocked() throws InterruptedException {
        return blocked.await(10, java.util.concurrent.TimeUnit.SECONDS);
    }

    public boolean wasInterrupted() {
        return interrupted.get();
    }

    public boolean isClosed() {
        return closed.get();
    }

    @Override
    public GatewayDriver driver() {
        return driver;
    }

    @Override
    public Page<ApiKey> listKeys(String cursor, int limit, boolean includeRevoked) throws GatewayException {
        if (failure != null) {
            throw failure;
        }
        int page = pagesServed.getAndIncrement();
        if (page == blockAtPage) {
            blocked.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                interrupted.set(true);
                Thread.currentThread().interrupt();
                throw new GatewayException(GatewayException.Kind.NETWORK, 0, null, "interrupted", null, e);
            }
        }
        int from = cursor == null ? 0 : Integer.parseInt(cursor);
        List<ApiKey> visible = includeRevoked ? keys : keys.stream().filter(k -> !k.revoked()).toList();
        int to = Math.min(visible.size(), from + Math.min(limit, pageSize));
        return new Page<>(visible.subList(from, to), to < visible.size() ? String.valueOf(to) : null);
    }

    @Override
    public IssuedSecret createKey(NewKeyRequest request, String idempotencyKey) throws GatewayException {
        idempotencyKeys.add(idempotencyKey);
        CountDownLatch gate = createGate;
        while (gate != null && gate.getCount() > 0) {
            try {
                gate.await();
            } catch (InterruptedException e) {
                // a request already on the wire is not stopped by the caller giving up
            }
        }
        GatewayException failure = createFailures.poll();
        if (failure != null) {
            throw failure;
        }
        String body = "Fa4eSecretBody" + String.format("%018d", idempotencyKeys.size());
        String prefix = "mrk_" + request.environment().wireName() + "_";
        ApiKey key = new ApiKey("key_new_" + idempotencyKeys.size(), request.name(), prefix,
                body.substring(body.length() - 4), request.environment(), request.scopes(), java.time.Instant.now(),
                null, null, request.expiresAt(), false, null, false, java.util.Map.of());
        keys = java.util.stream.Stream.concat(keys.stream(), java.util.stream.Stream.of(key)).toList();
        IssuedSecret secret = new IssuedSecret(key, (prefix + body).toCharArray());
        issued.add(secret);
        return secret;
    }

    @Override
    public ApiKey updateKey(String keyId, KeyUpdate update) throws GatewayException {
        ApiKey key = find(keyId);
        ApiKey renamed = update.name() != null ? key.withName(update.name()) : key;
        ApiKey changed = update.disabled() != null ? renamed.withDisabled(update.disabled()) : renamed;
        keys = keys.stream().map(k -> k.id().equals(keyId) ? changed : k).toList();
        return changed;
    }

    @Override
    public RevokeResult revokeKey(String keyId) throws GatewayException {
        GatewayException failure = revokeFailures.get(keyId);
        if (failure != null) {
            throw failure;
        }
        find(keyId);
        revoked.add(keyId);
        return new RevokeResult(keyId, true, "req_fake_" + keyId);
    }

    private ApiKey find(String keyId) throws GatewayException {
        return keys.stream().filter(k -> k.id().equals(keyId)).findFirst().orElseThrow(() ->
                new GatewayException(GatewayException.Kind.NOT_FOUND, 404, "not_found", "No such key", "req_404"));
    }

    @Override
    public UsageSeries usage(UsageQuery query) throws GatewayException {
        if (usage == null) {
            throw GatewayException.unsupported("not faked");
        }
        return new UsageSeries(query, usage);
    }

    @Override
    public Page<AuthEvent> authEvents(AuthEventQuery query) throws GatewayException {
        if (failure != null) {
            throw failure;
        }
        if (authEvents == null) {
            throw GatewayException.unsupported("not faked");
        }
        List<AuthEvent> matching = authEvents.stream()
                .filter(e -> query.since() == null || !e.occurredAt().isBefore(query.since()))
                .filter(e -> query.until() == null || e.occurredAt().isBefore(query.until()))
                .filter(e -> query.status() == null || e.status() == query.status())
                .filter(e -> query.code() == null || query.code().equals(e.code()))
                .toList();
        int from = query.after() == null ? 0 : Integer.parseInt(query.after());
        int to = Math.min(matching.size(), from + Math.min(query.limit(), pageSize));
        return new Page<>(matching.subList(from, to), to < matching.size() ? String.valueOf(to) : null);
    }

    @Override
    public TokenInfo tokenInfo() throws GatewayException {
        throw GatewayException.unsupported("not faked");
    }

    @Override
    public Optional<RateLimitStatus> lastRateLimit() {
        return Optional.ofNullable(rateLimit);
    }

    /** Answers as if the gateway's latest X-RateLimit headers said {@code status}. */
    public FakeGatewayClient withRateLimit(RateLimitStatus status) {
        this.rateLimit = status;
        return this;
    }

    @Override
    public void close() {
        closed.set(true);
    }
}
