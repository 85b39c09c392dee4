package io.keydeck.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.keydeck.journal.JournalAction;
import io.keydeck.journal.JournalEntry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code keydeck keys …} against a real sandbox over HTTP: streams, exit codes, journal. */
class KeysCommandsAgainstSandboxTest {
    private static final String TOKEN_VAR = SandboxForCli.TOKEN_VAR;
    private static final ObjectMapper JSON = new ObjectMapper();
    @RegisterExtension
    static final SandboxForCli sandbox = SandboxForCli.withoutTraffic();

    @TempDir
    Path dir;
    private CliHarness cli;

    @BeforeEach
    void harness() {
        cli = sandbox.harness(dir);
    }

    private static String[] adHoc(String... command) {
        return sandbox.adHoc(command);
    }

    private static int chat(String secret) throws Exception {
        return sandbox.chat(secret);
    }

    private String createKey(String name) {
        CliHarness.Result created = cli.run(adHoc("keys", "create", "--name", name, "--scope", "chat:write"));
        assertThat(created.exit()).as(created.err()).isZero();
        return created.out().strip();
    }

    private JsonNode listedKey(String name, boolean all) throws Exception {
        CliHarness.Result list = all ? cli.run(adHoc("keys", "list", "--json", "--all")) : cli.run(adHoc("keys", "list", "--json"));
        assertThat(list.exit()).as(list.err()).isZero();
        for (JsonNode key : JSON.readTree(list.out())) {
            if (key.get("name").asText().equals(name)) {
                return key;
            }
        }
        return null;
    }

    @Test
    void createPrintsOnlyTheSecretOnStdoutAndTheSecretWorks() throws Exception {
        String name = "ci-" + UUID.randomUUID();

        CliHarness.Result created = cli.run(adHoc("keys", "create", "--name", name, "--scope", "chat:write"));

        assertThat(created.exit()).as(created.err()).isZero();
        assertThat(created.outLines()).hasSize(1);
        String secret = created.outLines().get(0);
        assertThat(secret).matches("mrk_live_[A-Za-z0-9]{32}");
        assertThat(created.err()).contains(name).contains("shown only this once").doesNotContain(secret);
        assertThat(chat(secret)).isEqualTo(200);
        JsonNode listed = listedKey(name, false);
        assertThat(listed).isNotNull();
        assertThat(listed.get("hint").asText()).isEqualTo("mrk_live_…" + secret.substring(secret.length() - 4));
    }

    @Test
    void createAndRevokeAreJournalledWithoutTheSecret() throws Exception {
        String name = "journal-" + UUID.randomUUID();
        String secret = createKey(name);
        String id = listedKey(name, false).get("id").asText();

        CliHarness.Result revoked = cli.run(adHoc("keys", "revoke", id, "--yes"));

        assertThat(revoked.exit()).as(revoked.err()).isZero();
        assertThat(revoked.out()).isEmpty();
        assertThat(revoked.err()).contains("Revoked key \"" + name + "\"");
        List<JournalEntry> entries = cli.journal().read();
        assertThat(entries).extracting(JournalEntry::action).containsExactly(JournalAction.CREATE, JournalAction.REVOKE);
        assertThat(entries).allSatisfy(e -> {
            assertThat(e.keyId()).isEqualTo(id);
            assertThat(e.keyName()).isEqualTo(name);
            assertThat(e.keyHint()).isEqualTo("mrk_live_…" + secret.substring(secret.length() - 4));
            assertThat(e.result()).isEqualTo("ok");
            assertThat(e.connection()).isEqualTo(sandbox.baseUrl().toString());
            assertThat(e.user()).isEqualTo(System.getProperty("user.name"));
        });
        assertThat(entries.get(0).requestId()).as("the create's X-Request-ID").startsWith("req_");
        assertThat(entries.get(1).requestId()).startsWith("req_").isNotEqualTo(entries.get(0).requestId());
        assertThat(cli.run("journal", "verify").exit()).isZero();
        String journalText = Files.readString(cli.journal().file());
        assertThat(journalText).doesNotContain(secret).doesNotContain(secret.substring(9))
                .doesNotContain(sandbox.adminToken());
        assertThat(cli.journal().verify().isIntact()).isTrue();
        assertThat(chat(secret)).isEqualTo(401);
    }

    @Test
    void listPrintsATableOnStdoutWithoutRevokedKeysUnlessAskedFor() throws Exception {
        String name = "listed-" + UUID.randomUUID();
        createKey(name);
        String id = listedKey(name, false).get("id").asText();
        cli.run(adHoc("keys", "revoke", id, "--yes"));

        CliHarness.Result table = cli.run(adHoc("keys", "list"));
        CliHarness.Result all = cli.run(adHoc("keys", "list", "--all"));

        assertThat(table.exit()).isZero();
        assertThat(table.outLines().get(0)).startsWith("ID").contains("NAME", "KEY", "STATUS", "LAST USED", "EXPIRES");
        assertThat(table.out()).doesNotContain(name);
        assertThat(all.out()).containsPattern(id + "\\s+" + name + "\\s+mrk_live_…\\w{4}\\s+live\\s+revoked");
        assertThat(all.outLines()).hasSize(sandbox.keyCount() + 1);
        assertThat(table.err()).matches("\\d+ keys.\\R");
    }

    @Test
    void revokeWithoutYesAndWithoutATerminalIsRefused() throws Exception {
        String name = "norevoke-" + UUID.randomUUID();
        String secret = createKey(name);

        CliHarness.Result result = cli.run(adHoc("keys", "revoke", listedKey(name, false).get("id").asText()));

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).contains("--yes");
        assertThat(chat(secret)).isEqualTo(200);
    }

    @Test
    void revokeAsksAtTheTerminalNamingTheKeyAndOnlyYesRevokes() throws Exception {
        String name = "confirm-" + UUID.randomUUID();
        String secret = createKey(name);
        String hint = "mrk_live_…" + secret.substring(secret.length() - 4);
        cli.interactive = true;

        cli.answers.add("no");
        CliHarness.Result declined = cli.run(adHoc("keys", "revoke", name));
        assertThat(declined.exit()).isZero();
        assertThat(declined.err()).contains("Not revoked");
        assertThat(chat(secret)).isEqualTo(200);

        cli.answers.add("yes");
        CliHarness.Result confirmed = cli.run(adHoc("keys", "revoke", name));
        assertThat(confirmed.exit()).as(confirmed.err()).isZero();
        assertThat(chat(secret)).isEqualTo(401);
        assertThat(cli.prompts).hasSize(2).allSatisfy(p -> assertThat(p).contains("\"" + name + "\"").contains(hint));
        assertThat(cli.journal().read()).extracting(JournalEntry::action)
                .containsExactly(JournalAction.CREATE, JournalAction.REVOKE);
    }

    @Test
    void aWrongTokenExitsWithThreeAndTheGatewaysReason() {
        cli.env.put(TOKEN_VAR, "mrk_admin_" + "x".repeat(32));

        CliHarness.Result result = cli.run(adHoc("keys", "list"));

        assertThat(result.exit()).isEqualTo(3);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).contains("invalid_api_key").contains("request id req_").doesNotContain("Exception")
                .doesNotContain("\tat ").doesNotContain("x".repeat(32));
    }

    @Test
    void aFailedCreateIsJournalledAsFailed() throws Exception {
        cli.env.put(TOKEN_VAR, sandbox.mintAdminJwt("reader", List.of("keys:read"), java.time.Duration.ofHours(1)));

        CliHarness.Result result = cli.run(adHoc("keys", "create", "--name", "not-allowed"));

        assertThat(result.exit()).isEqualTo(3);
        assertThat(result.out()).isEmpty();
        JournalEntry entry = cli.journal().read().get(0);
        assertThat(entry.action()).isEqualTo(JournalAction.CREATE);
        assertThat(entry.keyName()).isEqualTo("not-allowed");
        assertThat(entry.result()).isEqualTo("failed: insufficient_permissions");
        assertThat(entry.requestId()).startsWith("req_");
    }

    @Test
    void anUnreachableGatewayExitsWithFour() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }

        CliHarness.Result result = cli.run("keys", "list", "--driver", "multiroute", "--base-url",
                "http://127.0.0.1:" + port, "--token-env", TOKEN_VAR);

        assertThat(result.exit()).isEqualTo(4);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).doesNotContain("\tat ");
        List<String> lines = result.err().lines().toList();
        assertThat(lines.get(lines.size() - 1)).startsWith("keydeck keys list: ");
        assertThat(lines.subList(0, lines.size() - 1)).as("one line per wait before a retry")
                .isNotEmpty().allMatch(l -> l.startsWith("keydeck: waiting "));
    }

    @Test
    void aTokenOnTheCommandLineIsRefusedWithoutRepeatingIt() {
        String token = sandbox.adminToken();

        for (String[] args : List.of(adHoc("keys", "list", "--token", token), adHoc("keys", "list", "--token=" + token),
                new String[]{"connections", "add", "--name", "x", "--token", token})) {
            CliHarness.Result result = cli.run(args);
            assertThat(result.exit()).isEqualTo(2);
            assertThat(result.out()).isEmpty();
            assertThat(result.err()).contains("--token is not accepted").contains("--token-env").doesNotContain(token);
        }
    }

    @Test
    void badArgumentsExitWithTwoAndSayWhatIsWrong() {
        assertUsage(cli.run(adHoc("keys", "create")), "--name is required");
        assertUsage(cli.run(adHoc("keys", "create", "--name", "x", "--env", "prod")), "--env must be live or test");
        assertUsage(cli.run(adHoc("keys", "create", "--name", "x", "--expires-in", "0s")),
                "--expires-in must be a number of days from 1 to 36500, or a count with s, m, h or d");
        assertUsage(cli.run(adHoc("keys", "list", "--colour")), "unknown option --colour");
        assertUsage(cli.run("keys", "list"), "--connection NAME");
        assertUsage(cli.run("keys", "list", "--driver", "multiroute", "--base-url", sandbox.baseUrl().toString()),
                "needs --token-env");
        assertUsage(cli.run("keys", "list", "--driver", "nosuch", "--base-url", "https://example.com", "--token-env", TOKEN_VAR),
                "no gateway driver called \"nosuch\"");
        assertUsage(cli.run("keys", "list", "--driver", "multiroute", "--base-url", "http://example.com", "--token-env",
                TOKEN_VAR), "Plain http:// is only allowed");
        assertUsage(cli.run(adHoc("keys", "list", "--token-env", "KD_UNSET")), "was given more than once");
        assertUsage(cli.run("keys", "list", "--driver", "multiroute", "--base-url", sandbox.baseUrl().toString(),
                "--token-env", "KD_UNSET"), "KD_UNSET (named by --token-env) is not set");
        assertUsage(cli.run("keys", "frobnicate"), "unknown subcommand \"frobnicate\"");
        assertUsage(cli.run("keys", "revoke"), "needs KEY");
    }

    private static void assertUsage(CliHarness.Result result, String message) {
        assertThat(result.exit()).as(result.err()).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).contains(message);
    }

    @Test
    void aSecretThatCannotReachStdoutIsReportedNotSilentlyLost() throws Exception {
        String name = "lost-" + UUID.randomUUID();
        cli.stdoutBroken = true;

        CliHarness.Result result = cli.run(adHoc("keys", "create", "--name", name));

        assertThat(result.exit()).isEqualTo(5);
        assertThat(result.err()).contains("could not be written to stdout").contains("Revoke that key");
        assertThat(cli.journal().read()).singleElement()
                .satisfies(e -> assertThat(e.keyName()).isEqualTo(name))
                .satisfies(e -> assertThat(e.result()).isEqualTo("ok"));
    }

    @Test
    void expiresInTakesHoursAndTheKeyExpiresThen() throws Exception {
        String name = "hours-" + UUID.randomUUID();

        CliHarness.Result created = cli.run(adHoc("keys", "create", "--name", name, "--expires-in", "12h"));

        assertThat(created.exit()).as(created.err()).isZero();
        CliHarness.Result listed = cli.run(adHoc("keys", "list", "--json"));
        var keys = new com.fasterxml.jackson.databind.ObjectMapper().readTree(listed.out());
        var key = java.util.stream.StreamSupport.stream(keys.spliterator(), false)
                .filter(k -> k.path("name").asText().equals(name)).findFirst().orElseThrow();
        java.time.Instant expiry = java.time.Instant.parse(key.path("expires_at").asText());
        assertThat(java.time.Duration.between(java.time.Instant.now(), expiry))
                .isBetween(java.time.Duration.ofHours(11), java.time.Duration.ofHours(12));
    }

    @Test
    void revokingAnUnknownKeyExitsWithFourAndJournalsNothing() throws Exception {
        CliHarness.Result result = cli.run(adHoc("keys", "revoke", "key_doesNotExist", "--yes"));

        assertThat(result.exit()).isEqualTo(4);
        assertThat(result.err()).contains("no key with id or name \"key_doesNotExist\"");
        assertThat(cli.journal().read()).isEmpty();
    }
}
