package io.keydeck.gateway.openai;

import com.fasterxml.jackson.databind.JsonNode;
import io.keydeck.gateway.GatewayException;
import io.keydeck.gateway.GatewayLimits;
import io.keydeck.gateway.http.BucketedUsagePages;
import io.keydeck.gateway.http.GatewayHttp;
import io.keydeck.gateway.http.JsonFields;
import io.keydeck.model.Amount;
import io.keydeck.model.DailySpend;
import io.keydeck.model.KeyAccount;
import io.keydeck.model.SpendPeriod;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * What each key cost, from {@code /v1/organization/costs} grouped by {@code api_key_id} in UTC days: today, this
 * week (from Monday), this month, and each of the last {@value #DAYS_BEFORE_TODAY} days before today for Review's
 * spike check. The report covers every key, so a key it does not name cost nothing in that span. OpenAI's costs
 * trail its usage by some hours, so today's figure may still grow.
 */
final class OpenAiCosts {
    static final String PATH = "/v1/organization/costs";
    static final int DAYS_BEFORE_TODAY = 7;
    /** The most one-day buckets OpenAI answers per page of the costs report. */
    static final int MAX_DAYS_PER_PAGE = 180;

    /** Costs not read: every key's spend stays unknown. */
    static final OpenAiCosts UNKNOWN = new OpenAiCosts(null, null, Map.of());

    /** What the key OpenAI knows as {@code keyId} cost on one UTC day. */
    record KeyDay(String keyId, LocalDate day, Amount amount) {
    }

    private final LocalDate today;
    private final String unit;
    /** Plain key id to its spend per day, oldest first. */
    private final Map<String, TreeMap<LocalDate, Amount>> byKey;

    private OpenAiCosts(LocalDate today, String unit, Map<String, TreeMap<LocalDate, Amount>> byKey) {
        this.today = today;
        this.unit = unit;
        this.byKey = byKey;
    }

    /** The first day the report is asked for: the earliest of this month, this week and the spike check's days. */
    static LocalDate firstDay(LocalDate today) {
        return Stream.of(today.withDayOfMonth(1), today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)),
                today.minusDays(DAYS_BEFORE_TODAY)).min(Comparator.naturalOrder()).orElseThrow();
    }

    /** One read of the report, one-day buckets from {@link #firstDay} to now, following {@code next_page}. */
    static OpenAiCosts read(GatewayHttp http, GatewayLimits limits, Clock clock) throws GatewayException {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        LocalDate first = firstDay(today);
        List<KeyDay> entries = entries(http, limits, first.atStartOfDay(ZoneOffset.UTC).toInstant(), null, null,
                ChronoUnit.DAYS.between(first, today) + 1);
        String unit = null;
        Map<String, TreeMap<LocalDate, Amount>> byKey = new HashMap<>();
        for (KeyDay entry : entries) {
            if (unit == null) {
                unit = entry.amount().unit();
            }
            if (unit.equals(entry.amount().unit())) {
                byKey.computeIfAbsent(entry.keyId(), k -> new TreeMap<>())
                        .merge(entry.day(), entry.amount(), Amount::plus);
            }
        }
        return new OpenAiCosts(today, unit == null ? Amount.USD : unit, byKey);
    }

    /**
     * Every key's cost per UTC day from {@code start} (to {@code end} when given), of one key when {@code keyId} is
     * given, in pages of {@code days} buckets.
     */
    static List<KeyDay> entries(GatewayHttp http, GatewayLimits limits, Instant start, Instant end, String keyId,
                                long days) throws GatewayException {
        return BucketedUsagePages.readAll(limits, "OpenAI", "costs answer", "start_time", page -> {
            Map<String, Object> params = new LinkedHashMap<>();
            params.put("start_time", start.getEpochSecond());
            params.put("end_time", end == null ? null : end.getEpochSecond());
            params.put("bucket_width", "1d");
            params.put("group_by", List.of("api_key_id"));
            params.put("api_key_ids", keyId == null ? null : List.of(keyId));
            params.put("limit", Math.min(Math.max(days, 1), MAX_DAYS_PER_PAGE));
            params.put("page", page);
            return http.get(PATH, params);
        }, OpenAiCosts::keyDay, "cost entries", e -> e.keyId() + "@" + e.day());
    }

    /**
     * Why the report could not be read, as the sentence the user sees; rethrows what must fail the whole call (a
     * rejected token, a cancelled load), which the calls after it would meet anyway.
     */
    static String unreadable(GatewayException e) throws GatewayException {
        if (e.kind() == GatewayException.Kind.UNAUTHENTICATED || "cancelled".equals(e.code())
                || Thread.currentThread().isInterrupted()) {
            throw e;
        }
        String why = e.kind() == GatewayException.Kind.FORBIDDEN || e.kind() == GatewayException.Kind.NOT_FOUND
                || e.kind() == GatewayException.Kind.INVALID_REQUEST ? "refused" : "could not be read";
        return "OpenAI's costs report (" + PATH + ") " + why + ": " + e.describe()
                + ". Spend per key is unknown; keys and usage are shown without it.";
    }

    /** A result with a key, a day and an amount in a currency KeyDeck knows; null for any other. */
    private static KeyDay keyDay(Instant bucketStart, JsonNode result) {
        String keyId = JsonFields.text(result, "api_key_id");
        JsonNode amount = result.path("amount");
        String currency = JsonFields.text(amount, "currency");
        if (keyId == null || bucketStart == null) {
            return null;
        }
        try {
            Amount value = JsonFields.amount(amount, "value", Amount.unit(currency));
            return value == null ? null : new KeyDay(keyId, LocalDate.ofInstant(bucketStart, ZoneOffset.UTC), value);
        } catch (IllegalArgumentException unknownCurrency) {
            return null;
        }
    }

    /**
     * Adds the spend of the key OpenAI knows as {@code plainKeyId} to {@code account}: zero where the report has
     * nothing for it, and its days (the spike check's, zero-filled) where it has.
     */
    void addTo(String plainKeyId, KeyAccount.Builder account) {
        if (today == null) {
            return;
        }
        TreeMap<LocalDate, Amount> days = byKey.getOrDefault(plainKeyId, new TreeMap<>());
        Amount zero = new Amount(BigDecimal.ZERO, unit);
        LocalDate week = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        account.spend(SpendPeriod.DAY, days.getOrDefault(today, zero))
                .spend(SpendPeriod.WEEK, sum(days, week, zero))
                .spend(SpendPeriod.MONTH, sum(days, today.withDayOfMonth(1), zero));
        if (!days.isEmpty()) {
            for (LocalDate day = today.minusDays(DAYS_BEFORE_TODAY); !day.isAfter(today); day = day.plusDays(1)) {
                account.daily(new DailySpend(day, days.getOrDefault(day, zero)));
            }
        }
    }

    private Amount sum(TreeMap<LocalDate, Amount> days, LocalDate from, Amount zero) {
        return days.subMap(from, true, today, true).values().stream().reduce(zero, Amount::plus);
    }
}
