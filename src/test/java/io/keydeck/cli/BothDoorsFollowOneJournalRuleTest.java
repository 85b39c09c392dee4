package io.keydeck.cli;

import com.sun.net.httpserver.HttpServer;
import io.keydeck.gateway.AdminToken;
import io.keydeck.gateway.GatewayClient;
import io.keydeck.gateway.GatewayDriver;
import io.keydeck.gateway.GatewayTarget;
import io.keydeck.journal.ActionJournal;
import io.keydeck.model.ApiKey;
import io.keydeck.model.KeyEnvironment;
import io.keydeck.model.NewKeyRequest;
import io.keydeck.sandbox.IssuedKey;
import io.keydeck.sandbox.SandboxGateway;
import io.keydeck.sandbox.SandboxOptions;
import io.keydeck.ui.AppServices;
import io.keydeck.ui.FxTestSupport;
import io.keydeck.ui.common.BackgroundTasks;
import io.keydeck.ui.common.StatusLine;
import io.keydeck.ui.keys.KeyCreation;
import io.keydeck.ui.keys.RevokeKeysViewModel;
import io.keydeck.ui.journal.WindowJournal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import static io.keydeck.ui.FxTestSupport.onFx;
import static io.keydeck.ui.FxTestSupport.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shared rule of {@code session.AdminActions}, seen through both doors with a journal that cannot be
 * written: {@code keys create} and the window's Create dialog both refuse, with the same sentence, before
 * any request reaches the gateway; {@code keys revoke} and the Revoke dialog both revoke and warn.
 * The gateway is a real sandbox behind a proxy that records every request it is sent.
 */
class BothDoorsFollowOneJournalRuleTest {
    private static final String TOKEN_VAR = "KD_TEST_TOKEN";
    private static final ResourceBundle MESSAGES = ResourceBundle.getBundle(AppServices.MESSAGES, Locale.ENGLISH);

    @TempDir
    Path dir;
    private SandboxGateway sandbox;
    private HttpServer proxy;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final BackgroundTasks tasks = BackgroundTasks.pool(2);
    private CliHarness cli;
    private ActionJournal unwritable;

    @BeforeAll
    static void toolkit() throws Exception {
        FxTestSupport.startToolkit();
    }

    @BeforeEach
    void start() throws Exception {
        sandbox = SandboxGateway.start(SandboxOptions.defaults().withPort(0).withTraffic(false));
        proxy = recordingProxy(sandbox.baseUrl());
        cli = new CliHarness(dir);
        cli.env.put(TOKEN_VAR, sandbox.adminToken());
        // the journal's directory is a plain file: nothing can be written there, even as root
        Files.writeString(dir.resolve("data"), "not a directory");
        unwritable = cli.journal();
    }

    @AfterEach
    void stop() {
        tasks.close();
        proxy.stop(0);
        sandbox.close();
    }

    private String proxyUrl() {
        return "http://127.0.0.1:" + proxy.getAddress().getPort();
    }

    private String[] adHoc(String... command) {
        return Stream.concat(Stream.of(command), Stream.of("--driver", "multiroute", "--base-url", proxyUrl(),
                "--token-env", TOKEN_VAR)).toArray(String[]::new);
    }

    private GatewayClient windowClient() throws Exception {
        return GatewayDriver.byId("multiroute").orElseThrow().connect(new GatewayTarget(URI.create(proxyUrl()),
                AdminToken.of(sandbox.adminToken().toCharArray())));
    }

    @Test
    void createIsRefusedByBothDoorsBeforeAnyRequestWithTheSameSentence() throws Exception {
        int keysBefore = sandbox.keyCount();

        CliHarness.Result cliResult = cli.run(adHoc("keys", "create", "--name", "cli-refused", "--scope", "chat:write"));

        WindowJournal window = new WindowJournal(unwritable, tasks, new StatusLine(), MESSAGES, Clock.systemUTC());
        try (GatewayClient client = windowClient()) {
            KeyCreation dialog = new KeyCreation(window.watching(client, "Shared", List.of()), tasks, "Cancelled.");
            onFx(() -> dialog.submit(new NewKeyRequest("window-refused", List.of("chat:write"), KeyEnvironment.LIVE,
                    null), "form"));
            waitUntil(10, () -> !dialog.errorTextProperty().get().isEmpty());
            String windowError = onFx(() -> dialog.errorTextProperty().get());

            assertThat(cliResult.exit()).as(cliResult.err()).isEqualTo(ExitCode.LOCAL);
            assertThat(cliResult.out()).isEmpty();
            assertThat(cliResult.err()).startsWith("keydeck keys create: KeyDeck could not write");
            String sentence = cliResult.err().strip().substring("keydeck keys create: ".length());
            assertThat(sentence).contains("could not write its action journal", "Nothing was changed on the gateway.");
            assertThat(windowError).startsWith(sentence);
            assertThat(dialog.createdProperty().get()).isNull();
        }
        assertThat(requests).as("requests that reached the gateway").noneMatch(r -> r.startsWith("POST"));
        assertThat(sandbox.keyCount()).isEqualTo(keysBefore);
    }

    @Test
    void revokeProceedsThroughBothDoorsAndBothWarn() throws Exception {
        IssuedKey forCli = sandbox.issueInferenceKey("cli-revoked");
        IssuedKey forWindow = sandbox.issueInferenceKey("window-revoked");

        CliHarness.Result cliResult = cli.run(adHoc("keys", "revoke", forCli.id(), "--yes"));

        StatusLine status = new StatusLine();
        WindowJournal window = new WindowJournal(unwritable, tasks, status, MESSAGES, Clock.systemUTC());
        try (GatewayClient client = windowClient()) {
            ApiKey key = client.listAllKeys(false, n -> { }).stream().filter(k -> k.id().equals(forWindow.id()))
                    .findFirst().orElseThrow();
            RevokeKeysViewModel dialog = new RevokeKeysViewModel(List.of(key),
                    window.watching(client, "Shared", List.of(key)), tasks, MESSAGES, Clock.systemUTC(), k -> { });
            onFx(() -> {
                dialog.typedProperty().set(dialog.confirmationPhrase());
                dialog.revoke();
            });
            waitUntil(10, () -> dialog.doneProperty().get());
            waitUntil(10, () -> status.textProperty().get() != null && status.textProperty().get().contains("NOT recorded"));
            RevokeKeysViewModel.Outcome outcome = dialog.outcomes().get(0);

            assertThat(cliResult.exit()).as(cliResult.err()).isZero();
            assertThat(cliResult.err()).contains("this action was NOT recorded in the journal",
                    "could not write its action journal", "Revoked key \"cli-revoked\"");
            assertThat(outcome.revoked()).isTrue();
            assertThat(outcome.message()).contains("req_");
            assertThat(onFx(() -> status.textProperty().get())).contains("revoke", "window-revoked",
                    "could not write its action journal");
        }
        assertThat(requests).contains("DELETE /v1/api-keys/" + forCli.id(), "DELETE /v1/api-keys/" + forWindow.id());
        try (GatewayClient client = windowClient()) {
            assertThat(client.listAllKeys(true, n -> { })).filteredOn(k -> k.id().equals(forCli.id())
                    || k.id().equals(forWindow.id())).hasSize(2).allMatch(ApiKey::revoked);
        }
    }

    /** Passes every request on to {@code target} and records "METHOD /path" first. */
    private HttpServer recordingProxy(URI target) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        HttpClient http = HttpClient.newHttpClient();
        server.createContext("/", exchange -> {
            requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath());
            try (InputStream body = exchange.getRequestBody()) {
                HttpRequest.Builder forward = HttpRequest.newBuilder(target.resolve(exchange.getRequestURI().toString()))
                        .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body.readAllBytes()));
                exchange.getRequestHeaders().forEach((name, values) -> {
                    if (Stream.of("authorization", "content-type", "idempotency-key", "accept")
                            .anyMatch(name::equalsIgnoreCase)) {
                        values.forEach(v -> forward.header(name, v));
                    }
                });
                HttpResponse<byte[]> answer = http.send(forward.build(), HttpResponse.BodyHandlers.ofByteArray());
                answer.headers().map().forEach((name, values) -> {
                    if (!name.equalsIgnoreCase("content-length") && !name.equalsIgnoreCase("transfer-encoding")
                            && !name.startsWith(":")) {
                        exchange.getResponseHeaders().put(name, values);
                    }
                });
                exchange.sendResponseHeaders(answer.statusCode(), answer.body().length == 0 ? -1 : answer.body().length);
                exchange.getResponseBody().write(answer.body());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                exchange.sendResponseHeaders(502, -1);
            } finally {
                exchange.close();
            }
        });
        server.start();
        return server;
    }
}
