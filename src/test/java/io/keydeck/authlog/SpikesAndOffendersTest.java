package io.keydeck.authlog;

import io.keydeck.model.AuthEvent;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static io.keydeck.authlog.TestEvents.T0;
import static io.keydeck.authlog.TestEvents.event;
import static io.keydeck.authlog.TestEvents.invalid;
import static org.assertj.core.api.Assertions.assertThat;

class SpikesAndOffendersTest {

    @Test
    void aCountFarAboveTheMedianIsASpikeButSmallNoiseIsNot() {
        SpikeRule rule = new SpikeRule(5, 10);
        int[] counts = {3, 4, 2, 5, 3, 4, 40, 3};
        assertThat(rule.spikes(counts)).containsExactly(false, false, false, false, false, false, true, false);
        // median 3.5, MAD 1 -> anything above 8.5 and at least 10
        assertThat(rule.threshold(counts)).isEqualTo(10);
        assertThat(rule.spikes(new int[]{0, 0, 0, 9, 0})).as("below the minimum count").containsOnly(false);
        assertThat(rule.spikes(new int[]{50, 60, 55, 58})).as("steadily busy is no spike").containsOnly(false);
    }

    @Test
    void histogramCountsPerBucketAndCodeWithEmptyBucketsAndMarksTheSpike() {
        List<AuthEvent> events = new ArrayList<>();
        int n = 0;
        for (int hour = 0; hour < 24; hour++) {
            events.add(invalid("q" + n++, T0.plus(Duration.ofHours(hour)), "aaaa", "10.0.0.1"));
        }
        for (int i = 0; i < 30; i++) {
            events.add(invalid("b" + n++, T0.plus(Duration.ofHours(5)).plusSeconds(i), "bbbb", "6.6.6.6"));
        }
        events.add(event("x", T0.plus(Duration.ofHours(5)), 401, "expired_api_key", "mrk_live_", "cccc", "k", "1.1.1.1"));

        List<HistogramBucket> buckets = EventHistogram.of(events, SpikeRule.DEFAULT);

        assertThat(buckets).hasSize(24);
        assertThat(buckets.get(0).width()).isEqualTo(Duration.ofHours(1));
        HistogramBucket burst = buckets.get(5);
        assertThat(burst.count("invalid_api_key")).isEqualTo(31);
        assertThat(burst.count("expired_api_key")).isEqualTo(1);
        assertThat(burst.total()).isEqualTo(32);
        assertThat(buckets).filteredOn(HistogramBucket::spike).containsExactly(burst);
        assertThat(buckets.stream().mapToInt(HistogramBucket::total).sum()).isEqualTo(events.size());
        assertThat(EventHistogram.codes(buckets)).containsExactly("expired_api_key", "invalid_api_key");
    }

    @Test
    void offendersAreGroupedByKeyAndByIpBusiestFirstWithTheirSpike() {
        List<AuthEvent> events = new ArrayList<>();
        for (int hour = 0; hour < 48; hour++) {
            events.add(event("s" + hour, T0.plus(Duration.ofHours(hour)), 403, "insufficient_permissions",
                    "mrk_live_", "slow", "key_slow", "10.0.0." + (hour % 3)));
        }
        for (int i = 0; i < 25; i++) {
            events.add(invalid("f" + i, T0.plus(Duration.ofHours(30)).plusSeconds(i * 10), "fast", "6.6.6.6"));
        }

        List<Offender> byKey = TopOffenders.byKey(events, SpikeRule.DEFAULT, 10);
        assertThat(byKey).extracting(Offender::label).containsExactly("mrk_live_…slow", "mrk_live_…fast");
        assertThat(byKey.get(0).count()).isEqualTo(48);
        assertThat(byKey.get(0).keyId()).isEqualTo("key_slow");
        assertThat(byKey.get(0).spike()).as("one an hour, every hour").isFalse();
        assertThat(byKey.get(1).spike()).isTrue();
        assertThat(byKey.get(1).peakBucketCount()).isEqualTo(25);

        List<Offender> byIp = TopOffenders.byIp(events, SpikeRule.DEFAULT, 2);
        assertThat(byIp).extracting(Offender::label, Offender::count)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("6.6.6.6", 25),
                        org.assertj.core.groups.Tuple.tuple("10.0.0.0", 16));
    }
}
