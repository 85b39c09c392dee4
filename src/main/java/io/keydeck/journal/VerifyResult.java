package io.keydeck.journal;

import java.util.Optional;

/**
 * The outcome of checking the journal's hash chain: how many lines were read and the first break,
 * if any. Lines after the first break are not judged.
 */
public record VerifyResult(int lineCount, Optional<ChainBreak> firstBreak) {
    public VerifyResult {
        firstBreak = firstBreak == null ? Optional.empty() : firstBreak;
    }

    static VerifyResult intact(int lineCount) {
        return new VerifyResult(lineCount, Optional.empty());
    }

    static VerifyResult broken(int lineCount, ChainBreak chainBreak) {
        return new VerifyResult(lineCount, Optional.of(chainBreak));
    }

    public boolean isIntact() {
        return firstBreak.isEmpty();
    }

    /** One sentence for the user. */
    public String describe() {
        return firstBreak.map(ChainBreak::message)
                .orElse(lineCount == 0 ? "The journal is empty." : "The journal is intact: all " + lineCount
                        + (lineCount == 1 ? " entry checks out." : " entries check out."));
    }
}
