package io.keydeck.ui;

import io.keydeck.ui.common.Theme;
import javafx.scene.Scene;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;

import static io.keydeck.ui.FxTestSupport.onFx;

/**
 * Pictures of a window's scene in both themes under {@code target/shots/}, for looking at new views and
 * dialogs by eye; the test that opens the window takes them where the window shows what matters.
 */
public final class SceneShots {
    private static final Path SHOTS = Path.of("target", "shots");

    private SceneShots() {
    }

    /** {@code target/shots/<name>-light.png} and {@code -dark.png} of {@code scene}; leaves the light theme on. */
    public static void inBothThemes(Scene scene, String name) throws Exception {
        Files.createDirectories(SHOTS);
        for (Theme theme : Theme.values()) {
            onFx(theme::apply);
            onFx(() -> scene.getRoot().applyCss());
            onFx(() -> scene.getRoot().layout());
            save(onFx(() -> scene.snapshot(null)), SHOTS.resolve(name + "-" + theme.name().toLowerCase() + ".png"));
        }
        onFx(Theme.LIGHT::apply);
    }

    private static void save(WritableImage image, Path file) throws Exception {
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        int[] argb = new int[width * height];
        image.getPixelReader().getPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(), argb, 0, width);
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        out.setRGB(0, 0, width, height, argb, 0, width);
        ImageIO.write(out, "png", file.toFile());
    }
}
