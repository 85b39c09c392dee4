package io.keydeck.cli;

/**
 * One runnable command. Its options and operands are picocli-annotated fields, filled by the parser
 * before {@link #run}; the same annotations make its {@code --help} and shell completion.
 */
interface Subcommand {
    /** Returns the exit code; throws {@link CliFailure} for anything that stops it. */
    int run(CliContext context) throws CliFailure;
}
