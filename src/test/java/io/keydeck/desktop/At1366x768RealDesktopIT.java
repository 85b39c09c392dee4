package io.keydeck.desktop;

/** A common laptop screen: the first window, dialogs and a maximised window at 1366×768. */
class At1366x768RealDesktopIT extends WindowsOnARealDesktop {
    At1366x768RealDesktopIT() {
        super(1366, 768);
    }
}
