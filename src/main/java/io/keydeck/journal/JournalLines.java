package io.keydeck.journal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Splits the journal's bytes into lines exactly as written, so each line's hash can be recomputed. */
final class JournalLines {
    private JournalLines() {
    }

    /** The lines without their {@code \n}; an unterminated last line is included (see {@link #isTorn}). */
    static List<byte[]> split(byte[] bytes) {
        List<byte[]> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                lines.add(Arrays.copyOfRange(bytes, start, i));
                start = i + 1;
            }
        }
        if (start < bytes.length) {
            lines.add(Arrays.copyOfRange(bytes, start, bytes.length));
        }
        return lines;
    }

    /** True when the file does not end with a newline: its last write was cut short. */
    static boolean isTorn(byte[] bytes) {
        return bytes.length > 0 && bytes[bytes.length - 1] != '\n';
    }
}
