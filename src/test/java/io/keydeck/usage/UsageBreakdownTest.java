package io.keydeck.usage;

import io.keydeck.model.UsageBucket;
import io.keydeck.model.UsagePoint;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class UsageBreakdownTest {
    private static final Instant START = Instant.parse("2026-03-01T00:00:00Z");
    private static final UsageRange RANGE = new UsageRange(START, START.plus(Duration.ofDays(2)), UsageBucket.HOUR);

    /** 12 keys with random traffic in random hours; some keys miss some hours, as the gateway omits zeros. */
    private static List<UsagePoint> randomPoints(long seed) {
        Random random = new Random(seed);
        List<UsagePoint> points = new ArrayList<>();
        for (int k = 0; k < 12; k++) {
            for (int h = 0; h < 48; h++) {
                if (random.nextInt(4) == 0) {
                    continue;
                }
                long requests = random.nextInt(500) * (k + 1L);
                points.add(new UsagePoint("key_" + k, START.plus(Duration.ofHours(h)), requests,
                        requests * 300, requests * 90, random.nextInt((int) Math.min(requests, 40) + 1)));
            }
        }
        return points;
    }

    @Test
    void totalsEqualTheRawData() {
        List<UsagePoint> points = randomPoints(1);
        UsageBreakdown breakdown = UsageBreakdown.of(RANGE, points);

        UsageTotals expected = points.stream().map(UsageTotals::of).reduce(UsageTotals.ZERO, UsageTotals::plus);
        assertThat(breakdown.totals()).isEqualTo(expected);
        assertThat(breakdown.totals().requests()).isEqualTo(points.stream().mapToLong(UsagePoint::requests).sum());
        assertThat(breakdown.totalsOf("key_3").errors())
                .isEqualTo(points.stream().filter(p -> p.keyId().equals("key_3")).mapToLong(UsagePoint::errors).sum());
    }

    @Test
    void topKeysAndOthersAddUpToAllKeysInEveryBucket() {
        List<UsagePoint> points = randomPoints(2);
        UsageBreakdown breakdown = UsageBreakdown.of(RANGE, points);

        for (UsageMetric metric : List.of(UsageMetric.REQUESTS, UsageMetric.INPUT_TOKENS, UsageMetric.ERRORS)) {
            List<ChartSeries> series = breakdown.topSeries(metric, 5, id -> "name of " + id, "Others");
            assertThat(series).hasSize(6);
            assertThat(series.get(5).isOthers()).isTrue();
            for (int b = 0; b < RANGE.bucketCount(); b++) {
                Instant bucket = RANGE.bucketStart(b);
                double all = points.stream().filter(p -> p.bucketStart().equals(bucket))
                        .mapToDouble(p -> metric.of(UsageTotals.of(p))).sum();
                int at = b;
                double drawn = series.stream().mapToDouble(s -> s.y()[at]).sum();
                assertThat(drawn).as("%s in bucket %s", metric, bucket).isEqualTo(all);
            }
        }
    }

    @Test
    void theTopKeysAreTheBiggestInTheMetricAndNamed() {
        UsageBreakdown breakdown = UsageBreakdown.of(RANGE, randomPoints(3));
        List<ChartSeries> series = breakdown.topSeries(UsageMetric.REQUESTS, 3, id -> "name of " + id, "Others");

        List<Long> byRequests = breakdown.keyIds().stream().map(id -> breakdown.totalsOf(id).requests())
                .sorted((a, b) -> Long.compare(b, a)).toList();
        assertThat(series.subList(0, 3)).extracting(s -> breakdown.totalsOf(s.keyId()).requests())
                .containsExactlyElementsOf(byRequests.subList(0, 3));
        assertThat(series.get(0).name()).isEqualTo("name of " + series.get(0).keyId());
    }

    @Test
    void theErrorRateOfOthersIsComputedFromTheirSummedCounts() {
        Instant b0 = START;
        List<UsagePoint> points = List.of(
                new UsagePoint("big", b0, 1000, 0, 0, 500),
                new UsagePoint("a", b0, 100, 0, 0, 10),
                new UsagePoint("b", b0, 300, 0, 0, 0));
        List<ChartSeries> series = UsageBreakdown.of(RANGE, points)
                .topSeries(UsageMetric.ERROR_RATE, 1, id -> id, "Others");

        assertThat(series.get(0).keyId()).isEqualTo("big");
        assertThat(series.get(0).y()[0]).isEqualTo(50.0);
        assertThat(series.get(1).y()[0]).isCloseTo(2.5, within(1e-9)); // 10 errors / 400 requests
    }

    @Test
    void noOthersSeriesWhenEveryKeyIsShownAndMissingBucketsAreZero() {
        List<UsagePoint> points = List.of(new UsagePoint("only", START.plus(Duration.ofHours(5)), 7, 1, 1, 0));
        UsageBreakdown breakdown = UsageBreakdown.of(RANGE, points);
        List<ChartSeries> series = breakdown.topSeries(UsageMetric.REQUESTS, 5, id -> id, "Others");

        assertThat(series).hasSize(1);
        assertThat(series.get(0).size()).isEqualTo(48);
        assertThat(series.get(0).y()[5]).isEqualTo(7);
        assertThat(series.get(0).y()[4]).isZero();
        assertThat(breakdown.activeKeys()).isEqualTo(1);
    }

    @Test
    void rangesSitOnTheBucketGridAndThePreviousRangeIsAsLong() {
        UsageRange day = UsageRange.last(Duration.ofDays(1), Instant.parse("2026-03-10T12:34:56Z"), UsageBucket.HOUR);
        assertThat(day.end()).isEqualTo(Instant.parse("2026-03-10T13:00:00Z"));
        assertThat(day.bucketCount()).isEqualTo(24);
        assertThat(day.previous().end()).isEqualTo(day.start());
        assertThat(day.previous().bucketCount()).isEqualTo(24);
        assertThat(UsageRange.defaultBucket(Duration.ofDays(30))).isEqualTo(UsageBucket.DAY);
        assertThat(UsageRange.defaultBucket(Duration.ofDays(1))).isEqualTo(UsageBucket.HOUR);
    }
}
