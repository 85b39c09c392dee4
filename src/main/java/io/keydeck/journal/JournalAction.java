package io.keydeck.journal;

import java.util.Locale;

/** The admin actions KeyDeck records, whichever front end (window or command line) took them. */
public enum JournalAction {
    CREATE, REVOKE, ROTATE, DISABLE, ENABLE, RENAME, SET_LIMIT, SET_SCOPES;

    /** The form written to the journal, e.g. {@code revoke}, {@code set_limit}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@link #wireName()}; unknown names are rejected so a tampered line cannot pass as valid. */
    public static JournalAction fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
