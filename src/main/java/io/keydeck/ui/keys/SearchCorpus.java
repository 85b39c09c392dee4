package io.keydeck.ui.keys;

/**
 * Every key's search text laid end to end in one byte array, so a search reads memory in order.
 * As 100,000 separate Strings, the texts end up scattered over the heap once the collector has
 * moved them, and the same search took 26 ms instead of 3.4 ms (measured with KeysBenchmark,
 * startPass alone, before and after a compacting GC). Texts with characters beyond Latin-1 (names in
 * other scripts) are kept as Strings and searched as such.
 */
final class SearchCorpus {
    private final byte[] bytes;
    private final int[] starts;
    private final String[] wide;

    SearchCorpus(String[] texts) {
        starts = new int[texts.length + 1];
        wide = new String[texts.length];
        int length = 0;
        for (int i = 0; i < texts.length; i++) {
            starts[i] = length;
            if (isLatin1(texts[i])) {
                length += texts[i].length();
            } else {
                wide[i] = texts[i];
            }
        }
        starts[texts.length] = length;
        bytes = new byte[length];
        for (int i = 0; i < texts.length; i++) {
            if (wide[i] == null) {
                String text = texts[i];
                for (int c = 0; c < text.length(); c++) {
                    bytes[starts[i] + c] = (byte) text.charAt(c);
                }
            }
        }
    }

    int size() {
        return wide.length;
    }

    /** Whether text {@code i} contains {@code query}, a search the caller prepared once per pass. */
    boolean contains(int i, Query query) {
        if (wide[i] != null) {
            return wide[i].contains(query.text);
        }
        if (query.bytes == null) { // the query has a character no Latin-1 text holds
            return false;
        }
        byte[] needle = query.bytes;
        if (needle.length == 0) {
            return true;
        }
        byte first = needle[0];
        int last = starts[i + 1] - needle.length;
        for (int at = starts[i]; at <= last; at++) {
            if (bytes[at] == first && matchesAt(at, needle)) {
                return true;
            }
        }
        return false;
    }

    private boolean matchesAt(int at, byte[] needle) {
        for (int k = 1; k < needle.length; k++) {
            if (bytes[at + k] != needle[k]) {
                return false;
            }
        }
        return true;
    }

    private static boolean isLatin1(String text) {
        for (int c = 0; c < text.length(); c++) {
            if (text.charAt(c) > 0xFF) {
                return false;
            }
        }
        return true;
    }

    /** A search text as both String (for wide texts) and Latin-1 bytes (null if it cannot be one). */
    static final class Query {
        private final String text;
        private final byte[] bytes;

        Query(String text) {
            this.text = text;
            this.bytes = isLatin1(text) ? text.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1) : null;
        }
    }
}
