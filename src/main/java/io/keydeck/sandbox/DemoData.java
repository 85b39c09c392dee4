package io.keydeck.sandbox;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeds the sandbox with keys and auth failures that look like a real team's: busy and quiet
 * services, keys never used or unused for months, keys about to expire or already expired, revoked
 * and disabled keys, a couple with too-broad scopes, and a week of auth failures including a burst
 * of bad keys from one address. Everything follows from the seed.
 */
final class DemoData {
    static final long DAY_MS = 86_400_000L;
    static final String BURST_IP = "203.0.113.77";

    /** Profile letters: a active, b busy, q quiet, e error bursts, n never used, s stale, x expiring soon,
     *  X expired, r revoked, d disabled, M keys:manage, C config:write, k a spend spike today. */
    private static final String[][] CURATED = {
        {"billing-service (prod)", "live", "b"}, {"billing-service (staging)", "test", "a"},
        {"ci-runner", "test", "a"}, {"analytics-batch", "live", "e"}, {"mobile-app-ios", "live", "b"},
        {"mobile-app-android", "live", "b"}, {"web-frontend", "live", "a"}, {"support-chatbot", "live", "a"},
        {"search-indexer", "live", "q"}, {"data-science-notebook", "test", "n"},
        {"marketing-copy-generator", "live", "s"}, {"legacy-importer", "live", "s"},
        {"partner-acme-integration", "live", "X"}, {"internal-wiki-bot", "live", "a"},
        {"translation-service", "live", "a"}, {"recommendation-engine", "live", "b"},
        {"fraud-detection", "live", "e"}, {"email-summarizer", "live", "x"}, {"slack-bot", "live", "a"},
        {"qa-load-test", "test", "d"}, {"dev-alice", "test", "a"}, {"dev-bob", "test", "n"},
        {"staging-gateway", "test", "q"}, {"terraform-provisioner", "live", "C"}, {"docs-assistant", "live", "x"},
        {"sales-crm-sync", "live", "a"}, {"nightly-etl", "live", "q"}, {"voice-assistant", "live", "r"},
        {"hackathon-2024", "test", "r"}, {"customer-portal", "live", "a"}, {"admin-automation", "live", "M"},
        {"security-scanner", "live", "q"}, {"pricing-experiment", "test", "X"}, {"onboarding-flow", "live", "a"},
        {"ocr-pipeline", "live", "e"}, {"image-captioner", "live", "d"}, {"code-review-bot", "live", "a"},
        {"incident-responder", "live", "q"}, {"reporting-dashboard", "live", "a"},
        {"sandbox-playground", "test", "s"}, {"old-contractor-access", "live", "r"},
        {"partner-globex-sync", "live", "x"}, {"batch-embeddings", "live", "k"}, {"backup-verifier", "live", "n"},
        {"kiosk-app", "live", "s"}, {"zapier-integration", "live", "r"}, {"experiments-team", "test", "a"},
        {"load-balancer-health", "live", "q"},
    };
    private static final List<List<String>> SCOPE_SETS = List.of(
            List.of("chat:write"), List.of("chat:write", "models:read"),
            List.of("chat:write", "embeddings:write", "models:read"), List.of("chat:write", "embeddings:write"));
    private static final String[] USER_AGENTS = {"openai-python/1.40.0", "OpenAI/NodeJS 4.52.0", "curl/8.5.0",
        "python-requests/2.31.0", "Go-http-client/2.0", "okhttp/4.12.0", "MultiRoute-SDK/1.3 (Java 17)"};

    private DemoData() {
    }

    /** Plaintext secrets of a few seeded keys, kept in memory only so the traffic simulator can use them. */
    record SimulatorSecrets(List<String> good, String revoked, String expired, String disabled) {
        @Override
        public String toString() {
            return "SimulatorSecrets[" + good.size() + " good keys, secrets redacted]";
        }
    }

    private static final class Draft {
        String name;
        String prefix;
        char profile;
        long createdAt;
        long expiresAt;
        long revokedAt;
        boolean disabled;
        long lastUsedAt;
        String lastUsedIp;
        UsageShape shape = UsageShape.NONE;
        int rate;
        int seededFrom = Integer.MAX_VALUE;
        int seededUntil = Integer.MIN_VALUE;
        List<String> scopes;
        int order;
    }

    static SimulatorSecrets seedKeys(int count, long seed, long now, KeyStore keys) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<Draft> drafts = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            drafts.add(draft(i, rng, now, keys));
        }
        // seq follows creation time, so "newest first" listings match created_at; sorting packed
        // (created offset, index) longs keeps seeding 100,000 keys fast
        long base = now - 400 * DAY_MS;
        long[] order = new long[count];
        for (int i = 0; i < count; i++) {
            order[i] = ((drafts.get(i).createdAt - base) << 27) | i;
        }
        Arrays.sort(order);
        List<Draft> byCreation = new ArrayList<>(count);
        for (long packed : order) {
            byCreation.add(drafts.get((int) (packed & ((1 << 27) - 1))));
        }
        keys.expectKeys(count);
        List<String> good = new ArrayList<>();
        String revoked = null;
        String expired = null;
        String disabled = null;
        StoredKey[] byOrder = new StoredKey[count];
        String[] secrets = new String[Math.min(count, CURATED.length)];
        for (Draft d : byCreation) {
            String secret = d.prefix + Base62.random(rng, 32);
            String id = "key_" + Base62.random(rng, 24);
            StoredKey key = new StoredKey(keys.size(), id, d.name, d.prefix, secret.substring(secret.length() - 4),
                    d.scopes, d.createdAt, d.expiresAt, d.shape, d.rate, d.seededFrom, d.seededUntil);
            if (d.lastUsedAt != 0) {
                key.markUsed(d.lastUsedAt, d.lastUsedIp);
            }
            if (d.revokedAt != 0) {
                key.revoke(d.revokedAt);
            }
            key.setDisabled(d.disabled);
            keys.add(key, Base62.sha256(secret));
            byOrder[d.order] = key;
            if (d.order < secrets.length) {
                secrets[d.order] = secret;
            }
        }
        for (int i = 0; i < secrets.length; i++) {
            Draft d = drafts.get(i);
            switch (d.profile) {
                case 'a', 'b' -> {
                    if (good.size() < 6 && d.scopes.contains("chat:write")) {
                        good.add(secrets[i]);
                    }
                }
                case 'r' -> revoked = revoked == null ? secrets[i] : revoked;
                case 'X' -> expired = expired == null ? secrets[i] : expired;
                case 'd' -> disabled = disabled == null ? secrets[i] : disabled;
                default -> {
                }
            }
        }
        return new SimulatorSecrets(List.copyOf(good), revoked, expired, disabled);
    }

    private static Draft draft(int index, SplittableRandom rng, long now, KeyStore keys) {
        Draft d = new Draft();
        d.order = index;
        if (index < CURATED.length) {
            d.name = CURATED[index][0];
            d.prefix = "test".equals(CURATED[index][1]) ? StoredKey.TEST_PREFIX : StoredKey.LIVE_PREFIX;
            d.profile = CURATED[index][2].charAt(0);
        } else {
            String number = Integer.toString(index + 1);
            d.name = "key-" + "00000".substring(Math.min(5, number.length())) + number;
            d.prefix = rng.nextInt(10) < 3 ? StoredKey.TEST_PREFIX : StoredKey.LIVE_PREFIX;
            d.profile = randomProfile(rng.nextDouble());
        }
        d.scopes = keys.scopes(switch (d.profile) {
            case 'M' -> List.of("chat:write", "models:read", "keys:manage");
            case 'C' -> List.of("chat:write", "config:read", "config:write");
            default -> SCOPE_SETS.get(rng.nextInt(SCOPE_SETS.size()));
        });
        int nowHour = UsageLedger.hourOf(now);
        long ageDays = 20 + rng.nextInt(345);
        if (d.profile == 's' || d.profile == 'r') {
            ageDays = Math.max(ageDays, 120 + rng.nextInt(240));
        }
        d.createdAt = now - ageDays * DAY_MS - rng.nextLong(DAY_MS);
        d.lastUsedIp = ip(rng);
        d.expiresAt = rng.nextBoolean() ? 0 : now + (30 + rng.nextInt(335)) * DAY_MS;
        switch (d.profile) {
            case 'n' -> {
                return d;
            }
            case 's' -> {
                d.lastUsedAt = now - (91 + rng.nextInt((int) ageDays - 91)) * DAY_MS - rng.nextLong(DAY_MS);
                quietHistoryEndingAt(d, 14);
                return d;
            }
            case 'r' -> {
                d.revokedAt = now - (1 + rng.nextInt(60)) * DAY_MS - rng.nextLong(DAY_MS);
                d.lastUsedAt = d.revokedAt - rng.nextLong(3 * DAY_MS);
                d.shape = UsageShape.STEADY;
                d.rate = 5 + rng.nextInt(40);
                historyEndingAt(d, nowHour);
                return d;
            }
            case 'X' -> {
                d.expiresAt = now - (1 + rng.nextInt(20)) * DAY_MS;
                d.lastUsedAt = d.expiresAt - rng.nextLong(DAY_MS);
                d.shape = UsageShape.STEADY;
                d.rate = 5 + rng.nextInt(30);
                historyEndingAt(d, nowHour);
                return d;
            }
            case 'x' -> d.expiresAt = now + (1 + rng.nextInt(13)) * DAY_MS + rng.nextLong(DAY_MS);
            case 'd' -> {
                d.disabled = true;
                d.lastUsedAt = now - (3 + rng.nextInt(20)) * DAY_MS;
                d.shape = UsageShape.STEADY;
                d.rate = 5 + rng.nextInt(30);
                historyEndingAt(d, nowHour);
                return d;
            }
            default -> {
            }
        }
        switch (d.profile) {
            case 'b' -> {
                d.shape = UsageShape.BUSY;
                d.rate = 150 + rng.nextInt(450);
                d.lastUsedAt = now - 60_000 - rng.nextLong(20 * 60_000L);
            }
            case 'q' -> {
                d.shape = UsageShape.QUIET;
                d.rate = 2 + rng.nextInt(6);
                d.lastUsedAt = now - 60_000 - rng.nextLong(5 * DAY_MS);
            }
            case 'e' -> {
                d.shape = UsageShape.ERROR_BURSTS;
                d.rate = 20 + rng.nextInt(60);
                d.lastUsedAt = now - 60_000 - rng.nextLong(6 * 3_600_000L);
            }
            case 'k' -> {
                d.shape = UsageShape.SPIKE;
                d.rate = 10 + rng.nextInt(20);
                // today, even in the first minute after midnight UTC: the spike is today's
                d.lastUsedAt = Math.max(now - 60_000, Math.floorDiv(now, DAY_MS) * DAY_MS);
            }
            default -> {
                d.shape = UsageShape.STEADY;
                d.rate = 10 + rng.nextInt(50);
                d.lastUsedAt = now - 60_000 - rng.nextLong(2 * DAY_MS);
            }
        }
        d.lastUsedAt = Math.max(d.lastUsedAt, d.createdAt + 60_000);
        historyEndingAt(d, nowHour);
        return d;
    }

    private static char randomProfile(double r) {
        String profiles = "rrrrrrrdddXXxxxxnnnnnnnnnnssssssssMCbbbbbbbbqqqqqqqqqqqqqqqqqqqqeeeeee";
        int i = (int) (r * 100);
        return i < profiles.length() ? profiles.charAt(i) : 'a';
    }

    /** Thirty days (at most) of seeded hourly history, ending in the hour of the last use. */
    private static void historyEndingAt(Draft d, int nowHour) {
        d.lastUsedAt = Math.max(d.lastUsedAt, d.createdAt + 60_000);
        d.seededUntil = UsageLedger.hourOf(d.lastUsedAt);
        d.seededFrom = Math.max(UsageLedger.hourOf(d.createdAt) + 1, nowHour - 30 * 24);
        if (d.seededFrom > d.seededUntil) {
            d.seededFrom = d.seededUntil;
        }
    }

    /** A thin trickle of use in the days before a key went quiet, so its last use shows on a chart. */
    private static void quietHistoryEndingAt(Draft d, int days) {
        d.shape = UsageShape.QUIET;
        d.rate = 2;
        d.seededUntil = UsageLedger.hourOf(d.lastUsedAt);
        d.seededFrom = Math.max(UsageLedger.hourOf(d.createdAt) + 1, d.seededUntil - days * 24);
    }

    static String ip(SplittableRandom rng) {
        return switch (rng.nextInt(3)) {
            case 0 -> "198.51.100." + (1 + rng.nextInt(254));
            case 1 -> "192.0.2." + (1 + rng.nextInt(254));
            default -> "203.0.113." + (1 + rng.nextInt(76));
        };
    }

    /** {@code count} auth failures over the last seven days, oldest first. */
    static void seedAuthEvents(int count, long seed, long now, KeyStore keys, AuthEventLog log) {
        if (count == 0) {
            return;
        }
        SplittableRandom rng = new SplittableRandom(seed ^ 0xA5A5A5A5L);
        StoredKey revoked = first(keys, 'r');
        StoredKey expired = first(keys, 'X');
        StoredKey inference = first(keys, 'a');
        AuthEventLog.Failure invalid = log.failure(ApiError.invalidKey("Invalid API key."));
        AuthEventLog.Failure missing = log.failure(ApiError.missingKey());
        AuthEventLog.Failure revokedFailure = revoked == null ? invalid : log.failure(ApiError.invalidKey(
                "This API key was revoked on " + StoredKey.iso(revoked.revokedAt()) + "."));
        AuthEventLog.Failure expiredFailure = expired == null ? invalid : log.failure(ApiError.expiredKey(
                "This API key expired on " + StoredKey.iso(expired.expiresAt) + "."));
        AuthEventLog.Failure forbidden = log.failure(ApiError.insufficientScope(
                "Inference keys cannot call admin endpoints; this call needs an admin token with the scope keys:read."));
        String[] garbage = new String[Math.max(16, Math.min(2000, count / 4))];
        for (int i = 0; i < garbage.length; i++) {
            garbage[i] = log.intern(Base62.random(rng, 4));
        }
        String[] manyIps = new String[40];
        for (int i = 0; i < manyIps.length; i++) {
            manyIps[i] = log.intern(ip(rng));
        }
        long week = 7 * DAY_MS;
        long[] bursts = {now - week + rng.nextLong(DAY_MS), now - 3 * DAY_MS - rng.nextLong(DAY_MS),
            now - 6 * 3_600_000L - rng.nextLong(DAY_MS / 2)};
        String chat = log.intern("/v1/chat/completions");
        String post = log.intern("POST");
        List<AuthEventLog.Event> events = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int kind = rng.nextInt(100);
            long at = now - 1 - rng.nextLong(week);
            String ua = log.intern(USER_AGENTS[rng.nextInt(USER_AGENTS.length)]);
            AuthEventLog.Event e;
            if (kind < 35) {
                at = Math.min(now - 1, bursts[rng.nextInt(bursts.length)] + rng.nextLong(20 * 60_000L));
                e = new AuthEventLog.Event(at, -1, invalid, StoredKey.LIVE_PREFIX, garbage[rng.nextInt(garbage.length)],
                        BURST_IP, log.intern("python-requests/2.31.0"), post, chat, null);
            } else if (kind < 50 && revoked != null) {
                e = new AuthEventLog.Event(at, revoked.seq, revokedFailure, revoked.prefix, revoked.lastFour,
                        log.intern(rng.nextBoolean() ? "198.51.100.23" : "198.51.100.24"), ua, post, chat, null);
            } else if (kind < 65 && expired != null) {
                e = new AuthEventLog.Event(at, expired.seq, expiredFailure, expired.prefix, expired.lastFour,
                        manyIps[rng.nextInt(manyIps.length)], ua, post, chat, null);
            } else if (kind < 80) {
                e = new AuthEventLog.Event(at, -1, missing, null, null, log.intern(ip(rng)),
                        log.intern("curl/8.5.0"), post, chat, null);
            } else if (kind < 90 && inference != null) {
                e = new AuthEventLog.Event(at, inference.seq, forbidden, inference.prefix, inference.lastFour,
                        log.intern(ip(rng)), ua, log.intern("GET"), log.intern("/v1/api-keys"), null);
            } else {
                e = new AuthEventLog.Event(at, -1, invalid, StoredKey.TEST_PREFIX, garbage[rng.nextInt(garbage.length)],
                        log.intern(ip(rng)), ua, post, chat, null);
            }
            events.add(e);
        }
        long[] order = new long[count];
        for (int i = 0; i < count; i++) {
            order[i] = ((events.get(i).at() - (now - week)) << 32) | i;
        }
        Arrays.sort(order);
        List<AuthEventLog.Event> sorted = new ArrayList<>(count);
        for (long packed : order) {
            sorted.add(events.get((int) packed));
        }
        log.appendSorted(sorted);
    }

    /** The first curated key with the given profile, if the sandbox has it. */
    private static StoredKey first(KeyStore keys, char profile) {
        for (int i = 0; i < CURATED.length; i++) {
            if (CURATED[i][2].charAt(0) == profile) {
                String name = CURATED[i][0];
                List<StoredKey> found = keys.newestBefore(Integer.MAX_VALUE, 1, k -> k.name().equals(name));
                return found.isEmpty() ? null : found.get(0);
            }
        }
        return null;
    }
}
