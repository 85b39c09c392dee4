package io.keydeck.cli;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * For every driver that can create keys: a create answer carrying the new secret but one field
 * KeyDeck cannot read still yields the secret on stdout with a warning, exit 0; it is never wiped unseen.
 * The answers follow each provider's documented create shape with one date replaced by prose.
 */
class CreatedSecretSurvivesAnUnreadableFieldTest {
    private static final String SECRET = "sk-or-v1-Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4Zq9X";

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "multiroute|/v1/api-keys|{\"id\":\"key_odd_1\",\"name\":\"ci-bot\",\"environment\":\"live\",\"scopes\":[],"
                    + "\"created_at\":\"sometime last week\",\"secret\":\"" + SECRET + "\"}|created_at",
            "openai|/v1/organization/admin_api_keys|{\"object\":\"organization.admin_api_key\",\"id\":\"key_odd_1\","
                    + "\"name\":\"ci-bot\",\"redacted_value\":\"sk-admin...9X\",\"created_at\":\"sometime last week\","
                    + "\"value\":\"" + SECRET + "\"}|created_at",
            "openrouter|/api/v1/keys|{\"data\":{\"hash\":\"key_odd_1\",\"name\":\"ci-bot\",\"label\":\"sk-or-v1-Ab3...Zq9X\","
                    + "\"disabled\":false,\"limit\":null,\"created_at\":\"2025-01-01T00:00:00Z\","
                    + "\"expires_at\":\"when the moon is full\"},\"key\":\"" + SECRET + "\"}|expires_at",
            "litellm|/key/generate|{\"token\":\"key_odd_1\",\"key_alias\":\"ci-bot\",\"key_name\":\"sk-...Zq9X\","
                    + "\"expires\":\"next tuesday\",\"key\":\"" + SECRET + "\"}|expires",
    })
    void theSecretIsPrintedWithAWarning(String driver, String createPath, String answer, String badField)
            throws Exception {
        List<String> asked = new CopyOnWriteArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            asked.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath());
            boolean create = exchange.getRequestMethod().equals("POST")
                    && exchange.getRequestURI().getPath().equals(createPath);
            byte[] body = (create ? answer : "{\"data\":[]}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(create ? 201 : 200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            CliHarness cli = new CliHarness(dir);
            cli.env.put("KD_TOKEN", "admin-token-for-test");
            CliHarness.Result result = cli.run("keys", "create", "--name", "ci-bot", "--driver", driver,
                    "--base-url", "http://127.0.0.1:" + server.getAddress().getPort(), "--token-env", "KD_TOKEN");
            assertThat(result.exit()).as(result.err()).isZero();
            assertThat(result.out().strip()).isEqualTo(SECRET);
            assertThat(result.err()).contains("warning").contains("the new secret").contains(badField);
            assertThat(asked).filteredOn(r -> r.startsWith("POST")).hasSize(1);
        } finally {
            server.stop(0);
        }
    }
}
