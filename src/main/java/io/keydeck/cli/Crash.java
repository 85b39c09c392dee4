package io.keydeck.cli;

import io.keydeck.model.SecretRedactor;
import org.slf4j.LoggerFactory;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A fault nobody foresaw, in any thread: one redacted line on stderr naming the log file, the
 * details in the log, exit 5. The line for running out of memory is made before anything runs,
 * because by then there may be no memory to build it.
 */
final class Crash {
    private static volatile byte[] outOfMemoryLine = new byte[0];

    private Crash() {
    }

    static String logFile() {
        String dir = System.getProperty("keydeck.logDir");
        return dir == null ? "the KeyDeck log" : Path.of(dir, "keydeck.log").toString();
    }

    /** Prepares the out-of-memory line and makes a crash in any other thread end the process the same way. */
    static void install() {
        outOfMemoryLine = ("keydeck: out of memory; KeyDeck stopped (exit " + ExitCode.LOCAL + "). Details: "
                + logFile() + "\n").getBytes(StandardCharsets.UTF_8);
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> {
            report(e, "keydeck");
            System.err.flush();
            Runtime.getRuntime().halt(ExitCode.LOCAL);
        });
    }

    static int report(Throwable e, String command) {
        return report(e, command, System.err);
    }

    /** Writes the line, logs the details if it still can, and returns exit code 5. */
    static int report(Throwable e, String command, PrintStream err) {
        if (e instanceof OutOfMemoryError) {
            err.write(outOfMemoryLine, 0, outOfMemoryLine.length);
            err.flush();
            try {
                LoggerFactory.getLogger(KeyDeckCli.class).info("{} ran out of memory", command, e);
            } catch (Throwable ignored) {
                // the line above is what the user needs; the log is a bonus
            }
            return ExitCode.LOCAL;
        }
        try {
            LoggerFactory.getLogger(KeyDeckCli.class).info("{} failed unexpectedly", command, e);
        } catch (Throwable ignored) {
            // still report on stderr
        }
        String what = e instanceof StackOverflowError ? "the stack overflowed"
                : e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": "
                + SecretRedactor.redactAndShorten(e.getMessage(), 200));
        err.println(command + ": unexpected error (" + Text.printable(what) + "); exit " + ExitCode.LOCAL
                + ". Details are in " + logFile() + ".");
        err.flush();
        return ExitCode.LOCAL;
    }
}
