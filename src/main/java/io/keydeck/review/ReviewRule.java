package io.keydeck.review;

/**
 * The checks a review runs, each with a fixed severity and fix, so the mapping is written down in
 * one place (and in reports). Ids are stable: scripts filter on them.
 */
public enum ReviewRule {
    BROAD_SCOPES("broad-scopes", Severity.HIGH, FixAction.ROTATE, "Admin scopes on an inference key"),
    REVOKED_KEY_ATTEMPTS("revoked-key-attempts", Severity.HIGH, FixAction.INVESTIGATE, "Revoked key still in use"),
    NEVER_USED("never-used", Severity.MEDIUM, FixAction.REVOKE, "Never used"),
    STALE("stale", Severity.MEDIUM, FixAction.REVOKE, "Stale"),
    TEST_KEY_IN_PRODUCTION("test-key-in-production", Severity.MEDIUM, FixAction.REVOKE, "Test key in production"),
    EXPIRING_SOON("expiring-soon", Severity.MEDIUM, FixAction.ROTATE, "Expiring soon"),
    ROTATION_DUE("rotation-due", Severity.LOW, FixAction.ROTATE, "Older than the rotation policy"),
    NO_EXPIRY("no-expiry", Severity.LOW, FixAction.SET_EXPIRY, "No expiry"),
    EXPIRED("expired", Severity.LOW, FixAction.REVOKE, "Expired but not revoked"),
    SPEND_SPIKE("spend-spike", Severity.HIGH, FixAction.INVESTIGATE, "Spend spike"),
    OWNER_LEFT("owner-left", Severity.HIGH, FixAction.ROTATE, "Owner left"),
    NEAR_LIMIT("near-limit", Severity.MEDIUM, FixAction.SET_LIMIT, "Near its spend limit"),
    NO_LIMIT("no-limit", Severity.MEDIUM, FixAction.SET_LIMIT, "Live key without a budget or limit");

    private final String id;
    private final Severity severity;
    private final FixAction action;
    private final String title;

    ReviewRule(String id, Severity severity, FixAction action, String title) {
        this.id = id;
        this.severity = severity;
        this.action = action;
        this.title = title;
    }

    public String id() {
        return id;
    }

    public Severity severity() {
        return severity;
    }

    public FixAction action() {
        return action;
    }

    public String title() {
        return title;
    }
}
