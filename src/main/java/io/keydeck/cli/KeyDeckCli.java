package io.keydeck.cli;

import io.keydeck.sandbox.SandboxCommand;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The headless entry point: {@code keydeck <command> …}. Runs without starting JavaFX, over the same
 * gateway drivers, settings, keychain and journal as the window. Only this package (and the sandbox's
 * own command) writes to standard streams: results on stdout, every message on stderr.
 */
public final class KeyDeckCli {
    private static final Set<String> COMMANDS = Set.of("keys", "connections", "report", "journal", "sandbox", "help", "--help", "-h");

    private static final CommandGroup KEYS = new CommandGroup("keys", "List, create and revoke the keys of a gateway.",
            List.of(new KeysListCommand(), new KeysCreateCommand(), new KeysRevokeCommand()));
    private static final CommandGroup CONNECTIONS = new CommandGroup("connections",
            "Manage saved connections (the same ones the window shows).",
            List.of(new ConnectionsListCommand(), new ConnectionsAddCommand(), new ConnectionsRemoveCommand()));
    private static final CommandGroup JOURNAL = new CommandGroup("journal",
            "The action journal: every create, revoke, rotate, disable, enable and rename done through KeyDeck.",
            List.of(new JournalListCommand(), new JournalVerifyCommand(), new JournalKeyCommand(), new JournalTokenCommand()));

    private static final ReportCommand REPORT = new ReportCommand();

    private static final String USAGE = """
            Usage: keydeck [COMMAND] [options]

              (no command)         start the KeyDeck window
              keys list|create|revoke
                                   manage the keys of a gateway
              connections list|add|remove
                                   manage saved connections; tokens go to the OS keychain
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

    /** True when {@code args} name a command rather than app flags, so the window must not start. */
    public static boolean isCommand(String[] args) {
        return args.length > 0 && COMMANDS.contains(args[0]);
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
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        try {
            return switch (args[0]) {
                case "sandbox" -> SandboxCommand.run(rest, context.out(), context.err());
                case "keys" -> KEYS.run(rest, context);
                case "connections" -> CONNECTIONS.run(rest, context);
                case "journal" -> JOURNAL.run(rest, context);
                case "report" -> runCommand(REPORT, rest, context);
                default -> {
                    context.err().println("keydeck: unknown command \"" + Text.printable(args[0]) + "\".");
                    context.err().print(USAGE);
                    yield ExitCode.USAGE;
                }
            };
        } finally {
            context.out().flush();
            context.err().flush();
        }
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
