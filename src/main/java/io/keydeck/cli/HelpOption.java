package io.keydeck.cli;

import picocli.CommandLine.Option;

/** {@code -h/--help} on every command: its help on stdout, exit 0, whatever else was given. */
final class HelpOption {
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help")
    boolean help;
}
