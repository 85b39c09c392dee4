package io.keydeck.sandbox;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-key, per-hour usage. Seeded history is not stored: it is computed from (seed, key, hour) each
 * time it is asked for, so 1,000 keys × 30 days cost no memory. Live traffic recorded by
 * {@code /v1/chat/completions} is kept as a compact map of hourly increments and added on top.
 */
final class UsageLedger {
    static final long HOUR_MS = 3_600_000L;
    /** Relative traffic per UTC hour of day: quiet nights, busy office hours. */
    private static final double[] DIURNAL = {
        0.18, 0.14, 0.12, 0.11, 0.12, 0.16, 0.26, 0.42, 0.66, 0.86, 0.97, 1.00,
        0.94, 0.98, 1.00, 0.96, 0.88, 0.74, 0.58, 0.46, 0.38, 0.32, 0.26, 0.21};

    /** How much busier a {@link UsageShape#SPIKE} key is on the day of its last use. */
    static final int SPIKE_FACTOR = 40;
    /**
     * Requests per unit of a {@link UsageShape#SPIKE} key's usage rate in the first hour of its spike day: the
     * spike begins with a burst at midnight UTC, so the day is already several times a usual day's spend at
     * any hour (a usual day is about 13 rate-hours; the burst's fewest tokens a request still make it over
     * three times that).
     */
    static final int SPIKE_OPENING_BURST = 400;

    private final long seed;
    private final Map<Long, long[]> live = new ConcurrentHashMap<>();

    UsageLedger(long seed) {
        this.seed = seed;
    }

    static int hourOf(long epochMillis) {
        return (int) Math.floorDiv(epochMillis, HOUR_MS);
    }

    /** Adds one call to the key's current hour. */
    void record(StoredKey key, long when, long inputTokens, long outputTokens, boolean error) {
        int hour = hourOf(when);
        long[] counts = live.computeIfAbsent(((long) key.seq << 32) | (hour & 0xffffffffL), k -> new long[4]);
        synchronized (counts) {
            counts[0]++;
            counts[1] += inputTokens;
            counts[2] += outputTokens;
            if (error) {
                counts[3]++;
            }
        }
        key.noteLiveHour(hour);
    }

    /** The hours in which {@code key} can have any usage, or null when it has none. */
    int[] activeHours(StoredKey key) {
        int from = Math.min(key.seededFromHour, key.firstLiveHour());
        int until = Math.max(key.seededUntilHour, key.lastLiveHour());
        return from > until ? null : new int[] {from, until};
    }

    /** Adds the key's usage in {@code hour} (seeded plus live) into {@code into}: requests, input, output, errors. */
    void addHour(StoredKey key, int hour, long[] into) {
        if (hour >= key.seededFromHour && hour <= key.seededUntilHour) {
            addSeeded(key, hour, into);
        }
        if (hour >= key.firstLiveHour() && hour <= key.lastLiveHour()) {
            addLiveHour(key, hour, into);
        }
    }

    /** Adds only the seeded part of the key's usage in {@code hour}: it never changes, so it may be cached. */
    void addSeededHour(StoredKey key, int hour, long[] into) {
        if (hour >= key.seededFromHour && hour <= key.seededUntilHour) {
            addSeeded(key, hour, into);
        }
    }

    /** Adds only what live calls added to the key's {@code hour}. */
    void addLiveHour(StoredKey key, int hour, long[] into) {
        long[] counts = live.get(((long) key.seq << 32) | (hour & 0xffffffffL));
        if (counts != null) {
            synchronized (counts) {
                for (int i = 0; i < 4; i++) {
                    into[i] += counts[i];
                }
            }
        }
    }

    private void addSeeded(StoredKey key, int hour, long[] into) {
        long r = Base62.mix(seed * 0x9E3779B97F4A7C15L + key.seq * 0xC2B2AE3D27D4EB4FL + hour);
        double u1 = (r >>> 40) / (double) (1L << 24);
        double u2 = ((r >>> 16) & 0xffffff) / (double) (1L << 24);
        double u3 = (r & 0xffff) / 65536.0;
        int day = Math.floorDiv(hour, 24);
        int dayOfWeek = Math.floorMod(day + 3, 7); // 1970-01-01 was a Thursday; 0 = Monday
        double weekly = dayOfWeek >= 5 ? 0.45 : 1.0;
        double mean = key.usageRate * DIURNAL[Math.floorMod(hour, 24)] * weekly;
        UsageShape shape = key.shape();
        long requests;
        switch (shape) {
            case BUSY -> requests = Math.round(key.usageRate * (0.55 + 0.45 * DIURNAL[Math.floorMod(hour, 24)])
                    * (0.8 + 0.4 * u1));
            case QUIET -> requests = u1 < 0.82 ? 0 : 1 + Math.round(mean * u2 * 2);
            case NONE -> requests = 0;
            default -> requests = Math.round(mean * (0.6 + 0.8 * u1));
        }
        if (shape == UsageShape.SPIKE && day == Math.floorDiv(key.seededUntilHour, 24)) {
            requests *= SPIKE_FACTOR;
            if (Math.floorMod(hour, 24) == 0) {
                requests += Math.round(key.usageRate * SPIKE_OPENING_BURST);
            }
        }
        if (hour == key.seededUntilHour && requests == 0) {
            requests = 1; // the seeded last_used_at falls in this hour
        }
        if (requests == 0) {
            return;
        }
        long input = requests * (180 + Math.round(u2 * 900));
        long output = requests * (60 + Math.round(u3 * 420));
        long errors;
        int hourOfDay = Math.floorMod(hour, 24);
        if (shape == UsageShape.ERROR_BURSTS && Math.floorMod(day + key.seq, 5) == 0 && hourOfDay >= 13
                && hourOfDay <= 16) {
            errors = Math.max(1, Math.round(requests * (0.3 + 0.3 * u3)));
        } else {
            errors = u3 < 0.08 ? Math.round(requests * 0.02 * (1 + u2)) : 0;
        }
        into[0] += requests;
        into[1] += input;
        into[2] += output;
        into[3] += Math.min(errors, requests);
    }
}
