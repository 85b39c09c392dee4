package io.keydeck.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.List;
import java.util.Map;

/**
 * The command words that only group others ({@code keys list|create|revoke}). Bare, they print their
 * help on stderr and exit 2; their {@code --help} is hidden from the synopsis so it reads
 * {@code keydeck keys COMMAND}.
 */
final class CommandGroups {
    private CommandGroups() {
    }

    /**
     * Each group's commands, in the order its help lists them. Added in code by {@link KeyDeckCli#commandLine},
     * not by the annotation, so that a run builds only the command it names (picocli reads every command
     * class it is given when the tree is made: ~60 ms of a command's start for the ones not run).
     */
    static final Map<Class<?>, List<Class<?>>> COMMANDS = Map.of(
            Keys.class, List.of(KeysListCommand.class, KeysCreateCommand.class, KeysRevokeCommand.class,
                    KeysLimitCommand.class),
            Connections.class, List.of(ConnectionsListCommand.class, ConnectionsAddCommand.class,
                    ConnectionsRemoveCommand.class, ConnectionsDoctorCommand.class),
            Journal.class, List.of(JournalListCommand.class, JournalVerifyCommand.class, JournalKeyCommand.class,
                    JournalTokenCommand.class));

    /** A group's own help option. */
    abstract static class Group {
        @Option(names = {"-h", "--help"}, usageHelp = true, hidden = true)
        boolean help;
    }

    @Command(name = "keys", description = "List, create and revoke the keys of a gateway, and set their limits.",
            synopsisSubcommandLabel = "COMMAND",
            footer = {"", "Run 'keydeck keys COMMAND --help' for a command's options."})
    static final class Keys extends Group {
    }

    @Command(name = "connections", description = "Manage saved connections (the same ones the window shows).",
            synopsisSubcommandLabel = "COMMAND",
            footer = {"", "Run 'keydeck connections COMMAND --help' for a command's options."})
    static final class Connections extends Group {
    }

    @Command(name = "journal", description = "The action journal: every create, revoke, rotate, disable, enable,"
            + " rename and limit change done through KeyDeck.",
            synopsisSubcommandLabel = "COMMAND",
            footer = {"", "Run 'keydeck journal COMMAND --help' for a command's options."})
    static final class Journal extends Group {
    }

    /**
     * Shown in help and completion only: {@code keydeck sandbox} is run by the sandbox's own parser
     * (io.keydeck.sandbox.SandboxCommand) before picocli sees the arguments.
     */
    @Command(name = "sandbox", description = "Run the sandbox gateway on its own (see 'keydeck sandbox --help').")
    static final class Sandbox {
    }

    /** {@code keydeck help [COMMAND…]}: the same as {@code keydeck [COMMAND…] --help}. */
    @Command(name = "help", description = "Show the help of keydeck or of a command.")
    static final class Help {
        @picocli.CommandLine.Parameters(paramLabel = "COMMAND", arity = "0..*", description = "e.g. keys list")
        java.util.List<String> words = new java.util.ArrayList<>();
    }
}
