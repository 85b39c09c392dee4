package io.keydeck.settings;

/** Where the main window was, so it reopens in the same place and size. */
public record WindowGeometry(double x, double y, double width, double height, boolean maximized) {
}
