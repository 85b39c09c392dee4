package io.keydeck.cli;

import io.keydeck.journal.ActionJournal;
import io.keydeck.journal.JournalAnchor;
import io.keydeck.journal.JournalPublicKey;
import io.keydeck.journal.VerifyResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** {@code keydeck journal verify}: checks the action journal's chain, signatures and anchor; exit 0 intact, 1 broken. */
@Command(name = "verify", description = "Check that the action journal was not edited, cut, reordered, replaced or added"
        + " to by hand.",
        footer = """
            Prints the verdict on stdout, then what the check could not vouch for. Exit 0 when the journal is
            intact (or there is none yet), 1 when it is not: the first line that cannot be trusted is named,
            with why (edited, deleted, inserted, reordered, rewritten, unsigned, replaced, truncated, malformed
            or torn).

            Each line is signed with this install's Ed25519 key, kept in the OS keychain; the last entry's
            number and hash (the anchor) are kept there too, so deleting the last entries, emptying or
            replacing the file shows. Without an OS keychain the key lives for one session only and the
            journal says it is not protected. Lines written before signing began (an earlier version) are
            checked by their hash chain only, and vouched for by the first signed line.

            Format: one JSON object per line. "prev" is the SHA-256 (hex) of the previous line's exact bytes;
            for line 1 it is the SHA-256 of the empty string (e3b0c442…b855). "hash" is the SHA-256 of the
            line's compact JSON without its "hash" and "sig" members; "seq" numbers the entries 1, 2, 3 ….
            "signer" is the key's fingerprint (SHA256:…, as 'keydeck journal key' prints it) and "sig" the
            base64 Ed25519 signature of the same bytes as "hash".""")
final class JournalVerifyCommand implements Subcommand {
    @Mixin
    HelpOption help;
    @Option(names = "--file", paramLabel = "PATH", description = "check this journal file instead of the one in the data"
            + " directory")
    String file;
    @Option(names = "--public-key", paramLabel = "KEY", description = "check a copy against this install's public key"
            + " (a file holding what 'keydeck journal key' prints, or its base64); no keychain is needed")
    String publicKeyText;
    @Option(names = "--anchor", paramLabel = "ENTRY:SHA256", description = "with --public-key: the anchor 'keydeck"
            + " journal key' printed, so a cut tail shows")
    String anchor;
    @Option(names = "--json", description = "print the verdict as one JSON object")
    boolean json;

    @Override
    public int run(CliContext context) throws CliFailure {
        Optional<String> publicKey = Optional.ofNullable(publicKeyText);
        Optional<String> anchorText = Optional.ofNullable(anchor);
        if (anchorText.isPresent() && publicKey.isEmpty()) {
            throw CliFailure.usage("--anchor is for checking a copy with --public-key; this install's own anchor"
                    + " is read from the keychain.");
        }
        VerifyResult result;
        Path shown;
        try {
            if (publicKey.isPresent()) {
                JournalPublicKey key = parseKey(publicKey.get());
                JournalAnchor expected = anchorText.isPresent() ? parseAnchor(anchorText.get()) : null;
                shown = Optional.ofNullable(file).map(Path::of).orElseGet(() -> context.journal().get().file());
                result = ActionJournal.verifyCopy(shown, key, expected);
            } else {
                ActionJournal journal = Optional.ofNullable(file).map(f -> context.journal().get().at(Path.of(f)))
                        .orElseGet(context.journal());
                shown = journal.file();
                result = journal.verify();
            }
        } catch (IOException e) {
            throw CliFailure.local(e.getMessage());
        }
        if (json) {
            json(shown, result, context);
            return result.isIntact() ? ExitCode.OK : ExitCode.FINDINGS;
        }
        context.out().println(shown + ": " + result.describe());
        result.notes().forEach(note -> context.out().println("  " + note));
        context.out().flush();
        return result.isIntact() ? ExitCode.OK : ExitCode.FINDINGS;
    }

    private static void json(Path shown, VerifyResult result, CliContext context) {
        JsonOut.write(context.out(), g -> {
            g.writeStartObject();
            g.writeStringField("file", shown.toString());
            g.writeBooleanField("intact", result.isIntact());
            g.writeStringField("verdict", result.describe());
            g.writeNumberField("lines", result.lineCount());
            g.writeNumberField("signed", result.signed());
            g.writeFieldName("first_break");
            if (result.firstBreak().isEmpty()) {
                g.writeNull();
            } else {
                g.writeStartObject();
                g.writeNumberField("line", result.firstBreak().get().line());
                g.writeStringField("reason", result.firstBreak().get().reason().name().toLowerCase(java.util.Locale.ROOT));
                g.writeStringField("message", result.firstBreak().get().message());
                g.writeEndObject();
            }
            g.writeArrayFieldStart("notes");
            for (String note : result.notes()) {
                g.writeString(note);
            }
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    /** A path to a file holding the key, or the key itself. */
    private static JournalPublicKey parseKey(String value) throws CliFailure {
        String text = value;
        Path path = Path.of(value.length() > 1024 ? "-" : value.strip());
        if (value.length() <= 1024 && Files.isRegularFile(path)) {
            try {
                text = Files.readString(path, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw CliFailure.local("Could not read the public key file " + path + " (" + e.getMessage() + ").");
            }
        }
        try {
            return JournalPublicKey.parse(text);
        } catch (IllegalArgumentException e) {
            throw CliFailure.usage("--public-key: " + e.getMessage());
        }
    }

    private static JournalAnchor parseAnchor(String value) throws CliFailure {
        try {
            return JournalAnchor.parse(value);
        } catch (IllegalArgumentException e) {
            throw CliFailure.usage("--anchor: " + e.getMessage());
        }
    }
}
