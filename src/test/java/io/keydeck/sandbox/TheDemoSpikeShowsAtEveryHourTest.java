package io.keydeck.sandbox;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo's spend spike ({@code batch-embeddings}) is today's at every hour of a UTC day, its first minute
 * included, so Review shows it whenever a new user opens the sandbox (and the sandbox's own spike test can
 * run at any hour; it used to skip before 06:00 UTC and then fail until about 07:00).
 */
class TheDemoSpikeShowsAtEveryHourTest {
    private static final long HOUR_MS = 3_600_000L;

    @Test
    void todaysSpendIsMoreThanThreeTimesTheMedianDayAtEveryHour() {
        long midnight = Instant.parse("2026-12-07T00:00:00Z").toEpochMilli(); // a Monday, after a weekend
        for (long offset : new long[]{1_000, 59_000, 30 * 60_000}) {
            for (int hour = 0; hour < 24; hour++) {
                long now = midnight + hour * HOUR_MS + offset;
                assertThat(spikeRatio(now)).as("at %s", Instant.ofEpochMilli(now)).isGreaterThan(3);
            }
        }
        for (long day = 0; day < 7; day++) { // and on every day of a week, just after midnight
            long now = midnight + day * 24 * HOUR_MS + 1_000;
            assertThat(spikeRatio(now)).as("at %s", Instant.ofEpochMilli(now)).isGreaterThan(3);
        }
    }

    /** Today's spend of the spiking demo key over the median of its seven days before. */
    private static double spikeRatio(long now) {
        KeyStore keys = new KeyStore();
        long seed = 42;
        DemoData.seedKeys(SandboxOptions.DEFAULT_KEYS, seed, now, keys);
        StoredKey key = keys.all().stream().filter(k -> k.name().equals("batch-embeddings")).findFirst().orElseThrow();
        double[] daily = new SpendMeter(new UsageLedger(seed)).snapshot(key, now).daily();
        double[] before = Arrays.copyOf(daily, daily.length - 1);
        Arrays.sort(before);
        return daily[daily.length - 1] / before[before.length / 2];
    }
}
