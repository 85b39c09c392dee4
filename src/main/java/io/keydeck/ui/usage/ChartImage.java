package io.keydeck.ui.usage;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;

/**
 * A chart's pixels copied off the scene graph (ARGB, row by row), so the PNG can be encoded on a
 * background thread with the JDK's ImageIO instead of the javafx-swing bridge.
 */
public record ChartImage(int width, int height, int[] argb) {
    public ChartImage {
        if (argb.length != width * height) {
            throw new IllegalArgumentException("expected " + width * height + " pixels, got " + argb.length);
        }
    }

    public void writePng(OutputStream out) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        image.setRGB(0, 0, width, height, argb, 0, width);
        if (!ImageIO.write(image, "png", out)) {
            throw new IOException("No PNG writer in this Java runtime");
        }
    }
}
