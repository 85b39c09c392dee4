package io.keydeck.ui.keys;

import javafx.scene.shape.Polyline;

/** A tiny line of a few values for a table cell (requests per day, spend per day), its highest value at the top. */
final class Sparkline {
    static final double WIDTH = 48;
    static final double HEIGHT = 18;

    private Sparkline() {
    }

    /** The line of {@code values}, oldest first, in the style class {@code styleClass}. */
    static Polyline of(double[] values, String styleClass) {
        double max = 0;
        for (double value : values) {
            max = Math.max(max, value);
        }
        double scale = max > 0 ? max : 1;
        Polyline line = new Polyline();
        for (int i = 0; i < values.length; i++) {
            double x = values.length == 1 ? 0 : i * WIDTH / (values.length - 1);
            line.getPoints().addAll(x, HEIGHT - values[i] / scale * HEIGHT);
        }
        line.getStyleClass().add(styleClass);
        return line;
    }
}
