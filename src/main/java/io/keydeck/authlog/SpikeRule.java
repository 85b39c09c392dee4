package io.keydeck.authlog;

import java.util.Arrays;

/**
 * When a count is "far above the usual rate": above {@code median + k · MAD} of the counts it is
 * compared with (MAD = median absolute deviation, taken as at least 1 so a flat series of zeros does
 * not flag every single event), and at least {@code minCount}. Median and MAD ignore the outliers
 * they are meant to find, unlike mean and standard deviation.
 *
 * @param k        how many MADs above the median count as a spike
 * @param minCount below this a bucket is never a spike, however quiet the rest is
 */
public record SpikeRule(double k, int minCount) {

    /** k = 5, at least 10 events. */
    public static final SpikeRule DEFAULT = new SpikeRule(5, 10);

    public SpikeRule {
        if (k <= 0 || minCount < 1) {
            throw new IllegalArgumentException("k must be positive and minCount at least 1");
        }
    }

    /** The smallest count that is a spike among {@code counts}; {@code Integer.MAX_VALUE} for none. */
    public int threshold(int[] counts) {
        if (counts.length == 0) {
            return Integer.MAX_VALUE;
        }
        double median = median(counts);
        int[] deviations = new int[counts.length];
        for (int i = 0; i < counts.length; i++) {
            deviations[i] = (int) Math.round(Math.abs(counts[i] - median));
        }
        double mad = Math.max(1, median(deviations));
        int above = (int) Math.floor(median + k * mad) + 1;
        return Math.max(minCount, above);
    }

    /** Which of {@code counts} are spikes, index by index. */
    public boolean[] spikes(int[] counts) {
        int threshold = threshold(counts);
        boolean[] out = new boolean[counts.length];
        for (int i = 0; i < counts.length; i++) {
            out[i] = counts[i] >= threshold;
        }
        return out;
    }

    static double median(int[] values) {
        int[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2.0;
    }
}
