package io.keydeck.usage;

import io.keydeck.model.UsageBucket;
import io.keydeck.model.UsageQuery;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * A time range on the bucket grid the gateway counts in (whole UTC hours or days), so every bucket of the
 * chart is a full one and the previous range is exactly as long, for a fair comparison.
 */
public record UsageRange(Instant start, Instant end, UsageBucket bucket) {
    /** Ranges up to a week are drawn hourly by default; longer ones daily. */
    public static final Duration HOURLY_UP_TO = Duration.ofDays(7);

    public UsageRange {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(bucket, "bucket");
        start = floor(start, bucket);
        end = ceil(end, bucket);
        if (!end.isAfter(start)) {
            end = start.plus(bucket.width());
        }
    }

    /** The bucket a range of this length is best drawn in. */
    public static UsageBucket defaultBucket(Duration length) {
        return length.compareTo(HOURLY_UP_TO) <= 0 ? UsageBucket.HOUR : UsageBucket.DAY;
    }

    /** The {@code length} up to and including the bucket that holds {@code now}. */
    public static UsageRange last(Duration length, Instant now, UsageBucket bucket) {
        Instant end = ceil(now.plusNanos(1), bucket);
        return new UsageRange(end.minus(length), end, bucket);
    }

    public Duration length() {
        return Duration.between(start, end);
    }

    public int bucketCount() {
        return (int) (length().toMillis() / bucket.width().toMillis());
    }

    public Instant bucketStart(int index) {
        return start.plus(bucket.width().multipliedBy(index));
    }

    /** The bucket holding {@code when}, or -1 outside the range. */
    public int bucketIndex(Instant when) {
        if (when.isBefore(start) || !when.isBefore(end)) {
            return -1;
        }
        return (int) ((when.toEpochMilli() - start.toEpochMilli()) / bucket.width().toMillis());
    }

    /**
     * The start of the bucket that is still filling at {@code now} (the gateway has counted only part of
     * it), or null when the range lies wholly in the past.
     */
    public Instant partialBucketStart(Instant now) {
        int index = bucketIndex(now);
        return index < 0 ? null : bucketStart(index);
    }

    /** The range of the same length just before this one. */
    public UsageRange previous() {
        return new UsageRange(start.minus(length()), start, bucket);
    }

    public UsageRange withBucket(UsageBucket newBucket) {
        return new UsageRange(start, end, newBucket);
    }

    public UsageQuery query() {
        return new UsageQuery(start, end, bucket, null);
    }

    private static Instant floor(Instant when, UsageBucket bucket) {
        return when.truncatedTo(bucket == UsageBucket.DAY ? ChronoUnit.DAYS : ChronoUnit.HOURS);
    }

    private static Instant ceil(Instant when, UsageBucket bucket) {
        Instant floor = floor(when, bucket);
        return floor.equals(when) ? when : floor.plus(bucket.width());
    }
}
