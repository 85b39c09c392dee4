package io.keydeck.journal;

import java.util.List;
import java.util.Optional;

/**
 * The outcome of checking the journal: how many lines were read, the first break, if any, and what the
 * check could not vouch for (an unsigned legacy segment, a session-only key, no anchor), so "intact"
 * never claims more than was checked. Lines after the first break are not judged.
 *
 * @param signed the number of lines whose signature was checked and holds
 * @param notes  sentences for the user on the limits of this check; empty when it covered everything
 */
public record VerifyResult(int lineCount, Optional<ChainBreak> firstBreak, int signed, List<String> notes) {
    public VerifyResult {
        firstBreak = firstBreak == null ? Optional.empty() : firstBreak;
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    public VerifyResult(int lineCount, Optional<ChainBreak> firstBreak) {
        this(lineCount, firstBreak, 0, List.of());
    }

    static VerifyResult intact(int lineCount) {
        return new VerifyResult(lineCount, Optional.empty());
    }

    static VerifyResult broken(int lineCount, ChainBreak chainBreak) {
        return new VerifyResult(lineCount, Optional.of(chainBreak));
    }

    VerifyResult withNotes(int signedLines, List<String> more) {
        return new VerifyResult(lineCount, firstBreak, signedLines, more);
    }

    public boolean isIntact() {
        return firstBreak.isEmpty();
    }

    /** One sentence for the user. */
    public String describe() {
        return firstBreak.map(ChainBreak::message)
                .orElse(lineCount == 0 ? "The journal is empty." : "The journal is intact: all " + lineCount
                        + (lineCount == 1 ? " entry checks out" : " entries check out")
                        + (signed == 0 ? "." : signed == lineCount ? ", every one signed by this install's key."
                        : " (" + signed + " signed by this install's key)."));
    }

    /** {@link #describe()} followed by the notes, one per line. */
    public String describeWithNotes() {
        StringBuilder text = new StringBuilder(describe());
        notes.forEach(note -> text.append('\n').append(note));
        return text.toString();
    }
}
