package io.keydeck.ui.review;

import io.keydeck.gateway.AdminToken;
import io.keydeck.gateway.GatewayDriver;
import io.keydeck.gateway.GatewayTarget;
import io.keydeck.sandbox.SandboxGateway;
import io.keydeck.sandbox.SandboxOptions;
import io.keydeck.session.ConnectionSession;

/** The real sandbox on 127.0.0.1 (traffic off, so its planted problems stay put) and a session over the real driver. */
final class SandboxConnection implements AutoCloseable {
    static final String NAME = "Sandbox (local demo)";

    final SandboxGateway sandbox;
    final ConnectionSession session;

    SandboxConnection() throws Exception {
        sandbox = SandboxGateway.start(SandboxOptions.defaults().withTraffic(false));
        GatewayDriver driver = GatewayDriver.byId("multiroute").orElseThrow();
        session = ConnectionSession.of(NAME, true,
                driver.connect(new GatewayTarget(sandbox.baseUrl(), AdminToken.of(sandbox.adminToken()))));
    }

    @Override
    public void close() {
        session.close();
        sandbox.close();
    }
}
