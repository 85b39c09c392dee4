package io.keydeck.cli;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** A command word with subcommands ({@code keys list|create|revoke}), with help for the group and each member. */
record CommandGroup(String name, String summary, List<Subcommand> subcommands) {

    int run(String[] args, CliContext context) {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h")) {
            (args.length == 0 ? context.err() : context.out()).print(help());
            return args.length == 0 ? ExitCode.USAGE : ExitCode.OK;
        }
        Optional<Subcommand> match = subcommands.stream()
                .filter(s -> s.spec().path().equals(name + " " + args[0])).findFirst();
        if (match.isEmpty()) {
            List<String> words = subcommands.stream().map(s -> s.spec().path().substring(name.length() + 1)).toList();
            String hint = Suggestion.didYouMean(args[0], words);
            context.err().println("keydeck " + name + ": unknown subcommand \"" + Text.printable(args[0]) + "\""
                    + (hint.isEmpty() ? "." : hint));
            context.err().print(help());
            return ExitCode.USAGE;
        }
        return KeyDeckCli.runCommand(match.get(), Arrays.copyOfRange(args, 1, args.length), context);
    }

    String help() {
        StringBuilder help = new StringBuilder("Usage: keydeck ").append(name).append(" COMMAND [options]\n\n")
                .append(summary).append("\n\nCommands:\n");
        for (Subcommand s : subcommands) {
            String word = s.spec().path().substring(name.length() + 1);
            help.append(String.format("  %-10s%s%n", word, s.spec().summary()));
        }
        return help.append("\nRun 'keydeck ").append(name).append(" COMMAND --help' for a command's options.\n").toString();
    }
}
