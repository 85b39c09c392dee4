package io.keydeck.ui.usage;

import io.keydeck.gateway.AdminToken;
import io.keydeck.gateway.GatewayClient;
import io.keydeck.gateway.GatewayDriver;
import io.keydeck.gateway.GatewayTarget;
import io.keydeck.sandbox.SandboxGateway;
import io.keydeck.sandbox.SandboxOptions;
import io.keydeck.ui.AppServices;
import io.keydeck.session.ConnectionSession;
import io.keydeck.ui.common.BackgroundTasks;

import java.time.Clock;
import java.util.List;

/** The real sandbox over HTTP on 127.0.0.1 behind the real multiroute driver, wrapped as app services. */
final class SandboxUsage implements AutoCloseable {
    final SandboxGateway sandbox;
    final GatewayClient client;
    final BackgroundTasks tasks = BackgroundTasks.pool(2);
    final AppServices services;

    SandboxUsage() throws Exception {
        sandbox = SandboxGateway.start(SandboxOptions.defaults().withTraffic(false));
        client = GatewayDriver.byId("multiroute").orElseThrow()
                .connect(new GatewayTarget(sandbox.baseUrl(), AdminToken.of(sandbox.adminToken())));
        services = AppServices.of(tasks, List.of(ConnectionSession.of("Sandbox (local demo)", true, client)),
                Clock.systemUTC());
    }

    UsageViewModel viewModel() {
        return viewModelOf(services);
    }

    /** The Usage view's model over {@code services}, as the app builds it. */
    static UsageViewModel viewModelOf(AppServices services) {
        return new UsageViewModel(services.active(), services.tasks(), services.messages(), services.clock(),
                services.status(), services.navigation());
    }

    @Override
    public void close() {
        tasks.close();
        client.close();
        sandbox.close();
    }
}
