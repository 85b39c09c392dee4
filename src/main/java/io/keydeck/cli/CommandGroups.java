package io.keydeck.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The command words that only group others ({@code keys list|create|revoke}). Bare, they print their
 * help on stderr and exit 2; their {@code --help} is hidden from the synopsis so it reads
 * {@code keydeck keys COMMAND}.
 */
final class CommandGroups {
    private CommandGroups() {
    }

    /** A group's own help option. */
    abstract static class Group {
        @Option(names = {"-h", "--help"}, usageHelp = true, hidden = true)
        boolean help;
    }

    @Command(name = "keys", description = "List, create and revoke the keys of a gateway, and set their limits.",
            synopsisSubcommandLabel = "COMMAND",
            subcommands = {KeysListCommand.class, KeysCreateCommand.class, KeysRevokeCommand.class,
                    KeysLimitCommand.class},
            footer = {"", "Run 'keydeck keys COMMAND --help' for a command's options."})
    static final class Keys extends Group {
    }

    @Command(name = "connections", description = "Manage saved connections (the same ones the window shows).",
            synopsisSubcommandLabel = "COMMAND",
            subcommands = {ConnectionsListCommand.class, ConnectionsAddCommand.class, ConnectionsRemoveCommand.class,
                    ConnectionsDoctorCommand.class},
            footer = {"", "Run 'keydeck connections COMMAND --help' for a command's options."})
    static final class Connections extends Group {
    }

    @Command(name = "journal", description = "The action journal: every create, revoke, rotate, disable, enable,"
            + " rename and limit change done through KeyDeck.",
            synopsisSubcommandLabel = "COMMAND",
            subcommands = {JournalListCommand.class, JournalVerifyCommand.class, JournalKeyCommand.class,
                    JournalTokenCommand.class},
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
