package io.keydeck.review;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.keydeck.model.Amount;
import io.keydeck.model.ApiKey;
import io.keydeck.model.DailySpend;
import io.keydeck.model.KeyAccount;
import io.keydeck.model.KeyEnvironment;
import io.keydeck.model.KeyOwner;
import io.keydeck.model.LimitReset;
import io.keydeck.model.OwnerKind;
import io.keydeck.model.RateLimits;
import io.keydeck.model.SpendLimit;
import io.keydeck.model.SpendPeriod;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import static io.keydeck.review.ReviewKeys.NOW;
import static io.keydeck.review.ReviewKeys.environment;
import static io.keydeck.review.ReviewKeys.healthy;
import static org.assertj.core.api.Assertions.assertThat;

class SpendRulesTest {
    private static final LocalDate TODAY = LocalDate.ofInstant(NOW, ZoneOffset.UTC);

    private static List<Finding> review(ApiKey... keys) {
        return ReviewRules.review(new ReviewInput("Gateway", false, List.of(keys), List.of(), Thresholds.DEFAULTS), NOW);
    }

    private static List<String> rules(ApiKey... keys) {
        return review(keys).stream().map(Finding::ruleId).toList();
    }

    private static ApiKey withLimit(String id, double limit, double remaining) {
        return healthy(id).withAccount(KeyAccount.builder().spend(SpendPeriod.MONTH, Amount.usd(limit - remaining))
                .limit(new SpendLimit(Amount.usd(limit), LimitReset.MONTHLY, Amount.usd(remaining),
                        Instant.parse("2026-04-01T00:00:00Z"), null)).build());
    }

    @Test
    void aKeyAtNinetyPercentOfItsLimitIsNearItAndOneBelowIsNot() {
        List<Finding> findings = review(withLimit("near", 50, 5), withLimit("fine", 50, 5.01));

        assertThat(findings).extracting(f -> f.key().id() + ":" + f.ruleId()).containsExactly("near:near-limit");
        Finding near = findings.get(0);
        assertThat(near.severity()).isEqualTo(Severity.MEDIUM);
        assertThat(near.action()).isEqualTo(FixAction.SET_LIMIT);
        assertThat(near.reason()).isEqualTo("Has used 90 % of its $50.00 a month limit ($5.00 left); it resets on "
                + "2026-04-01 (threshold 90 %).");
    }

    @Test
    void aKeyOverItsLimitSaysTheGatewayRefusesIt() {
        ApiKey over = healthy("over").withAccount(KeyAccount.builder().spend(SpendPeriod.TOTAL, Amount.usd(12.5))
                .limit(new SpendLimit(Amount.usd(10), LimitReset.NEVER)).build());
        assertThat(review(over)).singleElement().satisfies(f -> assertThat(f.reason())
                .isEqualTo("Has used all of its $10.00 limit, so the gateway refuses it; it never resets."));
    }

    @Test
    void onlyALiveInferenceKeyKnownToHaveNoLimitIsFlagged() {
        KeyAccount none = KeyAccount.builder().limitsReported().spend(SpendPeriod.MONTH, Amount.usd(310)).build();
        ApiKey live = healthy("live").withAccount(none);
        ApiKey test = environment(healthy("test"), KeyEnvironment.TEST).withAccount(none);
        ApiKey rated = healthy("rated").withAccount(KeyAccount.builder().limitsReported()
                .rateLimits(new RateLimits(60L, null)).build());
        ApiKey unknown = healthy("unknown");

        List<Finding> findings = review(live, test, rated, unknown);

        assertThat(findings).extracting(f -> f.key().id() + ":" + f.ruleId()).containsExactly("live:no-limit");
        assertThat(findings.get(0).reason()).isEqualTo("Live key with no budget and no rate limit (spent $310.00 this "
                + "month): a leaked copy can spend without bound.");
        ApiKey revoked = live.withRevoked(NOW.minus(Duration.ofDays(1)));
        assertThat(rules(revoked)).doesNotContain("no-limit");
    }

    private static ApiKey spending(String id, double today, double... before) {
        KeyAccount.Builder account = KeyAccount.builder();
        for (int i = 0; i < before.length; i++) {
            account.daily(new DailySpend(TODAY.minusDays(before.length - i), Amount.usd(before[i])));
        }
        account.daily(new DailySpend(TODAY, Amount.usd(today)));
        return healthy(id).withAccount(account.build());
    }

    @Test
    void todayAboveThreeTimesTheMedianAndAtLeastOneDollarMoreIsASpike() {
        assertThat(review(spending("spike", 7.5, 2, 2, 9, 2, 1, 3, 2))).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("spend-spike");
            assertThat(f.severity()).isEqualTo(Severity.HIGH);
            assertThat(f.action()).isEqualTo(FixAction.INVESTIGATE);
            assertThat(f.reason()).isEqualTo("Spent $7.50 today, 3.8 times its 7-day median of $2.00 (rule: more than "
                    + "3 times the median and at least 1 USD above it).");
        });
        assertThat(rules(spending("exactly-three", 6, 2, 2, 2, 2, 2, 2, 2))).isEmpty();
        assertThat(rules(spending("cents", 0.9, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1))).as("less than $1 above").isEmpty();
        assertThat(rules(spending("too-little-history", 50, 1, 1))).isEmpty();
        assertThat(rules(spending("from-nothing", 3, 0, 0, 0, 0))).containsExactly("spend-spike");
    }

    @Test
    void anOwnerWhoLeftIsFlaggedOnlyWhereMembershipIsReported() {
        ApiKey left = healthy("left").withAccount(KeyAccount.builder()
                .owner(new KeyOwner(OwnerKind.USER, "usr_dana", "Dana", false))
                .owner(new KeyOwner(OwnerKind.TEAM, "t1", "Sales", true)).build());
        ApiKey stays = healthy("stays").withAccount(KeyAccount.builder()
                .owner(new KeyOwner(OwnerKind.USER, "usr_eve", "Eve", null)).build());

        List<Finding> findings = review(left, stays);

        assertThat(findings).extracting(f -> f.key().id() + ":" + f.ruleId()).containsExactly("left:owner-left");
        assertThat(findings.get(0).reason()).isEqualTo("Owned by user Dana, who is no longer a member; whoever holds "
                + "the key now is not on record.");
    }

    @Test
    void aGatewayThatReportsSomeSpendButNotAPartGetsThoseRulesNamedAsNotChecked() {
        ApiKey totalsOnly = healthy("k").withAccount(KeyAccount.builder().spend(SpendPeriod.TOTAL, Amount.usd(3))
                .build());
        ConnectionReview review = ReviewRules.run(new ReviewInput("OpenRouter", false, List.of(totalsOnly), List.of(),
                Thresholds.DEFAULTS), NOW);

        assertThat(review.skipped()).extracting(SkippedRule::rule).containsExactly(ReviewRule.NEAR_LIMIT,
                ReviewRule.NO_LIMIT, ReviewRule.SPEND_SPIKE, ReviewRule.OWNER_LEFT);
        assertThat(review.skipped().get(2).reason()).isEqualTo("This gateway reports no daily spend per key, only totals.");
        assertThat(ReviewRules.run(new ReviewInput("Plain", false, List.of(healthy("p")), List.of(),
                Thresholds.DEFAULTS), NOW).skipped()).as("a gateway with no money data at all gets no notes").isEmpty();
    }

    @Test
    void aGatewayThatReportsOwnersButNoMoneySaysSoForTheSpikeRule() {
        ApiKey ownedOnly = healthy("k").withAccount(KeyAccount.builder()
                .owner(new KeyOwner(OwnerKind.WORKSPACE, "wrkspc_1", "Production")).build());

        ConnectionReview review = ReviewRules.run(new ReviewInput("Anthropic", false, List.of(ownedOnly), List.of(),
                Thresholds.DEFAULTS), NOW);

        assertThat(review.skipped()).filteredOn(s -> s.rule() == ReviewRule.SPEND_SPIKE).singleElement()
                .satisfies(s -> assertThat(s.reason()).isEqualTo("This gateway reports no spend per key."));
    }

    @Test
    void theNewRulesReachEveryReportAndTheFailOnSeverities() throws Exception {
        ApiKey near = withLimit("near", 50, 2);
        ReportData data = new ReportData(NOW, List.of(ReviewRules.run(new ReviewInput("Gateway", false, List.of(near),
                List.of(), Thresholds.DEFAULTS), NOW)));

        String csv = ReportWriter.render(ReportFormat.CSV, data);
        assertThat(csv.lines().findFirst().orElseThrow()).endsWith(",findings,owner,spend,limit");
        assertThat(csv).contains("MEDIUM:near-limit").contains("$48.00 this month,96 % of $50.00 a month");
        JsonNode json = new ObjectMapper().readTree(ReportWriter.render(ReportFormat.JSON, data));
        assertThat(json.at("/findings/0/rule").asText()).isEqualTo("near-limit");
        assertThat(json.at("/findings/0/action").asText()).isEqualTo("set-limit");
        assertThat(json.at("/keys/0/account/limit/used_percent").asDouble()).isEqualTo(96.0);
        assertThat(json.at("/keys/0/account/spend/month/amount").decimalValue()).isEqualByComparingTo("48");
        assertThat(json.at("/thresholds/near_limit_percent").asInt()).isEqualTo(90);
        assertThat(json.at("/thresholds/spend_spike_factor").asInt()).isEqualTo(3);
        String html = ReportWriter.render(ReportFormat.HTML, data);
        assertThat(html).contains("<th>Owner</th><th>Spend</th><th>Limit</th>").contains("96 % of $50.00 a month")
                .contains("near a limit at 90 %");
        assertThat(data.findings()).allMatch(f -> f.severity().atLeast(Severity.MEDIUM));
    }
}
