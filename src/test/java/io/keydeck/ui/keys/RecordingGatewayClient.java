package io.keydeck.ui.keys;

import io.keydeck.gateway.ForwardingGatewayClient;
import io.keydeck.gateway.GatewayClient;
import io.keydeck.gateway.GatewayException;
import io.keydeck.model.IssuedSecret;
import io.keydeck.model.NewKeyRequest;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The real driver's client, remembering the secrets it handed out so a test can check they were wiped. */
final class RecordingGatewayClient extends ForwardingGatewayClient {
    private final List<IssuedSecret> issued = new CopyOnWriteArrayList<>();

    RecordingGatewayClient(GatewayClient real) {
        super(real);
    }

    List<IssuedSecret> issued() {
        return List.copyOf(issued);
    }

    @Override
    public IssuedSecret createKey(NewKeyRequest request, String idempotencyKey) throws GatewayException {
        IssuedSecret secret = super.createKey(request, idempotencyKey);
        issued.add(secret);
        return secret;
    }
}
