package io.keydeck;

import io.keydeck.cli.KeyDeckCli;

/**
 * The main class. A plain class, not a JavaFX {@code Application}, so the shaded jar and native
 * images start without module-path tricks. No arguments (or only app flags) start the window;
 * a command word such as {@code sandbox} runs the command line.
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        if (KeyDeckCli.isCommand(args)) {
            System.exit(KeyDeckCli.run(args));
        }
        io.keydeck.ui.KeyDeckApp.launchApp(args);
    }
}
