package io.keydeck.usage;

import java.util.Arrays;

/**
 * Thins a series to what a chart of a given width can show: per pixel column it keeps the first, the
 * lowest, the highest and the last point (the M4 scheme), so the drawn line looks the same and every
 * peak and dip survives, while a year of hourly data stays a few thousand points.
 */
public final class SeriesReduction {
    private SeriesReduction() {
    }

    /** {@code series} thinned to at most four points per column; unchanged when it is small enough. */
    public static ChartSeries toColumns(ChartSeries series, int columns) {
        int n = series.size();
        if (columns <= 0 || n <= columns * 4) {
            return series;
        }
        int[] keep = new int[columns * 4];
        int kept = 0;
        double[] y = series.y();
        for (int c = 0; c < columns; c++) {
            int from = (int) ((long) c * n / columns);
            int to = (int) ((long) (c + 1) * n / columns);
            if (from >= to) {
                continue;
            }
            int min = from;
            int max = from;
            for (int i = from + 1; i < to; i++) {
                if (y[i] < y[min]) {
                    min = i;
                }
                if (y[i] > y[max]) {
                    max = i;
                }
            }
            int[] column = {from, Math.min(min, max), Math.max(min, max), to - 1};
            for (int index : column) {
                if (kept == 0 || keep[kept - 1] != index) {
                    keep[kept++] = index;
                }
            }
        }
        int[] indices = Arrays.copyOf(keep, kept);
        double[] x = new double[kept];
        double[] reducedY = new double[kept];
        for (int i = 0; i < kept; i++) {
            x[i] = series.x()[indices[i]];
            reducedY[i] = y[indices[i]];
        }
        return new ChartSeries(series.keyId(), series.name(), x, reducedY);
    }
}
