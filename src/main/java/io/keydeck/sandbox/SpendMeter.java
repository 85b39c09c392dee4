package io.keydeck.sandbox;

import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * What keys spend, priced from the tokens the usage ledger counts: {@value #INPUT_USD_PER_MILLION} US dollars
 * per million input tokens and {@value #OUTPUT_USD_PER_MILLION} per million output tokens, so spend and the
 * usage chart always agree. Periods are UTC calendar days, weeks from Monday and months. A key's seeded
 * spend per day never changes, so it is computed once, when first asked, and kept on the key.
 */
final class SpendMeter {
    static final double INPUT_USD_PER_MILLION = 0.50;
    static final double OUTPUT_USD_PER_MILLION = 1.50;
    static final int DAILY_DAYS = 8;

    private final UsageLedger ledger;

    /** One key's spend now: today, this week, this month, ever, and the last {@value #DAILY_DAYS} days. */
    record Snapshot(int today, double day, double week, double month, double total, double[] daily) {
        /** The spend a budget with {@code reset} counts against. */
        double forReset(String reset) {
            return switch (reset) {
                case "daily" -> day;
                case "weekly" -> week;
                case "monthly" -> month;
                default -> total;
            };
        }
    }

    SpendMeter(UsageLedger ledger) {
        this.ledger = ledger;
    }

    static double price(long inputTokens, long outputTokens) {
        return (inputTokens * INPUT_USD_PER_MILLION + outputTokens * OUTPUT_USD_PER_MILLION) / 1_000_000.0;
    }

    /** One usage bucket's cost as {@code /v1/usage} reports it: six decimals, like the key's spend. */
    static BigDecimal bucketCost(long inputTokens, long outputTokens) {
        return BigDecimal.valueOf(price(inputTokens, outputTokens)).setScale(6, RoundingMode.HALF_UP);
    }

    Snapshot snapshot(StoredKey key, long now) {
        int today = Math.floorDiv(UsageLedger.hourOf(now), 24);
        int weekStart = today - Math.floorMod(today + 3, 7); // 1970-01-01 was a Thursday
        int monthStart = (int) LocalDate.ofEpochDay(today).withDayOfMonth(1).toEpochDay();
        double[] daily = new double[DAILY_DAYS];
        int firstDay = Math.min(monthStart, Math.min(weekStart, today - DAILY_DAYS + 1));
        double day = 0;
        double week = 0;
        double month = 0;
        double total = 0;
        int[] active = ledger.activeHours(key);
        if (active != null) {
            int lastDay = Math.min(today, Math.floorDiv(active[1], 24));
            for (int d = Math.floorDiv(active[0], 24); d <= lastDay; d++) {
                double cost = dayCost(key, d);
                total += cost;
                if (d < firstDay) {
                    continue;
                }
                day += d == today ? cost : 0;
                week += d >= weekStart ? cost : 0;
                month += d >= monthStart ? cost : 0;
                if (d > today - DAILY_DAYS) {
                    daily[d - (today - DAILY_DAYS + 1)] = cost;
                }
            }
        }
        return new Snapshot(today, day, week, month, total, daily);
    }

    /** Seeded (cached) plus live spend of one UTC day. */
    private double dayCost(StoredKey key, int day) {
        double cost = seededDayCost(key, day);
        int from = Math.max(day * 24, key.firstLiveHour());
        int until = Math.min(day * 24 + 23, key.lastLiveHour());
        if (from <= until) {
            long[] counts = new long[4];
            for (int hour = from; hour <= until; hour++) {
                ledger.addLiveHour(key, hour, counts);
            }
            cost += price(counts[1], counts[2]);
        }
        return cost;
    }

    private double seededDayCost(StoredKey key, int day) {
        if (key.seededFromHour > key.seededUntilHour) {
            return 0;
        }
        float[] cached = key.seededDayCost;
        if (cached == null) {
            int first = Math.floorDiv(key.seededFromHour, 24);
            int last = Math.floorDiv(key.seededUntilHour, 24);
            float[] costs = new float[last - first + 1];
            long[] counts = new long[4];
            for (int d = first; d <= last; d++) {
                java.util.Arrays.fill(counts, 0);
                for (int hour = d * 24; hour < d * 24 + 24; hour++) {
                    ledger.addSeededHour(key, hour, counts);
                }
                costs[d - first] = (float) price(counts[1], counts[2]);
            }
            key.seededCostFromDay = first;
            key.seededDayCost = costs;
            cached = costs;
        }
        int index = day - key.seededCostFromDay;
        return index >= 0 && index < cached.length ? cached[index] : 0;
    }

    /** When a budget with {@code reset} starts over after {@code today}; null for "never". */
    static Instant resetsAt(String reset, int today) {
        LocalDate date = LocalDate.ofEpochDay(today);
        LocalDate next = switch (reset) {
            case "daily" -> date.plusDays(1);
            case "weekly" -> date.plusDays(7 - Math.floorMod(today + 3, 7));
            case "monthly" -> date.withDayOfMonth(1).plusMonths(1);
            default -> null;
        };
        return next == null ? null : next.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** Dollars with six decimals (a single short call costs a few millionths), as the key object shows them. */
    static BigDecimal usd(double value) {
        return BigDecimal.valueOf(value).setScale(6, RoundingMode.HALF_UP);
    }

    /** The key object's {@code spend}, {@code limits}, {@code allowed_models} and {@code owner} fields. */
    void write(JsonGenerator json, StoredKey key, long now) throws IOException {
        Snapshot spend = snapshot(key, now);
        json.writeObjectFieldStart("spend");
        json.writeStringField("unit", "USD");
        json.writeNumberField("day", usd(spend.day()));
        json.writeNumberField("week", usd(spend.week()));
        json.writeNumberField("month", usd(spend.month()));
        json.writeNumberField("total", usd(spend.total()));
        json.writeArrayFieldStart("daily");
        for (int i = 0; i < DAILY_DAYS; i++) {
            json.writeStartObject();
            json.writeStringField("date", LocalDate.ofEpochDay(spend.today() - DAILY_DAYS + 1 + i).toString());
            json.writeNumberField("amount", usd(spend.daily()[i]));
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
        KeyTerms terms = key.terms();
        json.writeObjectFieldStart("limits");
        if (terms.budget() == null) {
            json.writeNullField("budget");
        } else {
            double spent = spend.forReset(terms.reset());
            json.writeObjectFieldStart("budget");
            json.writeNumberField("amount", terms.budget());
            json.writeStringField("unit", "USD");
            json.writeStringField("reset", terms.reset());
            json.writeNumberField("spent", usd(spent));
            json.writeNumberField("remaining", usd(Math.max(0, terms.budget().doubleValue() - spent)));
            Instant resets = resetsAt(terms.reset(), spend.today());
            json.writeStringField("resets_at", resets == null ? null : resets.toString());
            json.writeEndObject();
        }
        writeLong(json, "requests_per_minute", terms.requestsPerMinute());
        writeLong(json, "tokens_per_minute", terms.tokensPerMinute());
        json.writeEndObject();
        json.writeArrayFieldStart("allowed_models");
        for (String model : terms.allowedModels()) {
            json.writeString(model);
        }
        json.writeEndArray();
        KeyTerms.Owner owner = terms.owner();
        if (owner == null) {
            json.writeNullField("owner");
        } else {
            json.writeObjectFieldStart("owner");
            json.writeStringField("kind", owner.kind());
            json.writeStringField("id", owner.id());
            json.writeStringField("display_name", owner.displayName());
            json.writeBooleanField("member", owner.member());
            json.writeEndObject();
        }
    }

    private static void writeLong(JsonGenerator json, String field, Long value) throws IOException {
        if (value == null) {
            json.writeNullField(field);
        } else {
            json.writeNumberField(field, value);
        }
    }
}
