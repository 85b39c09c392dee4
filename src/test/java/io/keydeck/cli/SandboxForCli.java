package io.keydeck.cli;

import io.keydeck.sandbox.SandboxGateway;
import io.keydeck.sandbox.SandboxOptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

/**
 * One embedded sandbox gateway per command-line test class ({@code @RegisterExtension static}), a harness
 * whose environment holds its admin token, and the arguments that point a command at it.
 */
final class SandboxForCli implements BeforeAllCallback, AfterAllCallback {
    static final String TOKEN_VAR = "KD_TEST_TOKEN";

    private final SandboxOptions options;
    private SandboxGateway gateway;

    SandboxForCli(SandboxOptions options) {
        this.options = options;
    }

    /** The default demo data without the traffic simulator, so nothing moves under the test. */
    static SandboxForCli withoutTraffic() {
        return new SandboxForCli(SandboxOptions.defaults().withTraffic(false));
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        gateway = SandboxGateway.start(options);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        gateway.close();
    }

    URI baseUrl() {
        return gateway.baseUrl();
    }

    String adminToken() {
        return gateway.adminToken();
    }

    int keyCount() {
        return gateway.keyCount();
    }

    String mintAdminJwt(String subject, List<String> scopes, Duration ttl) {
        return gateway.mintAdminJwt(subject, scopes, ttl);
    }

    /** A fresh harness in {@code dir} with the admin token in {@link #TOKEN_VAR}. */
    CliHarness harness(Path dir) {
        CliHarness cli = new CliHarness(dir);
        cli.env.put(TOKEN_VAR, gateway.adminToken());
        return cli;
    }

    /** The command followed by an ad-hoc multiroute connection to this sandbox. */
    String[] adHoc(String... command) {
        return Stream.concat(Stream.of(command), Stream.of("--driver", "multiroute", "--base-url",
                gateway.baseUrl().toString(), "--token-env", TOKEN_VAR)).toArray(String[]::new);
    }

    /** The HTTP status a chat completion with this key gets. */
    int chat(String secret) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(gateway.baseUrl() + "/v1/chat/completions"))
                .header("Authorization", "Bearer " + secret).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"))
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
    }
}
