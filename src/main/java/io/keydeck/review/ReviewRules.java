package io.keydeck.review;

import io.keydeck.model.ApiKey;
import io.keydeck.model.AuthEvent;
import io.keydeck.model.KeyEnvironment;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Runs every {@link ReviewRule} over one connection's keys. Pure: the same input and clock give the
 * same findings, so the Review view and {@code keydeck report} always agree.
 *
 * <p>Day thresholds are reached at whole days: a key last used exactly 90 days ago is stale at 90.
 * Revoked keys only feed the revoked-key rule; an expired key only gets the "expired" finding.
 */
public final class ReviewRules {
    /** Scopes that let a key change the gateway (its keys or configuration) rather than call models. */
    public static final Set<String> ADMIN_SCOPES = Set.of("keys:manage", "keys:write", "config:write", "admin", "*");
    // Read scopes (keys:read, config:read, audit:read, usage:read) change nothing, so holding one is not
    // "administering the gateway"; this rule does not name them.

    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);
    static final Comparator<Finding> ORDER = Comparator.comparing(Finding::severity)
            .thenComparing(Finding::connection)
            .thenComparing(f -> f.key().name(), String.CASE_INSENSITIVE_ORDER)
            .thenComparing(f -> f.key().id())
            .thenComparing(f -> ruleOf(f.ruleId()).ordinal());

    private ReviewRules() {
    }

    /** The findings for one connection, most severe first. */
    public static List<Finding> review(ReviewInput input, Instant now) {
        return run(input, now).findings();
    }

    /**
     * The findings plus the rules that could not run and why. When none of two or more keys has a
     * last-use time the gateway evidently does not report it (Anthropic's Admin API, for one), so
     * never-used and stale are skipped rather than flagging every key.
     */
    public static ConnectionReview run(ReviewInput input, Instant now) {
        List<Finding> findings = new ArrayList<>();
        StreamedReview review = new StreamedReview(input, now, row -> findings.addAll(row.findings()));
        review.keys(input.keys());
        ConnectionTotals totals = review.finish();
        findings.sort(ORDER);
        return new ConnectionReview(input, findings, totals.skipped());
    }

    /** Sorts findings of several connections the way a review lists them: most severe first. */
    public static List<Finding> sorted(List<Finding> findings) {
        List<Finding> copy = new ArrayList<>(findings);
        copy.sort(ORDER);
        return copy;
    }

    public static ReviewRule ruleOf(String ruleId) {
        for (ReviewRule rule : ReviewRule.values()) {
            if (rule.id().equals(ruleId)) {
                return rule;
            }
        }
        throw new IllegalArgumentException("Unknown rule " + ruleId);
    }

    static void check(ApiKey key, ReviewInput input, Instant now, boolean lastUseKnown, List<Finding> out) {
        Thresholds limits = input.thresholds();
        if (key.revoked()) {
            if (input.authEvents() != null) {
                revokedKeyAttempts(key, input.authEvents(), out, input);
            }
            return;
        }
        if (key.expiresAt() != null && !key.expiresAt().isAfter(now)) {
            add(out, ReviewRule.EXPIRED, key, input, "Expired " + ago(key.expiresAt(), now) + " ("
                    + DAY.format(key.expiresAt()) + ") but was never revoked.");
            return;
        }
        Long age = key.createdAt() == null ? null : wholeDays(key.createdAt(), now);
        if (!lastUseKnown) {
            // nothing to judge: the gateway does not say when keys were used
        } else if (key.lastUsedAt() == null) {
            if (age != null && age >= limits.neverUsedDays()) {
                add(out, ReviewRule.NEVER_USED, key, input, "Created " + days(age) + " ago and never used (threshold "
                        + days(limits.neverUsedDays()) + ").");
            }
        } else {
            long idle = wholeDays(key.lastUsedAt(), now);
            if (idle >= limits.staleDays()) {
                add(out, ReviewRule.STALE, key, input, "Last used " + days(idle) + " ago (threshold "
                        + days(limits.staleDays()) + ").");
            }
        }
        if (key.expiresAt() == null) {
            add(out, ReviewRule.NO_EXPIRY, key, input,
                    "Has no expiry date, so a leaked copy works until someone revokes it.");
        } else if (!key.expiresAt().isAfter(now.plus(Duration.ofDays(limits.expiringSoonDays())))) {
            add(out, ReviewRule.EXPIRING_SOON, key, input, "Expires " + until(now, key.expiresAt()) + ", on "
                    + DAY.format(key.expiresAt()) + " (threshold " + days(limits.expiringSoonDays())
                    + "); rotate it before its callers break.");
        }
        if (age != null && age >= limits.rotationDays()) {
            add(out, ReviewRule.ROTATION_DUE, key, input, "Created " + days(age) + " ago; the rotation policy is "
                    + days(limits.rotationDays()) + ".");
        }
        List<String> admin = scopesIn(key, ADMIN_SCOPES);
        if (!admin.isEmpty() && isInferenceKey(key)) {
            add(out, ReviewRule.BROAD_SCOPES, key, input, "Inference key has the admin scope"
                    + (admin.size() > 1 ? "s " : " ") + String.join(", ", admin)
                    + "; anyone holding it can administer the gateway.");
        }
        if (input.productionTagged() && key.environment() == KeyEnvironment.TEST) {
            add(out, ReviewRule.TEST_KEY_IN_PRODUCTION, key, input,
                    "Test key in \"" + input.connectionName() + "\", a connection tagged production.");
        }
        SpendRules.check(key, input, now, out);
    }

    private static void revokedKeyAttempts(ApiKey key, List<AuthEvent> events, List<Finding> out, ReviewInput input) {
        int count = 0;
        AuthEvent latest = null;
        for (AuthEvent event : events) {
            if (!sentKey(event, key)) {
                continue;
            }
            if (key.revokedAt() != null && event.occurredAt() != null && event.occurredAt().isBefore(key.revokedAt())) {
                continue;
            }
            count++;
            if (latest == null || (event.occurredAt() != null && latest.occurredAt() != null
                    && event.occurredAt().isAfter(latest.occurredAt()))) {
                latest = event;
            }
        }
        if (count == 0) {
            return;
        }
        StringBuilder reason = new StringBuilder();
        reason.append(key.revokedAt() == null ? "Revoked but" : "Revoked on " + DAY.format(key.revokedAt()) + " but")
                .append(" still sent ").append(count == 1 ? "once" : count + " times")
                .append(key.revokedAt() == null ? "" : " since");
        if (latest.occurredAt() != null) {
            reason.append(", last ").append(MINUTE.format(latest.occurredAt()));
        }
        if (latest.clientIp() != null && !latest.clientIp().isBlank()) {
            reason.append(" from ").append(latest.clientIp());
        }
        reason.append('.');
        add(out, ReviewRule.REVOKED_KEY_ATTEMPTS, key, input, reason.toString());
    }

    /** The event carried this key: by id when the gateway matched it, else by prefix and last four. */
    static boolean sentKey(AuthEvent event, ApiKey key) {
        if (event.keyId() != null && !event.keyId().isBlank()) {
            return event.keyId().equals(key.id());
        }
        return !key.lastFour().isEmpty() && key.lastFour().equals(event.keyLastFour())
                && key.prefix().equals(event.keyPrefix());
    }

    /** Admin keys (e.g. {@code sk-ant-admin01-…}, {@code mrk_admin_…}) are meant to hold admin scopes. */
    private static List<String> scopesIn(ApiKey key, Set<String> set) {
        return key.scopes().stream().filter(s -> set.contains(s.toLowerCase(Locale.ROOT))).toList();
    }

    static boolean isInferenceKey(ApiKey key) {
        return !key.prefix().toLowerCase(Locale.ROOT).contains("admin");
    }

    private static void add(List<Finding> out, ReviewRule rule, ApiKey key, ReviewInput input, String reason) {
        out.add(new Finding(rule.severity(), rule.id(), key, input.connectionName(), reason, rule.action()));
    }

    private static long wholeDays(Instant from, Instant to) {
        return Duration.between(from, to).toDays();
    }

    static String days(long count) {
        return count == 1 ? "1 day" : count + " days";
    }

    private static String ago(Instant past, Instant now) {
        Duration d = Duration.between(past, now);
        return d.toDays() >= 1 ? days(d.toDays()) + " ago" : d.toHours() >= 1 ? hours(d.toHours()) + " ago" : "just now";
    }

    private static String until(Instant now, Instant future) {
        Duration d = Duration.between(now, future);
        if (d.toDays() >= 1) {
            return "in " + days(d.toDays());
        }
        return d.toHours() >= 1 ? "in " + hours(d.toHours()) : "within the hour";
    }

    private static String hours(long count) {
        return count == 1 ? "1 hour" : count + " hours";
    }
}
