package io.keydeck.gateway.openai;

import io.keydeck.model.Amount;
import io.keydeck.model.UsageBucket;
import io.keydeck.model.UsagePoint;
import io.keydeck.model.UsageQuery;
import io.keydeck.model.UsageSeries;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The cost of each daily usage bucket, from the costs report ({@link OpenAiCosts#entries}), or the sentence that
 * says why the buckets carry none. OpenAI's costs come in one-day buckets only, so hourly buckets are never priced:
 * spreading a day's cost over its hours would invent a shape OpenAI did not report.
 */
final class OpenAiBucketCosts {
    static final String HOURLY_NOTE = "OpenAI reports cost per day only (its costs report has one-day buckets), so "
            + "hourly buckets carry no spend; choose daily buckets to see it.";

    static final String UNALIGNED_NOTE = "OpenAI prices whole UTC days; daily buckets that do not start at midnight "
            + "UTC would each hold parts of two of its days, so they carry no spend.";

    private final Map<String, Amount> byKeyAndDay;
    private final String unit;
    private final String note;

    private OpenAiBucketCosts(Map<String, Amount> byKeyAndDay, String unit, String note) {
        this.byKeyAndDay = byKeyAndDay;
        this.unit = unit;
        this.note = note;
    }

    /** Buckets without cost, and why ({@link #HOURLY_NOTE}, or the costs report failing); null when not asked. */
    static OpenAiBucketCosts none(String note) {
        return new OpenAiBucketCosts(Map.of(), null, note);
    }

    /**
     * The report's entries by KeyDeck key id and day; {@code keyIds} turns OpenAI's plain key id into the listed one.
     * Costs in another currency than the first are left out, as for the key list.
     */
    static OpenAiBucketCosts of(List<OpenAiCosts.KeyDay> entries, UnaryOperator<String> keyIds) {
        Map<String, Amount> byKeyAndDay = new LinkedHashMap<>();
        String unit = null;
        for (OpenAiCosts.KeyDay entry : entries) {
            unit = unit == null ? entry.amount().unit() : unit;
            if (unit.equals(entry.amount().unit())) {
                Instant day = entry.day().atStartOfDay(ZoneOffset.UTC).toInstant();
                byKeyAndDay.merge(keyIds.apply(entry.keyId()) + "@" + day, entry.amount(), Amount::plus);
            }
        }
        return new OpenAiBucketCosts(byKeyAndDay, unit == null ? Amount.USD : unit, null);
    }

    /** The one-day buckets of {@code query} the report is asked for, to its end. */
    static long days(UsageQuery query) {
        return Math.max(1, (Duration.between(query.start(), query.end()).toSeconds() + 86_399) / 86_400);
    }

    /**
     * {@code points} with their day's cost: a key the report does not name for a day cost nothing that day (the
     * report covers every key), and a key with cost but no counted traffic (images, audio, which the token reports
     * leave out) gets a point of its own, so the range's spend is all of it.
     */
    UsageSeries price(UsageQuery query, List<UsagePoint> points) {
        if (note != null || query.bucket() != UsageBucket.DAY) {
            return new UsageSeries(query, points, note);
        }
        Map<String, Amount> left = new LinkedHashMap<>(byKeyAndDay);
        Amount zero = new Amount(BigDecimal.ZERO, unit);
        List<UsagePoint> priced = new ArrayList<>(points.size());
        for (UsagePoint p : points) {
            Amount cost = left.remove(p.keyId() + "@" + p.bucketStart());
            priced.add(new UsagePoint(p.keyId(), p.bucketStart(), p.requests(), p.inputTokens(), p.outputTokens(),
                    p.errors(), cost == null ? zero : cost));
        }
        left.forEach((keyAndDay, cost) -> {
            int at = keyAndDay.lastIndexOf('@');
            Instant day = Instant.parse(keyAndDay.substring(at + 1));
            if (!day.isBefore(query.start()) && day.isBefore(query.end())) {
                priced.add(new UsagePoint(keyAndDay.substring(0, at), day, 0, 0, 0, 0, cost));
            }
        });
        return new UsageSeries(query, priced, null);
    }
}
