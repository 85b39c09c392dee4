package io.keydeck;

import io.keydeck.cli.KeyDeckCli;
import io.keydeck.instance.InstanceChannel;
import io.keydeck.instance.WindowRequest;
import io.keydeck.ui.SmokeTest;

import java.io.IOException;
import java.util.Locale;
import java.util.Optional;

/**
 * The main class. A plain class, not a JavaFX {@code Application}, so the shaded jar and native
 * images start without module-path tricks. No arguments, or only window options ({@code --dark},
 * {@code --view usage}, {@code --connection NAME}), start the window; anything else is the command
 * line's to answer, so a typo never opens a window. {@code --smoke-test} starts the window, reports
 * how fast the demo keys showed, and exits. One window per user: a second start hands its request to
 * the window already open and exits.
 */
public final class Launcher {
    /** The sentence for a window start where no window can open. */
    public static final String NO_DISPLAY = "KeyDeck's window needs a display; for the command line run 'keydeck --help'.";
    private static final int USAGE = 2;
    private static final int LOCAL = 5;

    private Launcher() {
    }

    public static void main(String[] args) {
        // before the first logger exists: the log file belongs in the platform data dir
        if (System.getProperty("keydeck.logDir") == null) {
            System.setProperty("keydeck.logDir",
                    io.keydeck.settings.PlatformDirs.current().dataDir().resolve("logs").toString());
        }
        Optional<WindowRequest> window = WindowRequest.parse(args);
        if (window.isEmpty()) {
            // an OutOfMemoryError in the logging thread below is a crash of the command too: exit 5, one line
            KeyDeckCli.installCrashHandling();
            // the command line says what went wrong in its own words; the log's warnings stay in the log file
            System.setProperty(io.keydeck.logging.LogSetup.FILE_ONLY, "true");
        }
        // Logback sets itself up (~0.1 s) while the window toolkit starts, not before it
        Thread logging = new Thread(org.slf4j.LoggerFactory::getILoggerFactory, "keydeck-logging-setup");
        logging.setDaemon(true);
        logging.start();
        if (window.isEmpty()) {
            System.exit(KeyDeckCli.run(args));
        }
        if (window.get().smokeTest()) {
            exitWithoutDisplay();
            System.exit(SmokeTest.run(args, System.out::println, System.err::println));
        }
        InstanceChannel channel = null;
        try {
            InstanceChannel.Outcome outcome = InstanceChannel.claimOrHandOver(window.get());
            if (outcome instanceof InstanceChannel.HandedOver handedOver) {
                System.err.println(handedOver.reply());
                System.exit(0);
            } else if (outcome instanceof InstanceChannel.Unreachable unreachable) {
                System.err.println("keydeck: KeyDeck seems to be open already, but " + unreachable.reason()
                        + ". If no KeyDeck window is open, try again in a moment.");
                System.exit(LOCAL);
            }
            channel = ((InstanceChannel.Claimed) outcome).channel();
        } catch (IOException e) {
            // without the channel the window still works; a second start would open a second window
            org.slf4j.LoggerFactory.getLogger(Launcher.class).warn("One-window-per-user is off this time: {}", e.toString());
        }
        // only now: handing over to the open window needs no display (a start from a terminal without one)
        exitWithoutDisplay();
        try {
            io.keydeck.ui.KeyDeckApp.launchApp(args, channel);
        } catch (UnsupportedOperationException e) {
            // GTK could not open the display named in DISPLAY (gone, or not ours)
            if (e.getMessage() == null || !e.getMessage().contains("DISPLAY")) {
                throw e;
            }
            System.err.println(NO_DISPLAY);
            System.err.println("(the display " + System.getenv("DISPLAY") + " could not be opened.)");
            System.exit(USAGE);
        }
    }

    private static void exitWithoutDisplay() {
        String noDisplay = missingDisplay();
        if (noDisplay != null) {
            System.err.println(NO_DISPLAY);
            System.err.println("(" + noDisplay + ")");
            System.exit(USAGE);
        }
    }

    /** Why no window can open here, or null when a display (or a headless test platform) is there. */
    private static String missingDisplay() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.startsWith("windows") || os.startsWith("mac") || "Monocle".equals(System.getProperty("glass.platform"))) {
            return null;
        }
        if (isSet("DISPLAY") || isSet("WAYLAND_DISPLAY")) {
            return null;
        }
        return "neither DISPLAY nor WAYLAND_DISPLAY is set.";
    }

    private static boolean isSet(String variable) {
        String value = System.getenv(variable);
        return value != null && !value.isBlank();
    }
}
