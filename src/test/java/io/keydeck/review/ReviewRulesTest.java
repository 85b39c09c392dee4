package io.keydeck.review;

import io.keydeck.model.ApiKey;
import io.keydeck.model.AuthEvent;
import io.keydeck.model.KeyEnvironment;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static io.keydeck.review.ReviewKeys.NOW;
import static io.keydeck.review.ReviewKeys.attempt;
import static io.keydeck.review.ReviewKeys.created;
import static io.keydeck.review.ReviewKeys.environment;
import static io.keydeck.review.ReviewKeys.expiresIn;
import static io.keydeck.review.ReviewKeys.healthy;
import static io.keydeck.review.ReviewKeys.lastUsed;
import static io.keydeck.review.ReviewKeys.scopes;
import static org.assertj.core.api.Assertions.assertThat;

class ReviewRulesTest {

    private static List<Finding> review(boolean production, List<AuthEvent> events, ApiKey... keys) {
        return ReviewRules.review(new ReviewInput("Prod gateway", production, List.of(keys), events,
                Thresholds.DEFAULTS), NOW);
    }

    private static List<String> rules(ApiKey key) {
        return review(false, List.of(), key).stream().map(Finding::ruleId).toList();
    }

    private static Finding only(String ruleId, ApiKey key) {
        List<Finding> found = review(false, List.of(), key).stream().filter(f -> f.ruleId().equals(ruleId)).toList();
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    @Test
    void aHealthyKeyHasNoFindings() {
        assertThat(review(true, List.of(), healthy("k1"))).isEmpty();
    }

    @Test
    void staleStartsAtExactlyTheThreshold() {
        assertThat(rules(lastUsed(healthy("k"), Duration.ofDays(89)))).doesNotContain("stale");
        Finding at90 = only("stale", lastUsed(healthy("k"), Duration.ofDays(90)));
        assertThat(at90.reason()).isEqualTo("Last used 90 days ago (threshold 90 days).");
        assertThat(at90.severity()).isEqualTo(Severity.MEDIUM);
        assertThat(at90.action()).isEqualTo(FixAction.REVOKE);
        assertThat(only("stale", lastUsed(healthy("k"), Duration.ofDays(143))).reason())
                .isEqualTo("Last used 143 days ago (threshold 90 days).");
    }

    @Test
    void neverUsedNeedsTheKeyToBeOldEnough() {
        ApiKey unused = lastUsed(healthy("k"), null);
        assertThat(rules(created(unused, Duration.ZERO))).doesNotContain("never-used", "stale");
        assertThat(rules(created(unused, Duration.ofDays(29)))).doesNotContain("never-used");
        assertThat(only("never-used", created(unused, Duration.ofDays(30))).reason())
                .isEqualTo("Created 30 days ago and never used (threshold 30 days).");
        assertThat(rules(created(unused, null))).as("no creation date: cannot judge").doesNotContain("never-used");
    }

    @Test
    void expiringSoonIncludesExactlyFourteenDaysButNotAnExpiredKey() {
        Finding at14 = only("expiring-soon", expiresIn(healthy("k"), Duration.ofDays(14)));
        assertThat(at14.reason()).isEqualTo(
                "Expires in 14 days, on 2026-03-24 (threshold 14 days); rotate it before its callers break.");
        assertThat(at14.action()).isEqualTo(FixAction.ROTATE);
        assertThat(rules(expiresIn(healthy("k"), Duration.ofDays(14).plusSeconds(1)))).doesNotContain("expiring-soon");
        assertThat(only("expiring-soon", expiresIn(healthy("k"), Duration.ofHours(5))).reason())
                .startsWith("Expires in 5 hours");

        ApiKey expired = expiresIn(healthy("k"), Duration.ofDays(-3));
        assertThat(rules(expired)).containsExactly("expired");
        assertThat(only("expired", expired).reason()).isEqualTo("Expired 3 days ago (2026-03-07) but was never revoked.");
        assertThat(rules(expiresIn(healthy("k"), Duration.ZERO))).as("expiring this instant is expired")
                .containsExactly("expired");
    }

    @Test
    void aKeyWithoutExpiryIsAskedForOne() {
        Finding finding = only("no-expiry", expiresIn(healthy("k"), null));
        assertThat(finding.severity()).isEqualTo(Severity.LOW);
        assertThat(finding.action()).isEqualTo(FixAction.SET_EXPIRY);
    }

    @Test
    void rotationIsDueAtTheRotationPolicy() {
        assertThat(rules(created(healthy("k"), Duration.ofDays(179)))).doesNotContain("rotation-due");
        assertThat(only("rotation-due", created(healthy("k"), Duration.ofDays(180))).reason())
                .isEqualTo("Created 180 days ago; the rotation policy is 180 days.");
    }

    @Test
    void adminScopesOnAnInferenceKeyAreHighButFineOnAnAdminKey() {
        ApiKey broad = scopes(healthy("k"), "mrk_live_", List.of("chat:write", "keys:manage", "config:write"));
        Finding finding = only("broad-scopes", broad);
        assertThat(finding.severity()).isEqualTo(Severity.HIGH);
        assertThat(finding.reason()).isEqualTo(
                "Inference key has the admin scopes keys:manage, config:write; anyone holding it can administer the gateway.");
        assertThat(rules(scopes(healthy("k"), "mrk_admin_", List.of("keys:manage")))).doesNotContain("broad-scopes");
        assertThat(rules(scopes(healthy("k"), "mrk_live_", List.of("chat:write", "models:read"))))
                .doesNotContain("broad-scopes");
    }

    @Test
    void readScopesSuchAsConfigReadAreNotCalledAdministeringTheGateway() {
        ApiKey reader = scopes(healthy("k"), "mrk_live_", List.of("inference", "config:read"));
        assertThat(rules(reader)).doesNotContain("broad-scopes");
        Finding writer = only("broad-scopes", scopes(healthy("k"), "mrk_live_", List.of("inference", "config:read",
                "config:write")));
        assertThat(writer.reason()).isEqualTo(
                "Inference key has the admin scope config:write; anyone holding it can administer the gateway.");
    }

    @Test
    void aTestKeyIsFlaggedOnlyInAProductionConnection() {
        ApiKey test = environment(healthy("k"), KeyEnvironment.TEST);
        List<Finding> production = review(true, List.of(), test);
        assertThat(production).extracting(Finding::ruleId).containsExactly("test-key-in-production");
        assertThat(production.get(0).reason()).isEqualTo("Test key in \"Prod gateway\", a connection tagged production.");
        assertThat(review(false, List.of(), test)).isEmpty();
        assertThat(review(true, List.of(), healthy("live"))).as("live key in production").isEmpty();
    }

    @Test
    void revokedKeysOnlyShowAttemptsMadeAfterTheirRevocation() {
        ApiKey revoked = lastUsed(created(healthy("key_rev"), Duration.ofDays(400)), Duration.ofDays(200))
                .withRevoked(NOW.minus(Duration.ofDays(5)));
        assertThat(review(true, List.of(), revoked)).as("stale, old and revoked: nothing to do").isEmpty();

        List<AuthEvent> events = List.of(
                attempt("key_rev", "mrk_live_", "ab12", NOW.minus(Duration.ofDays(6)), "198.51.100.1"),
                attempt(null, "mrk_live_", "ab12", NOW.minus(Duration.ofDays(2)), "198.51.100.23"),
                attempt("key_rev", "mrk_live_", "ab12", NOW.minus(Duration.ofHours(3)), "198.51.100.24"),
                attempt("key_other", "mrk_live_", "ab12", NOW.minus(Duration.ofHours(1)), "198.51.100.25"),
                attempt(null, "mrk_test_", "ab12", NOW.minus(Duration.ofHours(1)), "198.51.100.26"));
        List<Finding> findings = review(false, events, revoked);
        assertThat(findings).hasSize(1);
        assertThat(findings.get(0).ruleId()).isEqualTo("revoked-key-attempts");
        assertThat(findings.get(0).severity()).isEqualTo(Severity.HIGH);
        assertThat(findings.get(0).action()).isEqualTo(FixAction.INVESTIGATE);
        assertThat(findings.get(0).reason()).isEqualTo("Revoked on 2026-03-05 but still sent 2 times since, "
                + "last 2026-03-10 09:00 UTC from 198.51.100.24.");
    }

    @Test
    void withoutAnAuthLogTheRevokedKeyRuleIsSkippedAndSaysWhy() {
        ReviewInput input = new ReviewInput("Router", false, List.of(healthy("k")), null, Thresholds.DEFAULTS,
                "Fake gateway has no auth log.");
        ConnectionReview review = ReviewRules.run(input, NOW);
        assertThat(review.skipped()).containsExactly(new SkippedRule(ReviewRule.REVOKED_KEY_ATTEMPTS, "Router",
                "Fake gateway has no auth log."));
        assertThat(ReviewRules.run(new ReviewInput("Router", false, List.of(), List.of(), null), NOW).skipped()).isEmpty();
    }

    @Test
    void aGatewayThatReportsNoLastUseDoesNotMakeEveryKeyNeverUsed() {
        ApiKey a = created(lastUsed(healthy("a"), null), Duration.ofDays(100));
        ApiKey b = created(lastUsed(healthy("b"), null), Duration.ofDays(50));
        ConnectionReview review = ReviewRules.run(new ReviewInput("Anthropic", false, List.of(a, b), List.of(),
                Thresholds.DEFAULTS), NOW);

        assertThat(review.findings()).isEmpty();
        assertThat(review.skipped()).extracting(SkippedRule::rule)
                .containsExactly(ReviewRule.NEVER_USED, ReviewRule.STALE);
        assertThat(review.skipped().get(0).reason()).isEqualTo(
                "None of the 2 keys has a last-use time; this gateway does not seem to report it.");

        ApiKey used = lastUsed(healthy("c"), Duration.ofDays(1));
        assertThat(ReviewRules.review(new ReviewInput("MultiRoute", false, List.of(a, b, used), List.of(),
                Thresholds.DEFAULTS), NOW)).extracting(Finding::ruleId).containsOnly("never-used");
    }

    @Test
    void userThresholdsReplaceTheDefaults() {
        ApiKey idle = lastUsed(healthy("k"), Duration.ofDays(40));
        List<Finding> strict = ReviewRules.review(new ReviewInput("c", false, List.of(idle), List.of(),
                new Thresholds(7, 30, 14, 365)), NOW);
        assertThat(strict).extracting(Finding::reason).containsExactly("Last used 40 days ago (threshold 30 days).");
    }

    @Test
    void findingsComeMostSevereFirstAndSeverityFiltersByMinimum() {
        ApiKey broad = scopes(healthy("b"), "mrk_live_", List.of("keys:manage"));
        ApiKey open = expiresIn(healthy("n"), null);
        ApiKey stale = lastUsed(healthy("s"), Duration.ofDays(100));
        List<Finding> findings = review(false, List.of(), open, stale, broad);
        assertThat(findings).extracting(Finding::severity)
                .containsExactly(Severity.HIGH, Severity.MEDIUM, Severity.LOW);
        assertThat(findings.stream().filter(f -> f.severity().atLeast(Severity.MEDIUM)))
                .extracting(Finding::ruleId).containsExactly("broad-scopes", "stale");
        assertThat(Severity.LOW.atLeast(Severity.HIGH)).isFalse();
        assertThat(Severity.parse(" High ")).isEqualTo(Severity.HIGH);
    }
}
