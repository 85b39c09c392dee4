package io.keydeck.journal;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/**
 * What the keyring remembers about the end of one journal file, outside the file, so that cutting its
 * tail, emptying, deleting or replacing it shows: the last entry's number and the SHA-256 of its line,
 * and the entry from which lines are signed (so stripping signatures shows too). Updated after every
 * append, under the journal's file lock.
 *
 * @param seq        the last entry's number
 * @param hash       SHA-256 (hex) of that entry's exact line
 * @param signedFrom the first entry that was signed; entries before it are the legacy, unsigned segment
 */
public record JournalAnchor(long seq, String hash, long signedFrom) {
    private static final String PREFIX = "journal-anchor:";

    /** The keyring name of the anchor of {@code file}: one per journal file, so copies never share it. */
    static String name(Path file) {
        String path = file.toAbsolutePath().normalize().toString();
        return PREFIX + JournalLineFormat.sha256(path.getBytes(StandardCharsets.UTF_8)).substring(0, 24);
    }

    static Optional<JournalAnchor> read(JournalKeyring keyring, Path file) {
        Optional<char[]> stored = keyring.read(name(file));
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        char[] text = stored.get();
        try {
            return Optional.of(parse(new String(text)));
        } finally {
            Arrays.fill(text, '\0');
        }
    }

    void store(JournalKeyring keyring, Path file) {
        keyring.store(name(file), format().toCharArray());
    }

    /** {@code SEQ:HASH}, as {@code journal key} prints it and {@code journal verify --anchor} reads it. */
    public String format() {
        return seq + ":" + hash + (signedFrom > 0 ? ":" + signedFrom : "");
    }

    /**
     * Reads {@link #format()}.
     *
     * @throws IllegalArgumentException with a sentence for the user when it is not of that form
     */
    public static JournalAnchor parse(String text) {
        String[] parts = text.strip().split(":");
        try {
            if ((parts.length == 2 || parts.length == 3) && parts[1].matches("[0-9a-f]{64}")) {
                long seq = Long.parseLong(parts[0]);
                long signedFrom = parts.length == 3 ? Long.parseLong(parts[2]) : 0;
                if (seq > 0 && signedFrom >= 0) {
                    return new JournalAnchor(seq, parts[1], signedFrom);
                }
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("An anchor is ENTRY:SHA256 (as 'keydeck journal key' prints it), e.g. 15:"
                + "9f86d081…; this is not one.");
    }
}
