package io.keydeck.sandbox;

import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * {@code GET /v1/usage}: one point per key and bucket in [start, end) that saw any traffic, streamed
 * as it is computed so a year of hourly data for thousands of keys never sits in memory. Buckets are
 * aligned to whole UTC hours or days; the first one is the bucket containing {@code start}.
 */
final class UsageEndpoint {
    static final Duration MAX_RANGE = Duration.ofDays(400);

    private final KeyStore keys;
    private final UsageLedger ledger;
    private final Clock clock;

    UsageEndpoint(KeyStore keys, UsageLedger ledger, Clock clock) {
        this.keys = keys;
        this.ledger = ledger;
        this.clock = clock;
    }

    void query(ApiExchange ex) throws IOException {
        String bucketName = ex.query("bucket") == null ? "hour" : ex.query("bucket");
        int hoursPerBucket = switch (bucketName) {
            case "hour" -> 1;
            case "day" -> 24;
            default -> throw ApiError.badRequest("bucket must be \"hour\" or \"day\", was \"" + bucketName + "\".");
        };
        Instant end = QueryParams.instant(ex, "end");
        Instant start = QueryParams.instant(ex, "start");
        if (end == null) {
            end = clock.instant();
        }
        if (start == null) {
            start = end.minus(hoursPerBucket == 1 ? Duration.ofDays(1) : Duration.ofDays(30));
        }
        if (!end.isAfter(start)) {
            throw ApiError.badRequest("end must be after start.");
        }
        if (Duration.between(start, end).compareTo(MAX_RANGE) > 0) {
            throw ApiError.badRequest("The range from start to end may span at most 400 days.");
        }
        List<StoredKey> selected;
        String keyId = ex.query("key_id");
        if (keyId != null) {
            StoredKey key = keys.byId(keyId);
            if (key == null) {
                throw ApiError.notFound("No API key with id \"" + keyId + "\".");
            }
            selected = List.of(key);
        } else {
            selected = keys.all();
        }
        boolean withCost = "cost".equals(ex.query("include"));
        int firstBucket = Math.floorDiv(UsageLedger.hourOf(start.toEpochMilli()), hoursPerBucket) * hoursPerBucket;
        long endMillis = end.toEpochMilli();
        int endHour = (int) Math.floorDiv(endMillis + UsageLedger.HOUR_MS - 1, UsageLedger.HOUR_MS);
        try (JsonGenerator g = ex.streamJson()) {
            g.writeStartObject();
            g.writeArrayFieldStart("data");
            long[] counts = new long[4];
            for (StoredKey key : selected) {
                int[] active = ledger.activeHours(key);
                if (active == null) {
                    continue;
                }
                int from = Math.max(firstBucket, Math.floorDiv(active[0], hoursPerBucket) * hoursPerBucket);
                for (int bucket = from; (long) bucket * UsageLedger.HOUR_MS < endMillis && bucket <= active[1];
                     bucket += hoursPerBucket) {
                    java.util.Arrays.fill(counts, 0);
                    int last = Math.min(Math.min(bucket + hoursPerBucket, endHour), active[1] + 1);
                    for (int hour = Math.max(bucket, active[0]); hour < last; hour++) {
                        ledger.addHour(key, hour, counts);
                    }
                    if (counts[0] == 0 && counts[3] == 0) {
                        continue;
                    }
                    g.writeStartObject();
                    g.writeStringField("key_id", key.id);
                    g.writeStringField("bucket_start", Instant.ofEpochMilli(bucket * UsageLedger.HOUR_MS).toString());
                    g.writeNumberField("requests", counts[0]);
                    g.writeNumberField("input_tokens", counts[1]);
                    g.writeNumberField("output_tokens", counts[2]);
                    g.writeNumberField("errors", counts[3]);
                    if (withCost) {
                        g.writeObjectFieldStart("cost");
                        g.writeNumberField("amount", SpendMeter.bucketCost(counts[1], counts[2]));
                        g.writeStringField("unit", "USD");
                        g.writeEndObject();
                    }
                    g.writeEndObject();
                }
            }
            g.writeEndArray();
            g.writeEndObject();
        }
    }
}
