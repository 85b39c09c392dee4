package io.keydeck.cli;

/** One runnable command: its declaration and what it does with the parsed arguments. */
interface Subcommand {
    CommandSpec spec();

    /** Returns the exit code; throws {@link CliFailure} for anything that stops it. */
    int run(ParsedArgs args, CliContext context) throws CliFailure;
}
