package io.keydeck.journal;

import io.keydeck.model.ApiKey;
import io.keydeck.model.SecretRedactor;
import io.keydeck.model.SecretShapes;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One admin action as the journal keeps it: who did what to which key, through which connection,
 * and how it ended. It has no field for a secret or token, and free-text fields pass through
 * {@link SecretRedactor}, so a key pasted into a name cannot reach the journal either.
 *
 * @param user       the OS user who ran KeyDeck
 * @param connection the saved connection's name, or the base URL of an ad-hoc gateway
 * @param keyHint    {@code prefix…last4}, empty when unknown (e.g. a create that failed)
 * @param result     {@code ok} or {@code failed: <code>}
 * @param requestId  the gateway's request id, or null
 */
public record JournalEntry(Instant time, String user, String connection, JournalAction action, String keyId,
                           String keyName, String keyHint, String result, String requestId) {
    public static final String OK = "ok";

    public JournalEntry {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(action, "action");
        user = clean(user);
        connection = clean(connection);
        keyId = clean(keyId);
        keyName = clean(keyName);
        keyHint = clean(keyHint);
        result = result == null || result.isBlank() ? OK : clean(result);
        requestId = requestId == null || requestId.isBlank() ? null : clean(requestId);
    }

    /** A successful action on {@code key}, stamped now and with the current OS user. */
    public static JournalEntry succeeded(Clock clock, JournalAction action, String connection, ApiKey key,
                                         String requestId) {
        return new JournalEntry(clock.instant(), currentUser(), connection, action, key.id(), key.name(),
                key.hint(), OK, requestId);
    }

    /**
     * A refused or failed action. {@code key} may be null when there is none yet (a failed create),
     * then {@code keyName} names what was asked for.
     */
    public static JournalEntry failed(Clock clock, JournalAction action, String connection, ApiKey key,
                                      String keyName, String code, String requestId) {
        return new JournalEntry(clock.instant(), currentUser(), connection, action, key == null ? "" : key.id(),
                key == null ? keyName : key.name(), key == null ? "" : key.hint(),
                "failed: " + (code == null || code.isBlank() ? "unknown" : code), requestId);
    }

    /**
     * An action whose answer was lost: the gateway may have done it. {@code key} is what KeyDeck found
     * afterwards (null when it found nothing), so the entry names the key to check or revoke.
     */
    public static JournalEntry outcomeUnknown(Clock clock, JournalAction action, String connection, ApiKey key,
                                              String keyName, String why, String requestId) {
        return new JournalEntry(clock.instant(), currentUser(), connection, action, key == null ? "" : key.id(),
                key == null ? keyName : key.name(), key == null ? "" : key.hint(),
                "unknown: " + (why == null || why.isBlank() ? "answer lost" : why), requestId);
    }

    public boolean succeeded() {
        return OK.equals(result);
    }

    static String currentUser() {
        return System.getProperty("user.name", "");
    }

    /** Masks key-shaped text; {@link SecretShapes} also finds keys glued to other words ("req_mrk_live_…"). */
    private static String clean(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder masked = new StringBuilder(text.strip());
        List<SecretShapes.Found> found = SecretShapes.find(masked);
        for (int i = found.size() - 1; i >= 0; i--) {
            SecretShapes.Found f = found.get(i);
            masked.replace(f.start(), f.end(), f.prefix() + SecretRedactor.MASK);
        }
        return SecretRedactor.redact(masked.toString());
    }
}
