package io.keydeck.review;

import io.keydeck.model.Amount;
import io.keydeck.model.ApiKey;
import io.keydeck.model.DailySpend;
import io.keydeck.model.KeyAccount;
import io.keydeck.model.KeyEnvironment;
import io.keydeck.model.KeyOwner;
import io.keydeck.model.SpendLimit;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules about money and ownership, on what a gateway reports in {@link KeyAccount}:
 * <ul>
 * <li>{@link ReviewRule#NEAR_LIMIT}: {@value #NEAR_LIMIT_PERCENT} % or more of the spend limit used;</li>
 * <li>{@link ReviewRule#NO_LIMIT}: a live inference key the gateway says has no spend limit and no rate limit;</li>
 * <li>{@link ReviewRule#SPEND_SPIKE}: today's spend (UTC) more than {@value #SPIKE_FACTOR} times the median of the
 * days reported in the 7 days before, and at least {@link #SPIKE_MIN_INCREASE} unit (one dollar, one credit)
 * above it, with at least {@value #SPIKE_MIN_DAYS} such days to compare with;</li>
 * <li>{@link ReviewRule#OWNER_LEFT}: an owner the gateway says is no longer a member of the key's team or project.</li>
 * </ul>
 * Only keys that still work (not revoked, not expired) are judged. A connection whose keys report some of
 * this but not a part a rule needs gets that rule listed as not checked; one that reports none of it
 * (compatible routers) gets no note per rule.
 */
final class SpendRules {
    static final int NEAR_LIMIT_PERCENT = 90;
    static final int SPIKE_FACTOR = 3;
    static final BigDecimal SPIKE_MIN_INCREASE = BigDecimal.ONE;
    static final int SPIKE_MIN_DAYS = 3;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

    private SpendRules() {
    }

    static void check(ApiKey key, ReviewInput input, Instant now, List<Finding> out) {
        KeyAccount account = key.account();
        nearLimit(key, account, input, out);
        if (account.knownUnlimited() && key.environment() == KeyEnvironment.LIVE && ReviewRules.isInferenceKey(key)) {
            add(out, ReviewRule.NO_LIMIT, key, input, "Live key with no budget and no rate limit"
                    + account.spend(io.keydeck.model.SpendPeriod.MONTH).map(a -> " (spent " + a.display()
                    + " this month)").orElse("") + ": a leaked copy can spend without bound.");
        }
        spike(key, account, input, now, out);
        for (KeyOwner owner : account.owners()) {
            if (Boolean.FALSE.equals(owner.member())) {
                add(out, ReviewRule.OWNER_LEFT, key, input, "Owned by " + owner.display()
                        + ", who is no longer a member; whoever holds the key now is not on record.");
                break;
            }
        }
    }

    private static void nearLimit(ApiKey key, KeyAccount account, ReviewInput input, List<Finding> out) {
        SpendLimit limit = account.limit();
        Double used = account.limitUsed().orElse(null);
        if (limit == null || used == null || used * 100 < NEAR_LIMIT_PERCENT) {
            return;
        }
        long percent = Math.round(Math.floor(used * 100));
        String resets = limit.resetsAt() != null ? "; it resets on " + DAY.format(limit.resetsAt())
                : limit.reset() == io.keydeck.model.LimitReset.NEVER ? "; it never resets" : "";
        String left = limit.remaining() != null ? " (" + limit.remaining().display() + " left)" : "";
        String reason = used >= 1.0
                ? "Has used all of its " + limit.display() + " limit" + left + ", so the gateway refuses it" + resets + "."
                : "Has used " + percent + " % of its " + limit.display() + " limit" + left + resets
                + " (threshold " + NEAR_LIMIT_PERCENT + " %).";
        add(out, ReviewRule.NEAR_LIMIT, key, input, reason);
    }

    private static void spike(ApiKey key, KeyAccount account, ReviewInput input, Instant now, List<Finding> out) {
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        Amount spentToday = null;
        List<BigDecimal> before = new ArrayList<>();
        for (DailySpend day : account.dailySpend()) {
            if (day.day().equals(today)) {
                spentToday = day.amount();
            } else if (!day.day().isAfter(today.minusDays(1)) && day.day().isAfter(today.minusDays(8))) {
                before.add(day.amount().value());
            }
        }
        if (spentToday == null || before.size() < SPIKE_MIN_DAYS) {
            return;
        }
        before.sort(null);
        int n = before.size();
        BigDecimal median = n % 2 == 1 ? before.get(n / 2)
                : before.get(n / 2 - 1).add(before.get(n / 2)).divide(BigDecimal.valueOf(2), MathContext.DECIMAL64);
        BigDecimal spent = spentToday.value();
        if (spent.compareTo(median.multiply(BigDecimal.valueOf(SPIKE_FACTOR))) <= 0
                || spent.subtract(median).compareTo(SPIKE_MIN_INCREASE) < 0) {
            return;
        }
        Amount usual = new Amount(median, spentToday.unit());
        String times = median.signum() == 0 ? "against nothing on a usual day"
                : spent.divide(median, 1, RoundingMode.HALF_UP).toPlainString() + " times its 7-day median of "
                + usual.display();
        add(out, ReviewRule.SPEND_SPIKE, key, input, "Spent " + spentToday.display() + " today, " + times
                + " (rule: more than " + SPIKE_FACTOR + " times the median and at least " + SPIKE_MIN_INCREASE
                + (spentToday.isCurrency() ? " " + spentToday.unit() : " credit") + " above it).");
    }

    /** Rules a connection whose keys report some spend or limits cannot run, and why, from what they reported. */
    static List<SkippedRule> skipped(String connection, AccountCoverage coverage) {
        List<SkippedRule> skipped = new ArrayList<>();
        if (!coverage.anyAccount()) {
            return skipped;
        }
        if (!coverage.limits()) {
            String reason = "This gateway reports no spend limits per key.";
            skipped.add(new SkippedRule(ReviewRule.NEAR_LIMIT, connection, reason));
            skipped.add(new SkippedRule(ReviewRule.NO_LIMIT, connection, reason));
        }
        if (!coverage.dailySpend()) {
            skipped.add(new SkippedRule(ReviewRule.SPEND_SPIKE, connection, coverage.spend()
                    ? "This gateway reports no daily spend per key, only totals."
                    : "This gateway reports no spend per key."));
        }
        if (!coverage.membership()) {
            skipped.add(new SkippedRule(ReviewRule.OWNER_LEFT, connection,
                    "This gateway does not report whether a key's owner is still a member."));
        }
        return skipped;
    }

    private static void add(List<Finding> out, ReviewRule rule, ApiKey key, ReviewInput input, String reason) {
        out.add(new Finding(rule.severity(), rule.id(), key, input.connectionName(), reason, rule.action()));
    }
}
