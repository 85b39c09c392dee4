package io.keydeck.journal;

import io.keydeck.journal.ChainBreak.Reason;

import java.util.List;

/** Walks the journal's lines once and names the first one that breaks the hash chain, and how. */
final class ChainCheck {
    private final JournalLineFormat format;

    ChainCheck(JournalLineFormat format) {
        this.format = format;
    }

    VerifyResult check(byte[] bytes) {
        List<byte[]> lines = JournalLines.split(bytes);
        boolean torn = JournalLines.isTorn(bytes);
        String expectedPrev = JournalLineFormat.GENESIS;
        long expectedSeq = 1;
        for (int i = 0; i < lines.size(); i++) {
            int n = i + 1;
            if (torn && n == lines.size()) {
                return broken(lines, n, Reason.TORN, "Line " + n + " is incomplete: the last write was cut short"
                        + " (KeyDeck or the computer stopped while writing it).");
            }
            JournalLineFormat.Parsed line;
            try {
                line = format.decode(lines.get(i));
            } catch (JournalLineFormat.MalformedLineException e) {
                return broken(lines, n, Reason.MALFORMED, "Line " + n + " " + e.getMessage()
                        + ", so it is not a journal entry (malformed or partly written).");
            }
            if (!line.hashMatches()) {
                return broken(lines, n, Reason.EDITED, "Line " + n + " was edited after it was written:"
                        + " its content no longer matches its hash.");
            }
            if (line.seq() > expectedSeq) {
                long missing = line.seq() - expectedSeq;
                return broken(lines, n, Reason.DELETED, missing + (missing == 1 ? " line was" : " lines were")
                        + " deleted before line " + n + ": it is entry #" + line.seq() + " but #" + expectedSeq
                        + " was expected.");
            }
            if (line.seq() < expectedSeq) {
                return broken(lines, n, Reason.INSERTED, "Line " + n + " was inserted or moved: it is entry #"
                        + line.seq() + " but #" + expectedSeq + " was expected.");
            }
            if (!line.prev().equals(expectedPrev)) {
                return n == 1
                        ? broken(lines, 1, Reason.EDITED, "Line 1 does not start the chain: it was replaced or the"
                        + " journal's beginning was changed.")
                        : broken(lines, n - 1, Reason.EDITED, "Line " + (n - 1) + " was changed after it was written:"
                        + " line " + n + " recorded a different hash for it.");
            }
            expectedPrev = JournalLineFormat.sha256(lines.get(i));
            expectedSeq = line.seq() + 1;
        }
        return VerifyResult.intact(lines.size());
    }

    private static VerifyResult broken(List<byte[]> lines, int line, Reason reason, String message) {
        return VerifyResult.broken(lines.size(), new ChainBreak(line, reason, message));
    }
}
