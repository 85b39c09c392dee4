package io.keydeck.desktop;

/** A full-HD screen: the first window, dialogs and a maximised window at 1920×1080. */
class At1920x1080RealDesktopIT extends WindowsOnARealDesktop {
    At1920x1080RealDesktopIT() {
        super(1920, 1080);
    }
}
