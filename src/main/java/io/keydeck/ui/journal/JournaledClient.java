package io.keydeck.ui.journal;

import io.keydeck.gateway.ForwardingGatewayClient;
import io.keydeck.gateway.GatewayClient;
import io.keydeck.gateway.GatewayException;
import io.keydeck.gateway.http.LostCreateRecovery;
import io.keydeck.gateway.http.SecretAlreadyShownException;
import io.keydeck.journal.JournalAction;
import io.keydeck.journal.JournalEntry;
import io.keydeck.model.ApiKey;
import io.keydeck.model.IssuedSecret;
import io.keydeck.model.NewKeyRequest;
import io.keydeck.model.RevokeResult;

import java.util.Collection;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A gateway client handed to the create, rotate and revoke dialogs, so each answer of the gateway —
 * with its request id, or its error code — is journaled right where it arrives, whatever the dialog
 * does with it afterwards. Everything else passes straight through.
 */
final class JournaledClient extends ForwardingGatewayClient {
    private final WindowJournal journal;
    private final String connection;
    private final Map<String, ApiKey> known;
    private final ApiKey rotating;

    JournaledClient(GatewayClient delegate, WindowJournal journal, String connection, Collection<ApiKey> keys,
                    ApiKey rotating) {
        super(delegate);
        this.journal = journal;
        this.connection = connection;
        this.known = keys.stream().collect(Collectors.toMap(ApiKey::id, Function.identity(), (a, b) -> b));
        this.rotating = rotating;
    }

    @Override
    public IssuedSecret createKey(NewKeyRequest request, String idempotencyKey) throws GatewayException {
        try {
            IssuedSecret issued = LostCreateRecovery.create(delegate(), request, idempotencyKey, journal.clock(),
                    known.keySet());
            created(issued.key(), delegate().lastRequestId().orElse(null));
            return issued;
        } catch (LostCreateRecovery.SecretLostException lost) {
            journal.record(JournalEntry.outcomeUnknown(journal.clock(), JournalAction.CREATE, connection, lost.key(),
                    request.name(), "created, secret lost in transit", lost.requestId()));
            throw lost;
        } catch (SecretAlreadyShownException replayed) {
            // an earlier attempt whose answer was lost did create this key
            created(replayed.key(), replayed.requestId());
            throw replayed;
        } catch (GatewayException e) {
            JournalAction action = rotating == null ? JournalAction.CREATE : JournalAction.ROTATE;
            journal.record(JournalEntry.failed(journal.clock(), action, connection, rotating, request.name(),
                    WindowJournal.code(e), e.requestId()));
            throw e;
        }
    }

    private void created(ApiKey key, String requestId) {
        if (rotating != null) {
            journal.record(JournalEntry.succeeded(journal.clock(), JournalAction.ROTATE, connection, rotating,
                    requestId));
        }
        journal.record(JournalEntry.succeeded(journal.clock(), JournalAction.CREATE, connection, key, requestId));
    }

    @Override
    public RevokeResult revokeKey(String keyId) throws GatewayException {
        // the dialogs only revoke keys they were given; an id from elsewhere is still recorded by id
        ApiKey key = known.getOrDefault(keyId, new ApiKey(keyId, "", "", "", null, null, null, null, null, null,
                false, null, false, null));
        try {
            RevokeResult result = delegate().revokeKey(keyId);
            journal.record(result.revoked()
                    ? JournalEntry.succeeded(journal.clock(), JournalAction.REVOKE, connection, key, result.requestId())
                    : JournalEntry.failed(journal.clock(), JournalAction.REVOKE, connection, key, keyId,
                    "not_revoked", result.requestId()));
            return result;
        } catch (GatewayException e) {
            journal.record(JournalEntry.failed(journal.clock(), JournalAction.REVOKE, connection, key, keyId,
                    WindowJournal.code(e), e.requestId()));
            throw e;
        }
    }

    /** The connection's session owns the real client; this view of it has nothing of its own to close. */
    @Override
    public void close() {
        // nothing to release
    }
}
