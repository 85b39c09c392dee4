package io.keydeck.session;

import io.keydeck.gateway.ForwardingGatewayClient;
import io.keydeck.gateway.GatewayClient;
import io.keydeck.gateway.GatewayException;
import io.keydeck.gateway.http.LostCreateRecovery;
import io.keydeck.gateway.http.SecretAlreadyShownException;
import io.keydeck.journal.ActionJournal;
import io.keydeck.journal.JournalAction;
import io.keydeck.journal.JournalEntry;
import io.keydeck.model.ApiKey;
import io.keydeck.model.IssuedSecret;
import io.keydeck.model.KeyUpdate;
import io.keydeck.model.NewKeyRequest;
import io.keydeck.model.RevokeResult;

import java.io.IOException;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every create, rotate, revoke, rename, disable and enable, from the window and the command line
 * alike, journaled by one rule: an action that <em>reduces</em> access (revoke, disable) always
 * proceeds and warns loudly when its entry cannot be written; any other action (create, rotate,
 * enable, and rename, which reduces nothing) is refused with {@link JournalUnwritableException} before
 * anything is sent when the journal cannot be written. Each answer of the gateway is journaled with its
 * request id, or its error code, right where it arrives. No JavaFX; the caller's thread does the work.
 */
public final class AdminActions {

    /** Hears what happened to each entry; the window updates its journal view, the CLI prints. Any thread. */
    public interface Listener {
        /** {@code entry} is in the journal. */
        default void recorded(JournalEntry entry) {
        }

        /** The action happened on the gateway, but {@code entry} could not be written; say so loudly. */
        void notRecorded(JournalEntry entry, String reason);
    }

    /** An action that grants access was refused because the journal could not record it; nothing was sent. */
    public static final class JournalUnwritableException extends GatewayException {
        JournalUnwritableException(IOException cause) {
            super(Kind.POLICY, 0, "journal_unwritable", cause.getMessage() + " Nothing was changed on the gateway.",
                    null, cause);
        }
    }

    private final ActionJournal journal;
    private final Clock clock;
    private final Listener listener;

    public AdminActions(ActionJournal journal, Clock clock, Listener listener) {
        this.journal = Objects.requireNonNull(journal, "journal");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    public ActionJournal journal() {
        return journal;
    }

    public Clock clock() {
        return clock;
    }

    /**
     * Creates a key, finding out what happened when the answer was lost ({@link LostCreateRecovery});
     * keys in {@code known} are never taken for the new one.
     */
    public IssuedSecret create(GatewayClient client, String connection, NewKeyRequest request, String idempotencyKey,
                               Set<String> known) throws GatewayException {
        return create(client, connection, request, idempotencyKey, known, null);
    }

    /** A create that replaces {@code old}: ROTATE for it, CREATE for the new key. The old key is not revoked here. */
    public IssuedSecret rotate(GatewayClient client, String connection, ApiKey old, NewKeyRequest request,
                               String idempotencyKey, Set<String> known) throws GatewayException {
        return create(client, connection, request, idempotencyKey, known, Objects.requireNonNull(old, "old"));
    }

    private IssuedSecret create(GatewayClient client, String connection, NewKeyRequest request, String idempotencyKey,
                                Set<String> known, ApiKey rotating) throws GatewayException {
        ensureWritable();
        JournalAction action = rotating == null ? JournalAction.CREATE : JournalAction.ROTATE;
        try {
            IssuedSecret issued = LostCreateRecovery.create(client, request, idempotencyKey, clock, known);
            created(connection, rotating, issued.key(), client.lastRequestId().orElse(null));
            return issued;
        } catch (LostCreateRecovery.SecretLostException lost) {
            record(JournalEntry.outcomeUnknown(clock, JournalAction.CREATE, connection, lost.key(), request.name(),
                    "created, secret lost in transit", lost.requestId()));
            throw lost;
        } catch (SecretAlreadyShownException replayed) {
            // an earlier attempt whose answer was lost did create this key
            created(connection, rotating, replayed.key(), replayed.requestId());
            throw replayed;
        } catch (GatewayException e) {
            record(JournalEntry.failed(clock, action, connection, rotating, request.name(), code(e), e.requestId()));
            throw e;
        }
    }

    private void created(String connection, ApiKey rotating, ApiKey key, String requestId) {
        if (rotating != null) {
            record(JournalEntry.succeeded(clock, JournalAction.ROTATE, connection, rotating, requestId));
        }
        record(JournalEntry.succeeded(clock, JournalAction.CREATE, connection, key, requestId));
    }

    /** Revokes {@code key}; proceeds even when the journal cannot record it (and warns). */
    public RevokeResult revoke(GatewayClient client, String connection, ApiKey key) throws GatewayException {
        RevokeResult result;
        try {
            result = client.revokeKey(key.id());
        } catch (GatewayException e) {
            record(JournalEntry.failed(clock, JournalAction.REVOKE, connection, key, key.id(), code(e), e.requestId()));
            throw e;
        }
        record(result.revoked()
                ? JournalEntry.succeeded(clock, JournalAction.REVOKE, connection, key, result.requestId())
                : JournalEntry.failed(clock, JournalAction.REVOKE, connection, key, key.id(), "not_revoked",
                result.requestId()));
        return result;
    }

    /**
     * Renames, disables, enables or sets the limits or scopes of {@code before}; a disable proceeds whatever the
     * journal says, the others need it.
     */
    public ApiKey update(GatewayClient client, String connection, ApiKey before, KeyUpdate update)
            throws GatewayException {
        JournalAction action = actionOf(update);
        if (action != JournalAction.DISABLE) {
            ensureWritable();
        }
        ApiKey after;
        try {
            after = client.updateKey(before.id(), update);
        } catch (GatewayException e) {
            record(JournalEntry.failed(clock, action, connection, before, null, code(e), e.requestId()));
            throw e;
        }
        ApiKey named = switch (action) {
            case RENAME -> after.withName(before.name() + " \u2192 " + after.name());
            case SET_LIMIT -> after.withName(before.name() + " \u2192 limit " + (update.limit() != null
                    ? update.limit().display() : "") + (update.rateLimits() != null ? " " + update.rateLimits().display()
                    : ""));
            case SET_SCOPES -> after.withName(before.name() + " \u2192 scopes " + String.join(" ", after.scopes())
                    + (update.models() != null ? " models " + (update.models().isEmpty() ? "all"
                    : String.join(" ", update.models())) : ""));
            default -> after;
        };
        record(JournalEntry.succeeded(clock, action, connection, named, client.lastRequestId().orElse(null)));
        return after;
    }

    static JournalAction actionOf(KeyUpdate update) {
        if (update.name() != null) {
            return JournalAction.RENAME;
        }
        if (update.changesLimits()) {
            return JournalAction.SET_LIMIT;
        }
        if (update.changesScopes()) {
            return JournalAction.SET_SCOPES;
        }
        return Boolean.TRUE.equals(update.disabled()) ? JournalAction.DISABLE : JournalAction.ENABLE;
    }

    /**
     * {@code client} as a dialog should use it: its creates, revokes and updates go through these actions
     * under {@code connection}; {@code keys} are the keys it may act on (their names go into the journal,
     * their ids are never taken for a new key). When {@code rotating} is set, a create replaces it.
     * Closing the view closes nothing: the session owns the real client.
     */
    public GatewayClient through(GatewayClient client, String connection, Collection<ApiKey> keys, ApiKey rotating) {
        Map<String, ApiKey> known = keys.stream().collect(Collectors.toMap(ApiKey::id, Function.identity(), (a, b) -> b));
        return new ForwardingGatewayClient(client) {
            @Override
            public IssuedSecret createKey(NewKeyRequest request, String idempotencyKey) throws GatewayException {
                return AdminActions.this.create(delegate(), connection, request, idempotencyKey, known.keySet(),
                        rotating);
            }

            @Override
            public RevokeResult revokeKey(String keyId) throws GatewayException {
                // the dialogs only revoke keys they were given; an id from elsewhere is still recorded by id
                return revoke(delegate(), connection, known.getOrDefault(keyId, unknownKey(keyId)));
            }

            @Override
            public ApiKey updateKey(String keyId, KeyUpdate update) throws GatewayException {
                return update(delegate(), connection, known.getOrDefault(keyId, unknownKey(keyId)), update);
            }

            @Override
            public void close() {
                // the connection's session owns the real client
            }
        };
    }

    /** As {@link #through(GatewayClient, String, Collection, ApiKey)} without a rotation. */
    public GatewayClient through(GatewayClient client, String connection, Collection<ApiKey> keys) {
        return through(client, connection, keys, null);
    }

    private static ApiKey unknownKey(String keyId) {
        return new ApiKey(keyId, "", "", "", null, null, null, null, null, null, false, null, false, null);
    }

    /** Appends {@code entry}; a failure goes to the listener, never to the caller (the action has happened). */
    public void record(JournalEntry entry) {
        try {
            journal.append(entry);
        } catch (IOException | RuntimeException e) {
            listener.notRecorded(entry, String.valueOf(e.getMessage()));
            return;
        }
        listener.recorded(entry);
    }

    private void ensureWritable() throws JournalUnwritableException {
        try {
            journal.ensureWritable();
        } catch (IOException e) {
            throw new JournalUnwritableException(e);
        }
    }

    /** The journal's result code for a failure: the gateway's code, else the kind of failure. */
    public static String code(GatewayException e) {
        return e.code() != null && !e.code().isBlank() ? e.code() : e.kind().name().toLowerCase(Locale.ROOT);
    }

    /** Keys a create must never take for its new one: the ids already known. */
    public static Set<String> ids(List<ApiKey> keys) {
        return keys.stream().map(ApiKey::id).collect(Collectors.toUnmodifiableSet());
    }
}
