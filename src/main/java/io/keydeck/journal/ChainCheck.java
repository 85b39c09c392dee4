package io.keydeck.journal;

import io.keydeck.journal.ChainBreak.Reason;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Walks the journal's lines once and names the first one that breaks the chain, and how: the hash
 * chain, the sequence, each signature against the trusted key, and at the end the anchor kept outside
 * the file.
 */
final class ChainCheck {
    private final JournalLineFormat format;
    private final Trust trust;

    /**
     * What the check trusts.
     *
     * @param key          the key signed lines must carry, or null when none is known
     * @param strict       true when the key is pinned (keychain or auditor): a line signed by another key
     *                     is a break; false for a session-only key, whose earlier sessions' lines cannot be checked
     * @param anchor       the last entry as recorded outside the file, or null
     * @param anchorSource where the anchor came from, for messages ("keychain", "--anchor")
     * @param missingAnchorNote said when there is no anchor, or null to say nothing
     */
    record Trust(JournalPublicKey key, boolean strict, JournalAnchor anchor, String anchorSource,
                 String missingAnchorNote) {
        /** Only the hash chain and the sequence, as before signing existed. */
        static Trust chainOnly() {
            return new Trust(null, false, null, "", null);
        }
    }

    ChainCheck(JournalLineFormat format) {
        this(format, Trust.chainOnly());
    }

    ChainCheck(JournalLineFormat format, Trust trust) {
        this.format = format;
        this.trust = trust;
    }

    VerifyResult check(byte[] bytes) {
        List<byte[]> lines = JournalLines.split(bytes);
        boolean torn = JournalLines.isTorn(bytes);
        List<JournalLineFormat.Parsed> parsed = new ArrayList<>();
        Map<Long, Integer> lineOfSeq = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            JournalLineFormat.Parsed p = tryDecode(lines.get(i));
            parsed.add(p);
            if (p != null) {
                lineOfSeq.putIfAbsent(p.seq(), i + 1);
            }
        }
        String expectedPrev = JournalLineFormat.GENESIS;
        long expectedSeq = 1;
        long firstSigned = -1;
        int signedOk = 0;
        int unchecked = 0;
        int legacy = 0;
        List<String> notes = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            int n = i + 1;
            if (torn && n == lines.size()) {
                return broken(lines, n, Reason.TORN, "Line " + n + " is incomplete: the last write was cut short"
                        + " (KeyDeck or the computer stopped while writing it).");
            }
            JournalLineFormat.Parsed line = parsed.get(i);
            if (line == null) {
                return broken(lines, n, Reason.MALFORMED, "Line " + n + " " + malformedReason(lines.get(i))
                        + ", so it is not a journal entry (malformed or partly written).");
            }
            if (!line.hashMatches()) {
                return broken(lines, n, Reason.EDITED, "Line " + n + " was edited after it was written:"
                        + " its content no longer matches its hash.");
            }
            if (line.seq() > expectedSeq) {
                Integer later = lineOfSeq.get(expectedSeq);
                if (later != null && later > n) {
                    return broken(lines, n, Reason.REORDERED, "The entries were reordered: line " + n + " is entry #"
                            + line.seq() + ", but entry #" + expectedSeq + " comes later, at line " + later + ".");
                }
                long missing = line.seq() - expectedSeq;
                return broken(lines, n, Reason.DELETED, missing + (missing == 1 ? " line was" : " lines were")
                        + " deleted before line " + n + ": it is entry #" + line.seq() + " but #" + expectedSeq
                        + " was expected.");
            }
            if (line.seq() < expectedSeq) {
                return broken(lines, n, Reason.INSERTED, "Line " + n + " was inserted or moved: it is entry #"
                        + line.seq() + " but #" + expectedSeq + " was expected.");
            }
            if (line.signed()) {
                if (firstSigned < 0) {
                    firstSigned = line.seq();
                }
                Optional<VerifyResult> bad = checkSignature(lines, parsed, i, expectedPrev);
                if (bad.isPresent()) {
                    return bad.get();
                }
                if (trust.key() != null && trust.key().fingerprint().equals(line.signer())) {
                    signedOk++;
                } else {
                    unchecked++;
                }
            } else {
                if (firstSigned >= 0 || trust.anchor() != null && trust.anchor().signedFrom() > 0
                        && line.seq() >= trust.anchor().signedFrom()) {
                    if (insertedHere(parsed, i, expectedPrev)) {
                        return broken(lines, n, Reason.INSERTED, "Line " + n + " was inserted: it has no signature,"
                                + " and the line after it chains to line " + (n - 1) + ".");
                    }
                    long from = firstSigned >= 0 ? firstSigned : trust.anchor().signedFrom();
                    return broken(lines, n, Reason.UNSIGNED, "Line " + n + " (entry #" + line.seq() + ") has no"
                            + " signature, but the journal is signed from entry #" + from + " on"
                            + (firstSigned >= 0 ? "" : " (as the anchor in the " + trust.anchorSource() + " records)")
                            + ": signatures were stripped and the hashes recomputed, or the line was inserted.");
                }
                legacy++;
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
        Optional<VerifyResult> cut = checkAnchor(lines, parsed, lineOfSeq);
        if (cut.isPresent()) {
            return cut.get();
        }
        describeLimits(notes, lines.size(), legacy, signedOk, unchecked);
        return VerifyResult.intact(lines.size()).withNotes(signedOk, notes);
    }

    /** Empty when line {@code i}'s signature holds (or cannot be checked in a session); else the break. */
    private Optional<VerifyResult> checkSignature(List<byte[]> lines, List<JournalLineFormat.Parsed> parsed, int i,
                                                  String expectedPrev) {
        JournalLineFormat.Parsed line = parsed.get(i);
        int n = i + 1;
        JournalPublicKey key = trust.key();
        if (key == null || !key.fingerprint().equals(line.signer())) {
            if (!trust.strict()) {
                return Optional.empty();
            }
            if (insertedHere(parsed, i, expectedPrev)) {
                return Optional.of(broken(lines, n, Reason.INSERTED, "Line " + n + " was inserted: it is signed by "
                        + "another key (" + printable(line.signer()) + "), and the line after it chains to line "
                        + (n - 1) + "."));
            }
            return Optional.of(broken(lines, n, Reason.REPLACED, key == null
                    ? "Line " + n + " is signed (by " + printable(line.signer()) + "), but this install has no journal"
                    + " signing key: the journal was copied here from another install, or its key was removed."
                    : "Line " + n + " is signed by another key (" + printable(line.signer()) + "), not this"
                    + " journal's (" + key.fingerprint() + "): the journal was replaced by another install's."));
        }
        if (line.sig() != null && key.verifies(line.signedBytes(), line.sig())) {
            return Optional.empty();
        }
        if (insertedHere(parsed, i, expectedPrev)) {
            return Optional.of(broken(lines, n, Reason.INSERTED, "Line " + n + " was inserted: its signature is not"
                    + " valid, and the line after it chains to line " + (n - 1) + "."));
        }
        return Optional.of(broken(lines, n, Reason.REWRITTEN, "Line " + n + " was rewritten after it was signed: its"
                + " hash was recomputed to fit, but its signature does not match its content."));
    }

    /** True when the line after {@code i} skips it: it repeats its number, or chains to the line before it. */
    private static boolean insertedHere(List<JournalLineFormat.Parsed> parsed, int i, String expectedPrev) {
        if (i + 1 >= parsed.size() || parsed.get(i + 1) == null) {
            return false;
        }
        JournalLineFormat.Parsed next = parsed.get(i + 1);
        return next.seq() == parsed.get(i).seq() || next.prev().equals(expectedPrev);
    }

    private Optional<VerifyResult> checkAnchor(List<byte[]> lines, List<JournalLineFormat.Parsed> parsed,
                                               Map<Long, Integer> lineOfSeq) {
        JournalAnchor anchor = trust.anchor();
        if (anchor == null) {
            return Optional.empty();
        }
        int next = lines.size() + 1;
        String where = "the anchor in the " + trust.anchorSource();
        if (lines.isEmpty()) {
            return Optional.of(broken(lines, next, Reason.TRUNCATED, "The journal is empty, but " + where
                    + " says it ends at entry " + anchor.seq() + ": it was emptied, deleted or replaced."));
        }
        long last = parsed.get(parsed.size() - 1).seq();
        if (last < anchor.seq()) {
            long missing = anchor.seq() - last;
            return Optional.of(broken(lines, next, Reason.TRUNCATED, "The journal ends at entry " + last + "; " + where
                    + " says " + anchor.seq() + ": the last " + (missing == 1 ? "entry was" : missing + " entries were")
                    + " deleted (or the file was replaced by an older copy)."));
        }
        Integer at = lineOfSeq.get(anchor.seq());
        if (at == null || !JournalLineFormat.sha256(lines.get(at - 1)).equals(anchor.hash())) {
            return Optional.of(broken(lines, at == null ? next : at, Reason.REPLACED, "Entry " + anchor.seq()
                    + " is not the entry " + where + " recorded: the journal was replaced or rewritten."));
        }
        return Optional.empty();
    }

    private void describeLimits(List<String> notes, int lineCount, int legacy, int signedOk, int unchecked) {
        if (legacy > 0 && legacy == lineCount) {
            notes.add("Its " + lineCount + (lineCount == 1 ? " entry is" : " entries are") + " unsigned (written"
                    + " before KeyDeck signed its journal): the hash chain holds, but it could have been rewritten"
                    + " without a trace. The next entry will be signed.");
        } else if (legacy > 0) {
            notes.add("Entries 1-" + legacy + " are the unsigned journal of an earlier version; the first signed"
                    + " entry vouches for them through the hash chain.");
        }
        if (unchecked > 0) {
            notes.add(unchecked + (unchecked == 1 ? " signed entry was" : " signed entries were") + " not checked: "
                    + "its signing key is not held here. The journal is NOT protected against rewriting.");
        }
        if (!trust.strict() && trust.key() != null) {
            notes.add("No OS keychain: the signing key and anchor are kept for this session only, so the journal"
                    + " is NOT protected against rewriting or cutting.");
        }
        if (trust.anchor() == null && trust.missingAnchorNote() != null && lineCount > 0) {
            notes.add(trust.missingAnchorNote());
        }
    }

    private JournalLineFormat.Parsed tryDecode(byte[] line) {
        try {
            return format.decode(line);
        } catch (JournalLineFormat.MalformedLineException e) {
            return null;
        }
    }

    private String malformedReason(byte[] line) {
        try {
            format.decode(line);
            return "is not an entry";
        } catch (JournalLineFormat.MalformedLineException e) {
            return e.getMessage();
        }
    }

    private static String printable(String text) {
        if (text == null || text.isEmpty()) {
            return "no key named";
        }
        String shown = text.replaceAll("[^\\x20-\\x7e]", "?");
        return shown.length() > 60 ? shown.substring(0, 60) + "…" : shown;
    }

    private static VerifyResult broken(List<byte[]> lines, int line, Reason reason, String message) {
        return VerifyResult.broken(lines.size(), new ChainBreak(line, reason, message));
    }
}
