package io.keydeck.cli;

import java.util.Set;

/** Entry point of the headless commands; placeholder until the command line lands. */
public final class KeyDeckCli {
    private static final Set<String> COMMANDS = Set.of("sandbox", "keys", "report", "journal", "connections", "help",
            "--help", "--version");

    private KeyDeckCli() {
    }

    public static boolean isCommand(String[] args) {
        return args.length > 0 && COMMANDS.contains(args[0]);
    }

    public static int run(String[] args) {
        System.err.println("keydeck: command not implemented yet: " + args[0]);
        return 2;
    }
}
