package io.keydeck.sandbox;

import java.time.Duration;

/**
 * How to start a {@link SandboxGateway}: the same settings serve the app, the tests and the
 * {@code keydeck sandbox} command, so all three can reproduce one another's data from a seed.
 *
 * @param port              0 picks a free port
 * @param keys              how many demo keys to seed
 * @param seed              makes demo keys, usage history and auth events reproducible
 * @param traffic           whether the simulator keeps calling {@code /v1/chat/completions}
 * @param trafficInterval   pause between simulated calls
 * @param faults            a {@link FaultInjector#parse(String)} spec, or null
 * @param authEvents        how many seeded auth failures to create
 * @param rateLimitPerMinute requests one token may make per fixed one-minute window
 */
public record SandboxOptions(int port, int keys, long seed, boolean traffic, Duration trafficInterval, String faults,
                             int authEvents, int rateLimitPerMinute) {

    public static final int DEFAULT_KEYS = 48;
    public static final int DEFAULT_AUTH_EVENTS = 400;
    public static final int DEFAULT_RATE_LIMIT = 20_000;
    public static final Duration DEFAULT_TRAFFIC_INTERVAL = Duration.ofMillis(700);

    public SandboxOptions {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be between 0 and 65535, was " + port);
        }
        if (keys < 0) {
            throw new IllegalArgumentException("keys must not be negative, was " + keys);
        }
        if (authEvents < 0) {
            throw new IllegalArgumentException("authEvents must not be negative, was " + authEvents);
        }
        if (trafficInterval == null || trafficInterval.isNegative() || trafficInterval.isZero()) {
            trafficInterval = DEFAULT_TRAFFIC_INTERVAL;
        }
        if (rateLimitPerMinute <= 0) {
            rateLimitPerMinute = DEFAULT_RATE_LIMIT;
        }
        if (faults != null && faults.isBlank()) {
            faults = null;
        }
    }

    /** The original seven settings; the rate limit takes its default. */
    public SandboxOptions(int port, int keys, long seed, boolean traffic, Duration trafficInterval, String faults,
                          int authEvents) {
        this(port, keys, seed, traffic, trafficInterval, faults, authEvents, DEFAULT_RATE_LIMIT);
    }

    /** Random port, 48 keys, seed 42, traffic on, no faults. */
    public static SandboxOptions defaults() {
        return new SandboxOptions(0, DEFAULT_KEYS, 42L, true, DEFAULT_TRAFFIC_INTERVAL, null, DEFAULT_AUTH_EVENTS,
                DEFAULT_RATE_LIMIT);
    }

    public SandboxOptions withPort(int newPort) {
        return new SandboxOptions(newPort, keys, seed, traffic, trafficInterval, faults, authEvents, rateLimitPerMinute);
    }

    public SandboxOptions withKeys(int newKeys) {
        return new SandboxOptions(port, newKeys, seed, traffic, trafficInterval, faults, authEvents, rateLimitPerMinute);
    }

    public SandboxOptions withSeed(long newSeed) {
        return new SandboxOptions(port, keys, newSeed, traffic, trafficInterval, faults, authEvents, rateLimitPerMinute);
    }

    public SandboxOptions withTraffic(boolean newTraffic) {
        return new SandboxOptions(port, keys, seed, newTraffic, trafficInterval, faults, authEvents, rateLimitPerMinute);
    }

    public SandboxOptions withTrafficInterval(Duration newInterval) {
        return new SandboxOptions(port, keys, seed, traffic, newInterval, faults, authEvents, rateLimitPerMinute);
    }

    public SandboxOptions withFaults(String newFaults) {
        return new SandboxOptions(port, keys, seed, traffic, trafficInterval, newFaults, authEvents, rateLimitPerMinute);
    }

    public SandboxOptions withAuthEvents(int newAuthEvents) {
        return new SandboxOptions(port, keys, seed, traffic, trafficInterval, faults, newAuthEvents, rateLimitPerMinute);
    }

    public SandboxOptions withRateLimitPerMinute(int newLimit) {
        return new SandboxOptions(port, keys, seed, traffic, trafficInterval, faults, authEvents, newLimit);
    }
}
