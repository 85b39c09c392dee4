package io.keydeck.ui.connections;

import io.keydeck.session.ConnectionSession;
import io.keydeck.gateway.AdminToken;
import io.keydeck.gateway.GatewayDriver;
import io.keydeck.gateway.GatewayException;
import io.keydeck.gateway.GatewayTarget;
import io.keydeck.sandbox.SandboxGateway;
import io.keydeck.sandbox.SandboxOptions;
import io.keydeck.settings.ConnectionProfile;

import java.util.ResourceBundle;
import java.util.concurrent.Executor;

/**
 * The demo connection every new user starts with: the embedded sandbox gateway on 127.0.0.1, reached
 * through the real {@code multiroute} driver over real HTTP, so the demo exercises the same path as a
 * real gateway. Starts in the background; the window does not wait for it.
 */
public final class EmbeddedSandbox implements AutoCloseable {
    private static final String DRIVER_ID = "multiroute";

    private SandboxGateway gateway;
    private boolean closed;

    private EmbeddedSandbox() {
    }

    /**
     * The saved demo connection ({@link ConnectionProfile#demo()}): its placeholder base URL becomes the
     * sandbox's real address, and its token is the sandbox's own, never put into a vault.
     */
    public static ConnectionSession open(ConnectionProfile demo, SandboxOptions options, Executor executor,
                                         ResourceBundle messages) {
        EmbeddedSandbox sandbox = new EmbeddedSandbox();
        return ConnectionSession.forProfile(demo, messages.getString("sandbox.starting"),
                () -> sandbox.connect(options), executor, sandbox);
    }

    private io.keydeck.gateway.GatewayClient connect(SandboxOptions options) throws Exception {
        SandboxGateway started = SandboxGateway.start(options);
        synchronized (this) {
            if (closed) {
                started.close();
                throw new GatewayException(GatewayException.Kind.NETWORK, 0, "closed", "The sandbox was closed.", null);
            }
            gateway = started;
        }
        GatewayDriver driver = GatewayDriver.byId(DRIVER_ID).orElseThrow(() -> new IllegalStateException(
                "The " + DRIVER_ID + " driver is not on the class path"));
        return driver.connect(new GatewayTarget(started.baseUrl(), AdminToken.of(started.adminToken())));
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (gateway != null) {
            gateway.close();
            gateway = null;
        }
    }
}
