package io.keydeck.ui.authlog;

import io.keydeck.ui.shell.ConsoleAuthFailures;

import io.keydeck.gateway.AdminToken;
import io.keydeck.gateway.GatewayClient;
import io.keydeck.gateway.GatewayDriver;
import io.keydeck.gateway.GatewayTarget;
import io.keydeck.sandbox.SandboxGateway;
import io.keydeck.ui.shell.ActiveConnection;
import io.keydeck.ui.AppServices;
import io.keydeck.ui.AppWindow;
import io.keydeck.ui.common.FxmlView;
import io.keydeck.ui.common.Theme;
import javafx.stage.Stage;
import io.keydeck.session.ConnectionSession;
import io.keydeck.ui.shell.Navigation;
import io.keydeck.ui.common.BackgroundTasks;
import io.keydeck.ui.common.RelativeTime;
import io.keydeck.ui.common.StatusLine;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.ResourceBundle;

/** A real sandbox behind the multiroute driver, and the auth log's view model over it. */
final class SandboxSession implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    final SandboxGateway sandbox;
    final GatewayClient client;
    final BackgroundTasks tasks = BackgroundTasks.pool(2);
    final ResourceBundle messages = ResourceBundle.getBundle(AppServices.MESSAGES);
    final Navigation navigation = new Navigation();
    final ConsoleAuthFailures console = new ConsoleAuthFailures(Clock.systemUTC());
    final ActiveConnection active;

    SandboxSession(SandboxGateway sandbox, String adminToken) throws io.keydeck.gateway.GatewayException {
        this.sandbox = sandbox;
        this.client = GatewayDriver.byId("multiroute").orElseThrow()
                .connect(new GatewayTarget(sandbox.baseUrl(), AdminToken.of(adminToken)));
        this.active = new ActiveConnection(ConnectionSession.of("Sandbox", true, client));
    }

    AuthLogViewModel viewModel(int pageSize, int capacity) {
        return new AuthLogViewModel(active, tasks, messages, new RelativeTime(Clock.systemUTC(), messages),
                new StatusLine(), navigation, console, pageSize, capacity);
    }

    /** The whole window over this sandbox at its first size, light theme, showing {@code view}. */
    AppServices showWindow(Stage stage, BackgroundTasks windowTasks, FxmlView view) {
        AppServices services = AppServices.of(windowTasks, List.of(active.session()), Clock.systemUTC());
        services.navigation().show(view);
        Theme.LIGHT.apply();
        stage.setScene(AppWindow.scene(services));
        stage.show();
        return services;
    }

    /** A raw chat completion as an outside client at {@code clientIp} sends it; returns the status. */
    int chat(String key, String clientIp) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "/v1/chat/completions"))
                .timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json")
                .header("X-Sandbox-Client-IP", clientIp)
                .header("User-Agent", "authlog-test/1.0")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"model\":\"test\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"));
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Override
    public void close() {
        tasks.close();
        client.close();
        sandbox.close();
    }
}
