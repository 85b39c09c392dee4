package io.keydeck.cli;

import io.keydeck.sandbox.SandboxCommand;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.Set;

/**
 * The headless entry point: {@code keydeck <command> …}. Runs without starting JavaFX. Only this
 * package (and the sandbox's own command) writes to standard streams.
 */
public final class KeyDeckCli {
    private static final Set<String> COMMANDS = Set.of("sandbox", "help", "--help");

    private KeyDeckCli() {
    }

    /** True when {@code args} name a command rather than app flags, so the window must not start. */
    public static boolean isCommand(String[] args) {
        return args.length > 0 && COMMANDS.contains(args[0]);
    }

    public static int run(String[] args) {
        return run(args, System.out, System.err);
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        return switch (args[0]) {
            case "sandbox" -> SandboxCommand.run(rest, out, err);
            default -> {
                out.println("""
                        Usage: keydeck [COMMAND]
                          (no command)   start the KeyDeck window against the embedded sandbox
                          sandbox        run the sandbox gateway on its own (keydeck sandbox --help)
                        """);
                yield 0;
            }
        };
    }
}
