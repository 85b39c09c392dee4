package io.keydeck.ui.usage;

import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

/** Copies what a node shows into a {@link ChartImage}; on the FX thread, as snapshots must be. */
final class ChartSnapshot {
    private ChartSnapshot() {
    }

    static ChartImage of(Node node) {
        WritableImage image = node.snapshot(new SnapshotParameters(), null);
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        int[] argb = new int[width * height];
        image.getPixelReader().getPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(), argb, 0, width);
        return new ChartImage(width, height, argb);
    }
}
