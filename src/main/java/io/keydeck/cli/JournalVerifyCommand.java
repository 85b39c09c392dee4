package io.keydeck.cli;

import io.keydeck.journal.ActionJournal;
import io.keydeck.journal.VerifyResult;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** {@code keydeck journal verify}: checks the action journal's hash chain; exit 0 intact, 1 broken. */
final class JournalVerifyCommand implements Subcommand {
    private static final CommandSpec SPEC = new CommandSpec("journal verify",
            "Check that the action journal was not edited, cut or added to by hand.", "", 0, 0, List.of(
            OptionSpec.value("--file", "PATH", "check this journal file instead of the one in the data directory")),
            """
            Prints the verdict on stdout. Exit 0 when the chain is intact (or there is no journal yet),
            1 when it is broken: the first line that cannot be trusted is named, with why (edited, deleted,
            inserted, malformed or torn). Deleting lines from the very end cannot be detected.

            Format: one JSON object per line. "prev" is the SHA-256 (hex) of the previous line's exact bytes;
            for line 1 it is the SHA-256 of the empty string (e3b0c442…b855). "hash" is the SHA-256 of the
            line's compact JSON without its "hash" member; "seq" numbers the entries 1, 2, 3 ….""");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public int run(ParsedArgs args, CliContext context) throws CliFailure {
        ActionJournal journal = args.value("--file").map(f -> ActionJournal.open(Path.of(f)))
                .orElseGet(context.journal());
        VerifyResult result;
        try {
            result = journal.verify();
        } catch (IOException e) {
            throw CliFailure.local(e.getMessage());
        }
        context.out().println(journal.file() + ": " + result.describe());
        context.out().flush();
        return result.isIntact() ? ExitCode.OK : ExitCode.FINDINGS;
    }
}
