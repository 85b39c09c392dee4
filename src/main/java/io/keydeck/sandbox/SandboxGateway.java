package io.keydeck.sandbox;

import com.sun.net.httpserver.HttpServer;
import io.keydeck.model.KeyEnvironment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A MultiRoute-compatible gateway running inside this JVM on 127.0.0.1 (DESIGN.md §3), with demo
 * data, simulated traffic and fault injection — so the console works without an account, and tests
 * run against real HTTP.
 */
public final class SandboxGateway implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SandboxGateway.class);

    private final Clock clock = Clock.systemUTC();
    private final SandboxOptions options;
    private final AdminCredentials admin = new AdminCredentials(clock);
    private final KeyStore keys = new KeyStore();
    private final FaultInjector faults = new FaultInjector();
    private final UsageLedger ledger;
    private final AuthEventLog authLog;
    private HttpServer server;
    private ExecutorService executor;
    private TrafficSimulator traffic;
    private URI baseUrl;

    private SandboxGateway(SandboxOptions options) {
        this.options = options;
        this.ledger = new UsageLedger(options.seed());
        this.authLog = new AuthEventLog(options.seed());
    }

    /** Seeds the demo data, starts listening and (if asked) the traffic simulator; returns when it accepts requests. */
    public static SandboxGateway start(SandboxOptions options) throws IOException {
        Objects.requireNonNull(options, "options");
        SandboxGateway gateway = new SandboxGateway(options);
        if (options.faults() != null) {
            gateway.faults.apply(options.faults());
        }
        gateway.open();
        return gateway;
    }

    private void open() throws IOException {
        long started = System.nanoTime();
        long now = clock.millis();
        DemoData.SimulatorSecrets secrets = DemoData.seedKeys(options.keys(), options.seed(), now, keys);
        DemoTerms.seed(keys, new SpendMeter(ledger), now, options.seed());
        DemoData.seedAuthEvents(options.authEvents(), options.seed(), now, keys, authLog);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), options.port()), 128);
        AtomicInteger threads = new AtomicInteger();
        executor = new ThreadPoolExecutor(6, 6, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "sandbox-http-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", new SandboxRouter(admin, keys, ledger, authLog,
                new RateLimiter(options.rateLimitPerMinute(), clock), faults, clock));
        server.start();
        baseUrl = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        LOG.info("Sandbox gateway listening on {} with {} keys and {} auth events (ready in {} ms)", baseUrl,
                keys.size(), authLog.size(), (System.nanoTime() - started) / 1_000_000);
        if (options.traffic()) {
            traffic = new TrafficSimulator(baseUrl, secrets, options.seed());
            traffic.start(options.trafficInterval());
        }
    }

    /** {@code http://127.0.0.1:PORT}. */
    public URI baseUrl() {
        return baseUrl;
    }

    /** The opaque {@code mrk_admin_…} token that holds every admin scope. */
    public String adminToken() {
        return admin.opaqueToken();
    }

    /**
     * An HS256 JWT signed by this sandbox. A negative {@code ttl} gives a token that has already
     * expired; a null one never expires.
     */
    public String mintAdminJwt(String subject, List<String> scopes, Duration ttl) {
        return admin.mint(subject, scopes == null ? List.of() : scopes, ttl);
    }

    public FaultInjector faults() {
        return faults;
    }

    public SandboxOptions options() {
        return options;
    }

    /** Creates a key directly (no HTTP) and returns its secret, e.g. for a test that calls chat completions. */
    public IssuedKey issueInferenceKey(String name, KeyEnvironment environment, List<String> scopes) {
        return issueInferenceKey(name, environment, scopes, null);
    }

    /** As above; {@code expiresAt} may lie in the past to get an already expired key. */
    public IssuedKey issueInferenceKey(String name, KeyEnvironment environment, List<String> scopes,
                                       Instant expiresAt) {
        String prefix = environment == KeyEnvironment.TEST ? StoredKey.TEST_PREFIX : StoredKey.LIVE_PREFIX;
        List<String> granted = scopes == null || scopes.isEmpty() ? List.of("chat:write") : scopes;
        KeyStore.Created created = keys.create(null, null, new KeyStore.KeySpec(name, prefix, granted,
                expiresAt == null ? 0 : Math.max(1, expiresAt.toEpochMilli())), clock.millis());
        StoredKey key = created.key();
        return new IssuedKey(key.id, key.name(), key.prefix, key.lastFour, key.scopes, expiresAt, created.secret());
    }

    /** A key with {@code chat:write} in the live environment. */
    public IssuedKey issueInferenceKey(String name) {
        return issueInferenceKey(name, KeyEnvironment.LIVE, List.of("chat:write"));
    }

    /** How many keys the sandbox holds (revoked ones included). */
    public int keyCount() {
        return keys.size();
    }

    /** Stops the simulator and the server and frees the port. Safe to call twice. */
    @Override
    public synchronized void close() {
        if (traffic != null) {
            traffic.close();
            traffic = null;
        }
        if (server != null) {
            server.stop(0);
            server = null;
        }
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    @Override
    public String toString() {
        return "SandboxGateway[" + baseUrl + "]";
    }
}
