package io.keydeck.usage;

import java.util.Objects;

/**
 * One line of a usage chart: a key (or "all other keys", with a null key id) and its values per bucket.
 * {@code x} holds bucket starts in epoch milliseconds, ascending; {@code y} the metric for each.
 */
public record ChartSeries(String keyId, String name, double[] x, double[] y) {
    public ChartSeries {
        Objects.requireNonNull(name, "name");
        if (x.length != y.length) {
            throw new IllegalArgumentException("x and y differ in length: " + x.length + " vs " + y.length);
        }
    }

    /** True for the "all other keys" series, which cannot be opened as one key. */
    public boolean isOthers() {
        return keyId == null;
    }

    public int size() {
        return x.length;
    }

    public double max() {
        double max = Double.NEGATIVE_INFINITY;
        for (double value : y) {
            max = Math.max(max, value);
        }
        return max;
    }

    public double min() {
        double min = Double.POSITIVE_INFINITY;
        for (double value : y) {
            min = Math.min(min, value);
        }
        return min;
    }
}
