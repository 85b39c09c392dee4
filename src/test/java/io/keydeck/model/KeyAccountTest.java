package io.keydeck.model;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KeyAccountTest {

    @Test
    void amountsKeepTheirUnitAndRefuseNegativeValuesAndUnknownUnits() {
        assertThat(new Amount(new BigDecimal("12.50"), "usd").unit()).isEqualTo("USD");
        assertThat(new Amount(new BigDecimal("1200"), "Credits").unit()).isEqualTo(Amount.CREDITS);
        assertThat(new Amount(BigDecimal.TEN, null).unit()).isEqualTo("USD");
        assertThatThrownBy(() -> Amount.usd(-1)).hasMessageContaining("negative");
        assertThatThrownBy(() -> new Amount(BigDecimal.ONE, "dollars")).hasMessageContaining("currency code");
        assertThatThrownBy(() -> Amount.usd(1).plus(new Amount(BigDecimal.ONE, "credits")))
                .hasMessageContaining("cannot combine USD with credits");
    }

    @Test
    void amountsReadAsPeopleWriteThem() {
        assertThat(Amount.usd(50).display()).isEqualTo("$50.00");
        assertThat(Amount.usd(1234.5).display()).isEqualTo("$1,234.50");
        assertThat(Amount.usd(0.0042).display()).isEqualTo("$0.0042");
        assertThat(new Amount(new BigDecimal("1200"), "credits").display()).isEqualTo("1,200 credits");
        assertThat(new Amount(new BigDecimal("3"), "CHF").display()).isEqualTo("3.00 CHF");
        assertThat(Amount.usd(new BigDecimal("10.00"))).isEqualTo(Amount.usd(10));
    }

    @Test
    void aLimitKnowsHowMuchOfItIsUsedFromWhatRemainsOrFromThePeriodsSpend() {
        SpendLimit fromRemaining = new SpendLimit(Amount.usd(50), LimitReset.MONTHLY, Amount.usd(5), null, null);
        assertThat(fromRemaining.usedFraction(null)).contains(0.9);
        SpendLimit fromSpend = new SpendLimit(Amount.usd(50), LimitReset.MONTHLY);
        assertThat(fromSpend.usedFraction(Amount.usd(36))).contains(0.72);
        assertThat(fromSpend.usedFraction(null)).isEmpty();
        assertThat(fromSpend.usedFraction(new Amount(BigDecimal.TEN, "credits"))).isEmpty();
        assertThat(new SpendLimit(Amount.usd(0), LimitReset.NEVER).usedFraction(Amount.usd(1))).isEmpty();
        assertThat(fromSpend.display()).isEqualTo("$50.00 a month");
        assertThat(new SpendLimit(Amount.usd(10), LimitReset.OTHER, null, null, "45d").display())
                .isEqualTo("$10.00 every 45d");
        assertThatThrownBy(() -> new SpendLimit(Amount.usd(5), LimitReset.DAILY,
                new Amount(BigDecimal.ONE, "credits"), null, null)).hasMessageContaining("remaining is in credits");
    }

    @Test
    void theAccountMeasuresTheLimitAgainstTheSpendOfItsOwnPeriod() {
        KeyAccount account = KeyAccount.builder()
                .spend(SpendPeriod.DAY, Amount.usd(1))
                .spend(SpendPeriod.MONTH, Amount.usd(46))
                .limit(new SpendLimit(Amount.usd(50), LimitReset.MONTHLY))
                .build();
        assertThat(account.limitUsed()).contains(0.92);
        assertThat(account.withLimit(new SpendLimit(Amount.usd(2), LimitReset.DAILY)).limitUsed()).contains(0.5);
        assertThat(account.knownUnlimited()).isFalse();
    }

    @Test
    void unknownIsNotTheSameAsNoLimit() {
        assertThat(KeyAccount.builder().build()).isSameAs(KeyAccount.UNKNOWN);
        assertThat(KeyAccount.UNKNOWN.knownUnlimited()).isFalse();
        assertThat(KeyAccount.UNKNOWN.limitUsed()).isEmpty();
        assertThat(KeyAccount.UNKNOWN.owner()).isEmpty();
        KeyAccount none = KeyAccount.builder().limitsReported().build();
        assertThat(none.knownUnlimited()).isTrue();
        KeyAccount rateOnly = KeyAccount.builder().limitsReported().rateLimits(new RateLimits(60L, null)).build();
        assertThat(rateOnly.knownUnlimited()).isFalse();
    }

    @Test
    void theAccountIsImmutableAndCleansWhatItIsGiven() {
        Map<SpendPeriod, Amount> spend = new HashMap<>(Map.of(SpendPeriod.TOTAL, Amount.usd(3)));
        List<DailySpend> days = new java.util.ArrayList<>(List.of(
                new DailySpend(LocalDate.parse("2026-12-05"), Amount.usd(2)),
                new DailySpend(LocalDate.parse("2026-12-04"), Amount.usd(1))));
        KeyAccount account = new KeyAccount(spend, days, null, false, null, java.util.Arrays.asList(" gpt-4o ", null,
                "gpt-4o", ""), null);
        spend.put(SpendPeriod.DAY, Amount.usd(1));
        days.clear();
        assertThat(account.spend()).containsOnlyKeys(SpendPeriod.TOTAL);
        assertThat(account.dailySpend()).extracting(DailySpend::day)
                .containsExactly(LocalDate.parse("2026-12-04"), LocalDate.parse("2026-12-05"));
        assertThat(account.allowedModels()).containsExactly("gpt-4o");
        assertThat(account.rateLimits()).isEqualTo(RateLimits.NONE);
        assertThatThrownBy(() -> account.spend().put(SpendPeriod.DAY, Amount.usd(1)))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> new KeyAccount(Map.of(SpendPeriod.DAY, Amount.usd(1), SpendPeriod.TOTAL,
                new Amount(BigDecimal.ONE, "credits")), null, null, false, null, null, null))
                .hasMessageContaining("one unit");
    }

    @Test
    void ownersAndRateLimitsAreValidated() {
        assertThat(new KeyOwner(OwnerKind.TEAM, "team_1", null).displayName()).isEqualTo("team_1");
        assertThat(new KeyOwner(OwnerKind.USER, "u1", "Alice").display()).isEqualTo("user Alice");
        assertThatThrownBy(() -> new KeyOwner(OwnerKind.USER, " ", null)).hasMessageContaining("id or a name");
        assertThatThrownBy(() -> new KeyOwner(null, "x", null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new RateLimits(-1L, null)).hasMessageContaining("negative");
        assertThat(new RateLimits(600L, 90_000L).display()).isEqualTo("600 req/min, 90,000 tok/min");
        assertThat(RateLimits.NONE.display()).isEqualTo("none");
    }

    @Test
    void theOwnerTextNamesEveryOwnerMostSpecificFirstAndAServiceAccountAsOne() {
        KeyAccount account = KeyAccount.builder()
                .owner(new KeyOwner(OwnerKind.SERVICE_ACCOUNT, "svc_1", "ci-bot"))
                .owner(new KeyOwner(OwnerKind.PROJECT, "proj_a", "Website")).build();

        assertThat(account.ownerText()).isEqualTo("service account ci-bot, project Website");
        assertThat(account.owner().orElseThrow().kind().wireName()).isEqualTo("service_account");
        assertThat(OwnerKind.fromWire("service_account")).isEqualTo(OwnerKind.SERVICE_ACCOUNT);
        assertThat(KeyAccount.UNKNOWN.ownerText()).isEmpty();
    }

    @Test
    void resetsAndLimitSettingsParseTheCliSpelling() {
        assertThat(LimitReset.parse("Monthly")).isEqualTo(LimitReset.MONTHLY);
        assertThat(LimitReset.parse(null)).isEqualTo(LimitReset.NEVER);
        assertThatThrownBy(() -> LimitReset.parse("yearly")).hasMessageContaining("daily, weekly, monthly or never");
        assertThat(LimitSetting.REMOVE.removes()).isTrue();
        assertThat(LimitSetting.usd(BigDecimal.valueOf(50), LimitReset.MONTHLY).display()).isEqualTo("$50.00 a month");
        assertThatThrownBy(() -> new LimitSetting(null, LimitReset.DAILY)).hasMessageContaining("needs an amount");
        assertThatThrownBy(() -> new LimitSetting(Amount.usd(1), LimitReset.OTHER)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void existingCallersGetAnUnknownAccountAndCopiesKeepIt() {
        ApiKey plain = new ApiKey("k1", "a", "mrk_live_", "abcd", null, null, null, null, null, null, false, null,
                false, null);
        assertThat(plain.account()).isSameAs(KeyAccount.UNKNOWN);
        KeyAccount account = KeyAccount.builder().owner(new KeyOwner(OwnerKind.TEAM, "t1", "Platform")).build();
        ApiKey owned = plain.withAccount(account);
        assertThat(owned.withName("b").account()).isEqualTo(account);
        assertThat(owned.withDisabled(true).account()).isEqualTo(account);
        assertThat(owned.withRevoked(Instant.EPOCH).account()).isEqualTo(account);
        assertThat(owned.withScopes(List.of("chat:write")).account()).isEqualTo(account);
    }

    @Test
    void updatesSayWhichCapabilityTheyNeed() {
        assertThat(KeyUpdate.rename("x").changesLimits()).isFalse();
        assertThat(KeyUpdate.limit(LimitSetting.REMOVE).changesLimits()).isTrue();
        assertThat(KeyUpdate.scopes(List.of("chat:write")).changesScopes()).isTrue();
        assertThat(KeyUpdate.scopes(List.of()).changesLimits()).isFalse();
        NewKeyRequest request = new NewKeyRequest("n", null, null, null).withLimit(LimitSetting.REMOVE);
        assertThat(request.limit()).isNull();
    }
}
