package io.keydeck.cli;

import io.keydeck.sandbox.SandboxCommand;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;

/**
 * The headless entry point: {@code keydeck <command> …}. Runs without starting JavaFX, over the same
 * gateway drivers, settings, keychain and journal as the window. Only this package (and the sandbox's
 * own command) writes to standard streams: results on stdout, every message on stderr.
 */
public final class KeyDeckCli {
    private static final List<String> COMMAND_WORDS = List.of("keys", "connections", "report", "journal", "sandbox", "help");
    private static final List<String> APP_OPTIONS = List.of("--help", "--version");
    /** The window's own options (see io.keydeck.instance.WindowRequest); a command never takes them. */
    private static final List<String> WINDOW_OPTIONS = List.of("--dark", "--light", "--view", "--connection",
            "--smoke-test");

    private static final CommandGroup KEYS = new CommandGroup("keys", "List, create and revoke the keys of a gateway.",
            List.of(new KeysListCommand(), new KeysCreateCommand(), new KeysRevokeCommand()));
    private static final CommandGroup CONNECTIONS = new CommandGroup("connections",
            "Manage saved connections (the same ones the window shows).",
            List.of(new ConnectionsListCommand(), new ConnectionsAddCommand(), new ConnectionsRemoveCommand(),
                    new ConnectionsDoctorCommand()));
    private static final CommandGroup JOURNAL = new CommandGroup("journal",
            "The action journal: every create, revoke, rotate, disable, enable and rename done through KeyDeck.",
            List.of(new JournalListCommand(), new JournalVerifyCommand(), new JournalKeyCommand(), new JournalTokenCommand()));

    private static final ReportCommand REPORT = new ReportCommand();

    private static final String USAGE = """
            Usage: keydeck [COMMAND] [options]

              (no command)         start the KeyDeck window, or bring the open one to the front;
                                   window options: --dark, --light, --view keys|usage|auth-log|
                                   review|journal, --connection NAME
              --version            print KeyDeck's version
              keys list|create|revoke
                                   manage the keys of a gateway
              connections list|add|remove|doctor
                                   manage saved connections; tokens go to the OS keychain;
                                   doctor finds keychain items no connection uses
              report               review a gateway's keys; CSV, JSON or HTML; --fail-on for CI
              journal list|verify|key|token
                                   show the action journal, check it for tampering, print
                                   the public key that signs it, or keep the log collector's
                                   token in the OS keychain
              sandbox              run the sandbox gateway on its own

            Gateway commands take --connection NAME, or --driver ID --base-url URL --token-env VAR.
            Run 'keydeck COMMAND --help' for details.
            """;

    private KeyDeckCli() {
    }

    /** KeyDeck's version, as built. */
    static String version() {
        try (java.io.InputStream in = KeyDeckCli.class.getResourceAsStream("version.properties")) {
            java.util.Properties properties = new java.util.Properties();
            if (in != null) {
                properties.load(in);
            }
            String version = properties.getProperty("version", "");
            return version.isBlank() || version.startsWith("${") ? "unknown (not built by Maven)" : version;
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    /**
     * Makes a crash in any thread (the logging set-up thread included, which starts before {@link #run})
     * end the process with exit 5 and one line. Call it before any other thread starts.
     */
    public static void installCrashHandling() {
        Crash.install();
    }

    /**
     * The process entry: whatever goes wrong ends with an exit code README names — an unexpected
     * throwable, {@link OutOfMemoryError} and {@link StackOverflowError} included, in any thread, is
     * exit 5 with one line naming the log file, never a stack trace and never 1 (the findings code).
     */
    public static int run(String[] args) {
        Crash.install();
        try {
            return run(args, CliContext.system(System.out, System.err));
        } catch (Throwable t) {
            return Crash.report(t, "keydeck");
        }
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, CliContext.system(out, err));
    }

    static int run(String[] args, CliContext context) {
        if (args.length == 0 || args[0].equals("help") || args[0].equals("--help") || args[0].equals("-h")) {
            context.out().print(USAGE + "\n" + ExitCode.HELP);
            return ExitCode.OK;
        }
        if (args[0].equals("--version") || args[0].equals("-V")) {
            context.out().println("keydeck " + version());
            return ExitCode.OK;
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        try {
            return switch (args[0]) {
                case "sandbox" -> SandboxCommand.run(rest, context.out(), context.err());
                case "keys" -> KEYS.run(rest, context);
                case "connections" -> CONNECTIONS.run(rest, context);
                case "journal" -> JOURNAL.run(rest, context);
                case "report" -> runCommand(REPORT, rest, context);
                default -> notACommand(args, context);
            };
        } finally {
            context.out().flush();
            context.err().flush();
        }
    }

    /**
     * What the Launcher hands over when the arguments are neither a command nor only window options:
     * one line naming the first word it does not know (with the closest one it does), exit 2. The
     * window is never started for these.
     */
    private static int notACommand(String[] args, CliContext context) {
        int first = 0;
        while (first < args.length && isWindowOption(args[first])) {
            String name = args[first].split("=", 2)[0];
            first += (name.equals("--view") || name.equals("--connection")) && !args[first].contains("=") ? 2 : 1;
        }
        if (first >= args.length) {
            // only window options, but one had a bad or missing value
            context.err().println("keydeck: --view takes one of keys, usage, auth-log, review, journal, and --connection"
                    + " a saved connection's name.");
        } else {
            String word = args[first];
            String shown = Text.printable(word.split("=", 2)[0]);
            if (COMMAND_WORDS.contains(word)) {
                context.err().println("keydeck: " + Text.printable(args[0].split("=", 2)[0])
                        + " is an option of the window; 'keydeck " + word + "' does not take it.");
            } else if (word.startsWith("-")) {
                List<String> options = new java.util.ArrayList<>(APP_OPTIONS);
                options.addAll(WINDOW_OPTIONS);
                context.err().println("keydeck: unknown option '" + shown + "'" + orStop(Suggestion.didYouMean(shown, options)));
            } else {
                context.err().println("keydeck: unknown command '" + shown + "'" + orStop(Suggestion.didYouMean(word, COMMAND_WORDS)));
            }
        }
        context.err().println("Run 'keydeck --help' for the commands and the window's options.");
        return ExitCode.USAGE;
    }

    private static String orStop(String hint) {
        return hint.isEmpty() ? "." : hint;
    }

    private static boolean isWindowOption(String arg) {
        return WINDOW_OPTIONS.contains(arg.split("=", 2)[0]);
    }

    /** Runs one command: help on {@code --help}, errors as one line on stderr and an exit code. */
    static int runCommand(Subcommand command, String[] args, CliContext context) {
        String name = "keydeck " + command.spec().path();
        try {
            CommandSpec.rejectTokenArguments(args);
            if (CommandSpec.wantsHelp(args)) {
                context.out().print(command.spec().help());
                return ExitCode.OK;
            }
            return command.run(command.spec().parse(args), context);
        } catch (CliFailure failure) {
            context.err().println(name + ": " + failure.getMessage());
            if (failure.exitCode() == ExitCode.USAGE) {
                context.err().println("Run '" + name + " --help' for usage.");
            }
            return failure.exitCode();
        } catch (Throwable e) {
            return Crash.report(e, name, context.err());
        }
    }
}
