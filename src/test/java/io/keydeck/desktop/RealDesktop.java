package io.keydeck.desktop;

import com.sun.jna.Library;
import com.sun.jna.Native;
import org.junit.jupiter.api.Assumptions;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real display stack for one test JVM: Xvfb at a given screen size with the openbox window manager on
 * it, and DISPLAY pointing there before JavaFX's GTK glass starts. Where Xvfb or openbox is missing
 * the tests skip, saying so, unless -Dkeydeck.requireDesktop=true (CI) makes that a failure.
 */
final class RealDesktop {
    private static RealDesktop started;
    final String display;
    final int width;
    final int height;

    private RealDesktop(String display, int width, int height) {
        this.display = display;
        this.width = width;
        this.height = height;
    }

    /** Starts Xvfb + openbox on a free display and points this JVM's DISPLAY at it. */
    static RealDesktop start(int width, int height) throws Exception {
        List<String> missing = java.util.stream.Stream.of("Xvfb", "openbox", "xdotool", "import", "xprop")
                .filter(tool -> !onPath(tool)).toList();
        if (!missing.isEmpty()) {
            String why = "real-desktop UI tests need " + missing
                    + " (Debian: apt-get install xvfb xauth openbox x11-utils xdotool imagemagick libgtk-3-0)";
            if (Boolean.getBoolean("keydeck.requireDesktop")) {
                throw new IllegalStateException(why + ", and -Dkeydeck.requireDesktop=true requires them");
            }
            Assumptions.abort(why + "; skipped");
        }
        if (started != null) {
            throw new IllegalStateException("this JVM's JavaFX toolkit already runs on " + started.display
                    + " (" + started.width + "x" + started.height + "); GTK connects once per JVM, so each "
                    + "*RealDesktopIT class needs its own JVM (failsafe forkCount 1, reuseForks false)");
        }
        // A display stack that fails to come up is started afresh, at most three times, each failure with its
        // log on stderr: the tests need a working desktop, not this particular Xvfb.
        String display = null;
        StringBuilder failures = new StringBuilder();
        for (int attempt = 1; display == null && attempt <= 3; attempt++) {
            try {
                display = startStack(width, height, attempt);
            } catch (IllegalStateException e) {
                failures.append("\n  attempt ").append(attempt).append(": ").append(e.getMessage());
                System.err.println("real desktop, attempt " + attempt + " failed: " + e.getMessage());
            }
        }
        if (display == null) {
            throw new IllegalStateException("no Xvfb + openbox stack at " + width + "x" + height + failures);
        }
        C.LIB.setenv("DISPLAY", display, 1); // GTK reads the C environment when the toolkit starts
        started = new RealDesktop(display, width, height);
        return started;
    }

    /**
     * One try at Xvfb + openbox, on a display number of this JVM and attempt (100-899): not the lowest free
     * one, which is the number the test class before this one just gave up. Its Xvfb, still ending, could
     * unlink the new server's socket of the same name, and openbox then failed to open the display (seen in
     * CI). A number in use makes Xvfb exit, and the next attempt takes another. Xvfb writes the number to
     * -displayfd once it accepts clients. The stack ends when openbox or Xvfb exits (so a window manager that dies is seen at
     * once, with its log) or, once this JVM has exited, by itself: stopping the X server under a running GTK
     * toolkit makes GTK end the JVM with status 1 before the test report.
     */
    private static String startStack(int width, int height, int attempt) throws Exception {
        String name = width + "x" + height + "-" + ProcessHandle.current().pid() + "-" + attempt;
        Path log = Path.of("target", "real-desktop", "x-stack-" + name + ".log").toAbsolutePath();
        Path number = log.resolveSibling("x-stack-" + name + ".display");
        Files.createDirectories(log.getParent());
        Files.deleteIfExists(number);
        long displayNumber = 100 + Math.floorMod(ProcessHandle.current().pid() * 7 + attempt * 131L, 800);
        String script = "Xvfb :" + displayNumber + " -displayfd 3 -screen 0 " + width + "x" + height + "x24 -nolisten tcp 3>'" + number + "' & x=$!; "
                + "until grep -q . '" + number + "' || ! kill -0 $x 2>/dev/null; do sleep 0.05; done; "
                + "DISPLAY=:$(head -1 '" + number + "') openbox & o=$!; "
                + "tail --pid=" + ProcessHandle.current().pid() + " -f /dev/null & t=$!; "
                + "wait -n $x $o $t; s=$?; kill $t $o $x 2>/dev/null; echo \"display stack ended ($s)\"";
        Process stack = new ProcessBuilder("bash", "-c", script).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        try {
            waitFor(30, () -> Files.exists(number) && Files.readString(number).endsWith("\n") || !stack.isAlive(),
                    "Xvfb's display number");
            if (!stack.isAlive()) {
                throw new IllegalStateException("Xvfb did not start");
            }
            String display = ":" + Files.readString(number).trim();
            // the window manager owns the screen once it has set _NET_SUPPORTING_WM_CHECK on the root window
            waitFor(30, () -> run(display, "xprop", "-root", "_NET_SUPPORTING_WM_CHECK").contains("window id")
                    || !stack.isAlive(), "openbox on Xvfb " + display);
            if (!stack.isAlive()) {
                throw new IllegalStateException("Xvfb + openbox on " + display + " ended");
            }
            return display;
        } catch (IllegalStateException e) {
            stack.descendants().forEach(ProcessHandle::destroy);
            stack.destroy();
            throw new IllegalStateException(e.getMessage() + "; its log: " + tail(log), e);
        }
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.exists(log) ? Files.readAllLines(log, StandardCharsets.UTF_8) : List.of();
        return log + (lines.isEmpty() ? " (empty)" : "\n    " + String.join("\n    ",
                lines.subList(Math.max(0, lines.size() - 20), lines.size())));
    }

    /** Saves the whole screen as {@code file} (what a user would see, window decorations included). */
    void screenshot(Path file) throws Exception {
        Files.createDirectories(file.getParent());
        run(display, "import", "-window", "root", file.toString());
    }

    /** Sends keys through the X server, as a keyboard would, to whatever window has the focus. */
    void keys(String... keys) throws Exception {
        String[] command = new String[keys.length + 2];
        command[0] = "xdotool";
        command[1] = "key";
        System.arraycopy(keys, 0, command, 2, keys.length);
        run(display, command);
    }

    /** A left click at a point of the screen, as a mouse would. */
    void click(int x, int y) throws Exception {
        click(x, y, 1);
    }

    /** A click of mouse {@code button} (1 left, 3 right) at a point of the screen. */
    void click(int x, int y, int button) throws Exception {
        run(display, "xdotool", "mousemove", String.valueOf(x), String.valueOf(y), "click", String.valueOf(button));
    }

    void type(String text) throws Exception {
        run(display, "xdotool", "type", "--delay", "20", text);
    }

    /** The client-area geometry the X server gives the window titled {@code title}: x y width height. */
    int[] geometry(String title) throws Exception {
        int[][] found = new int[1][];
        waitFor(15, () -> (found[0] = geometryNow(title))[2] > 0, "a mapped window titled " + title);
        return found[0];
    }

    private int[] geometryNow(String title) throws Exception {
        String out = run(display, "xdotool", "search", "--onlyvisible", "--name", "^" + title + "$",
                "getwindowgeometry", "--shell");
        int[] geometry = new int[4];
        for (String line : out.split("\n")) {
            String[] pair = line.split("=");
            switch (pair[0]) {
                case "X" -> geometry[0] = Integer.parseInt(pair[1].trim());
                case "Y" -> geometry[1] = Integer.parseInt(pair[1].trim());
                case "WIDTH" -> geometry[2] = Integer.parseInt(pair[1].trim());
                case "HEIGHT" -> geometry[3] = Integer.parseInt(pair[1].trim());
                default -> { }
            }
        }
        return geometry;
    }

    static String run(String display, String... command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("DISPLAY", display);
        Process process = builder.start();
        byte[] out = process.getInputStream().readAllBytes();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        return new String(out, StandardCharsets.UTF_8);
    }

    private static boolean onPath(String tool) {
        return java.util.Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, tool)));
    }

    interface Condition {
        boolean holds() throws Exception;
    }

    static void waitFor(int seconds, Condition condition, String what) throws Exception {
        try {
            org.testfx.util.WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition::holds);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException(what + " did not come up within " + seconds + " s", e);
        }
    }

    interface C extends Library {
        C LIB = Native.load("c", C.class);

        int setenv(String name, String value, int overwrite);
    }
}
