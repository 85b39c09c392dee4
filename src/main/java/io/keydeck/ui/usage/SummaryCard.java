package io.keydeck.ui.usage;

/** One figure above the chart and how it moved against the previous range of the same length. */
public record SummaryCard(String title, String value, String change, Trend trend) {
    /** Which way the figure moved; the card colours it. */
    public enum Trend { UP, DOWN, FLAT, NEW }
}
