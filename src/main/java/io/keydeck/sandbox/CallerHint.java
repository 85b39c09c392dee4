package io.keydeck.sandbox;

/**
 * What an auth log may keep about the credential of a failed request: its prefix and last four
 * characters, and the key it belongs to when the sandbox recognised it — never the credential.
 *
 * @param key the matching key, or null
 */
record CallerHint(String prefix, String lastFour, StoredKey key) {
    static final CallerHint NONE = new CallerHint(null, null, null);

    /** The visible parts of {@code token}: a {@code mrk_…_} prefix and the last four characters. */
    static CallerHint of(String token, StoredKey key) {
        if (token == null || token.isEmpty()) {
            return NONE;
        }
        String prefix = "";
        if (token.startsWith("mrk_")) {
            int end = token.indexOf('_', 4);
            if (end > 0 && end < 16) {
                prefix = token.substring(0, end + 1);
            }
        }
        String lastFour = token.length() >= prefix.length() + 8 ? token.substring(token.length() - 4) : "";
        return new CallerHint(prefix, lastFour, key);
    }

    boolean isEmpty() {
        return (prefix == null || prefix.isEmpty()) && (lastFour == null || lastFour.isEmpty());
    }
}
