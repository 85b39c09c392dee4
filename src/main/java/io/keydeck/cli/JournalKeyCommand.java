package io.keydeck.cli;

import io.keydeck.journal.ActionJournal;
import io.keydeck.journal.JournalAnchor;
import io.keydeck.journal.JournalPublicKey;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/** {@code keydeck journal key}: the public key (and fingerprint) that signs this install's journal, for auditors. */
final class JournalKeyCommand implements Subcommand {
    private static final CommandSpec SPEC = new CommandSpec("journal key",
            "Print the public key that signs this install's journal, its fingerprint and the journal's anchor.",
            "", 0, 0, List.of(),
            """
            Makes the key pair first if this install has none yet; the private key stays in the OS keychain.
            Save the output where the journal cannot be changed, then check any copy of the journal with
              keydeck journal verify --file COPY --public-key SAVED-OUTPUT [--anchor ENTRY:SHA256]
            The anchor (the last entry's number and the SHA-256 of its line) lets that check notice a copy
            whose last entries were deleted; it changes with every entry.""");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public int run(ParsedArgs args, CliContext context) throws CliFailure {
        ActionJournal journal = context.journal().get();
        JournalPublicKey key;
        Optional<JournalAnchor> anchor;
        try {
            key = journal.publicKey();
            anchor = journal.anchor();
        } catch (IOException e) {
            throw CliFailure.local(e.getMessage());
        }
        context.out().println("Journal: " + journal.file());
        context.out().println("Fingerprint: " + key.fingerprint());
        context.out().println("Anchor: " + anchor.map(JournalAnchor::format).orElse("none (nothing signed yet)"));
        context.out().print(key.pem());
        context.out().flush();
        if (!journal.isProtected()) {
            context.err().println("keydeck journal key: warning: " + journal.protection());
        }
        return ExitCode.OK;
    }
}
