package io.keydeck.cli;

import io.keydeck.journal.ActionJournal;
import io.keydeck.journal.JournalAnchor;
import io.keydeck.journal.JournalPublicKey;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.util.Optional;

/** {@code keydeck journal key}: the public key (and fingerprint) that signs this install's journal, for auditors. */
@Command(name = "key", description = "Print the public key that signs this install's journal, its fingerprint and the"
        + " journal's anchor.",
        footer = """
                Makes the key pair first if this install has none yet; the private key stays in the OS keychain.
                Save the output where the journal cannot be changed, then check any copy of the journal with
                  keydeck journal verify --file COPY --public-key SAVED-OUTPUT [--anchor ENTRY:SHA256]
                The anchor (the last entry's number and the SHA-256 of its line) lets that check notice a copy
                whose last entries were deleted; it changes with every entry.""")
final class JournalKeyCommand implements Subcommand {
    @Mixin
    HelpOption help;
    @Option(names = "--json", description = "print journal, fingerprint, anchor and public key as one JSON object")
    boolean json;

    @Override
    public int run(CliContext context) throws CliFailure {
        ActionJournal journal = context.journal().get();
        JournalPublicKey key;
        Optional<JournalAnchor> anchor;
        try {
            key = journal.publicKey();
            anchor = journal.anchor();
        } catch (IOException e) {
            throw CliFailure.local(e.getMessage());
        }
        if (json) {
            JsonOut.write(context.out(), g -> {
                g.writeStartObject();
                g.writeStringField("journal", journal.file().toString());
                g.writeStringField("fingerprint", key.fingerprint());
                g.writeStringField("anchor", anchor.map(JournalAnchor::format).orElse(null));
                g.writeStringField("public_key_pem", key.pem());
                g.writeBooleanField("protected", journal.isProtected());
                g.writeEndObject();
            });
        } else {
            print(journal, key, anchor, context);
        }
        if (!journal.isProtected()) {
            context.err().println("keydeck journal key: warning: " + journal.protection());
        }
        return ExitCode.OK;
    }

    private static void print(ActionJournal journal, JournalPublicKey key, Optional<JournalAnchor> anchor,
                              CliContext context) {
        context.out().println("Journal: " + journal.file());
        context.out().println("Fingerprint: " + key.fingerprint());
        context.out().println("Anchor: " + anchor.map(JournalAnchor::format).orElse("none (nothing signed yet)"));
        context.out().print(key.pem());
        context.out().flush();
    }
}
