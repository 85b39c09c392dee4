package io.keydeck;

import io.keydeck.cli.KeyDeckCli;
import io.keydeck.ui.SmokeTest;

/**
 * The main class. A plain class, not a JavaFX {@code Application}, so the shaded jar and native
 * images start without module-path tricks. No arguments (or only app flags) start the window;
 * a command word such as {@code sandbox} runs the command line; {@code --smoke-test} starts the
 * window, reports how fast the demo keys showed, and exits.
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        // before the first logger exists: the log file belongs in the platform data dir
        if (System.getProperty("keydeck.logDir") == null) {
            System.setProperty("keydeck.logDir",
                    io.keydeck.settings.PlatformDirs.current().dataDir().resolve("logs").toString());
        }
        boolean command = KeyDeckCli.isCommand(args);
        if (command) {
            // an OutOfMemoryError in the logging thread below is a crash of the command too: exit 5, one line
            KeyDeckCli.installCrashHandling();
        }
        // Logback sets itself up (~0.1 s) while the window toolkit starts, not before it
        Thread logging = new Thread(org.slf4j.LoggerFactory::getILoggerFactory, "keydeck-logging-setup");
        logging.setDaemon(true);
        logging.start();
        if (command) {
            System.exit(KeyDeckCli.run(args));
        }
        if (SmokeTest.requested(args)) {
            System.exit(SmokeTest.run(args, System.out::println, System.err::println));
        }
        io.keydeck.ui.KeyDeckApp.launchApp(args);
    }
}
