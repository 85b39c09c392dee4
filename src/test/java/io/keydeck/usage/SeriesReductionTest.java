package io.keydeck.usage;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class SeriesReductionTest {

    private static ChartSeries noisy(int size, long seed) {
        Random random = new Random(seed);
        double[] x = new double[size];
        double[] y = new double[size];
        for (int i = 0; i < size; i++) {
            x[i] = i * 3_600_000.0;
            y[i] = 100 + random.nextGaussian() * 20;
        }
        y[random.nextInt(size)] = 10_000; // one spike
        y[random.nextInt(size)] = -500;   // one dip
        return new ChartSeries("key_1", "Key", x, y);
    }

    @Test
    void aLongSeriesShrinksToThePixelsButKeepsItsPeakAndDip() {
        for (long seed = 0; seed < 20; seed++) {
            ChartSeries series = noisy(9_600, seed);
            ChartSeries reduced = SeriesReduction.toColumns(series, 700);

            assertThat(reduced.size()).isLessThanOrEqualTo(4 * 700).isLessThan(series.size());
            assertThat(reduced.max()).isEqualTo(series.max()).isEqualTo(10_000);
            assertThat(reduced.min()).isEqualTo(series.min()).isEqualTo(-500);
        }
    }

    @Test
    void everyPixelColumnKeepsItsOwnExtremesAndTheEndsStay() {
        ChartSeries series = noisy(5_000, 7);
        int columns = 100;
        ChartSeries reduced = SeriesReduction.toColumns(series, columns);

        for (int c = 0; c < columns; c++) {
            double[] column = Arrays.copyOfRange(series.y(), c * 50, (c + 1) * 50);
            double fromX = series.x()[c * 50];
            double toX = series.x()[(c + 1) * 50 - 1];
            double[] kept = java.util.stream.IntStream.range(0, reduced.size())
                    .filter(i -> reduced.x()[i] >= fromX && reduced.x()[i] <= toX)
                    .mapToDouble(i -> reduced.y()[i]).toArray();
            assertThat(Arrays.stream(kept).max().orElseThrow()).isEqualTo(Arrays.stream(column).max().orElseThrow());
            assertThat(Arrays.stream(kept).min().orElseThrow()).isEqualTo(Arrays.stream(column).min().orElseThrow());
        }
        assertThat(reduced.x()[0]).isEqualTo(series.x()[0]);
        assertThat(reduced.x()[reduced.size() - 1]).isEqualTo(series.x()[series.size() - 1]);
        for (int i = 1; i < reduced.size(); i++) {
            assertThat(reduced.x()[i]).isGreaterThan(reduced.x()[i - 1]);
        }
    }

    @Test
    void aSeriesThatAlreadyFitsIsLeftAlone() {
        ChartSeries series = noisy(720, 3);
        assertThat(SeriesReduction.toColumns(series, 800)).isSameAs(series);
    }
}
