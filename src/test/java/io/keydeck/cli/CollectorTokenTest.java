package io.keydeck.cli;

import com.sun.net.httpserver.HttpServer;
import io.keydeck.journal.ActionJournal;
import io.keydeck.journal.ForwardingTarget;
import io.keydeck.journal.JournalAction;
import io.keydeck.journal.JournalEntry;
import io.keydeck.settings.JournalForwarding;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The HTTPS log collector's token: kept by {@code keydeck journal token} in the keychain only, sent the way
 * Splunk HEC and OpenTelemetry collectors expect, and found in no file KeyDeck wrote nor in its output.
 */
class CollectorTokenTest {
    private static final String TOKEN = "hec-7f3c2a9e-51d4-4b8e-9a61-0c2d5e8f1b77";

    @TempDir
    Path dir;
    private CliHarness cli;
    private HttpServer collector;
    private final List<Map<String, List<String>>> received = new CopyOnWriteArrayList<>();

    @BeforeEach
    void aCollectorThatWantsTheToken() throws IOException {
        cli = new CliHarness(dir.resolve("install"));
        collector = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        collector.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            received.add(Map.copyOf(exchange.getRequestHeaders()));
            boolean authorized = exchange.getRequestHeaders().values().stream().flatMap(List::stream)
                    .anyMatch(v -> v.contains(TOKEN));
            exchange.sendResponseHeaders(authorized ? 200 : 401, -1);
            exchange.close();
        });
        collector.start();
    }

    @AfterEach
    void stopCollector() {
        collector.stop(0);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + collector.getAddress().getPort() + path;
    }

    private ActionJournal forwarded(JournalForwarding settings) throws Exception {
        cli.settings().save(cli.settings().load().settings().withJournalForwarding(settings));
        return cli.journal().forwardingAsConfigured(cli.settings().load().settings().journalForwarding());
    }

    private static JournalEntry entry() {
        return new JournalEntry(Instant.now(), "alice", "Prod", JournalAction.REVOKE, "key_1", "ci", "mrk_live_…0001",
                JournalEntry.OK, "req_1");
    }

    @Test
    void splunkHecGetsTheKeptTokenAndItIsInNoFileNorOutput() throws Exception {
        cli.env.put("HEC_TOKEN", TOKEN);
        CliHarness.Result stored = cli.run("journal", "token", "--token-env", "HEC_TOKEN");
        assertThat(stored.exit()).as(stored.err()).isZero();
        assertThat(stored.err()).contains("kept in the test keychain");
        assertThat(new String(cli.keychain.tokens.get(ForwardingTarget.TOKEN_ACCOUNT))).isEqualTo(TOKEN);

        ActionJournal journal = forwarded(new JournalForwarding("https", null, 0, false, url("/services/collector/event"),
                "splunk-hec"));
        journal.append(entry());

        assertThat(journal.awaitForwarded(Duration.ofSeconds(20))).as(journal.forwardingStatus().lastProblem()).isTrue();
        assertThat(received).singleElement().satisfies(h -> assertThat(h.get("Authorization"))
                .containsExactly("Splunk " + TOKEN));
        assertThat(journal.forwardingStatus().sent()).isEqualTo(1);
        assertThat(stored.out() + stored.err()).doesNotContain(TOKEN);
        assertNoFileHolds(dir, TOKEN);
    }

    @Test
    void anOtlpCollectorGetsItAsBearerOrInTheHeaderTheSettingsName() throws Exception {
        cli.env.put("OTLP_TOKEN", TOKEN);
        assertThat(cli.run("journal", "token", "--token-env", "OTLP_TOKEN").exit()).isZero();

        ActionJournal bearer = forwarded(new JournalForwarding("https", null, 0, false, url("/v1/logs"), "otlp"));
        bearer.append(entry());
        assertThat(bearer.awaitForwarded(Duration.ofSeconds(20))).isTrue();
        ActionJournal header = forwarded(new JournalForwarding("https", null, 0, false, url("/v1/logs"), "otlp",
                null, "X-Api-Key"));
        header.append(entry());
        assertThat(header.awaitForwarded(Duration.ofSeconds(20))).isTrue();

        assertThat(received).hasSize(2);
        assertThat(received.get(0).get("Authorization")).containsExactly("Bearer " + TOKEN);
        assertThat(received.get(1).get("X-api-key")).containsExactly(TOKEN);
        assertThat(received.get(1)).doesNotContainKey("Authorization");
        assertNoFileHolds(dir, TOKEN);
    }

    @Test
    void afterClearNoTokenIsSentAndTheRefusalSaysHowToSetOne() throws Exception {
        cli.env.put("HEC_TOKEN", TOKEN);
        assertThat(cli.run("journal", "token", "--token-env", "HEC_TOKEN").exit()).isZero();
        CliHarness.Result cleared = cli.run("journal", "token", "--clear");
        assertThat(cleared.exit()).isZero();
        assertThat(cli.keychain.tokens).doesNotContainKey(ForwardingTarget.TOKEN_ACCOUNT);

        ActionJournal journal = forwarded(new JournalForwarding("https", null, 0, false, url("/services/collector/event"),
                "splunk-hec"));
        journal.append(entry());

        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (journal.forwardingStatus().lastProblem().isEmpty() && System.nanoTime() < deadline) {
            assertThat(journal.awaitForwarded(Duration.ofMillis(100))).as("sent without a token").isFalse();
        }
        assertThat(received).isNotEmpty().allSatisfy(h -> assertThat(h).doesNotContainKey("Authorization"));
        assertThat(journal.forwardingStatus().lastProblem()).contains("refused KeyDeck's token (HTTP 401)")
                .contains("keydeck journal token");
        assertThat(journal.forwardingStatus().queued()).isEqualTo(1);
    }

    @Test
    void aTokenOnTheCommandLineOrWithALineBreakIsRefusedUnrepeated() {
        CliHarness.Result onLine = cli.run("journal", "token", "--token", TOKEN);
        assertThat(onLine.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(onLine.out() + onLine.err()).doesNotContain(TOKEN);

        cli.env.put("BAD", "abc\r\nX-Injected: 1");
        CliHarness.Result injected = cli.run("journal", "token", "--token-env", "BAD");
        assertThat(injected.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(injected.err()).contains("character 4 is a space, line break").doesNotContain("Injected");
        assertThat(cli.keychain.tokens).doesNotContainKey(ForwardingTarget.TOKEN_ACCOUNT);
    }

    @Test
    void withoutAKeychainTheTokenIsNotKept() {
        cli.vault = new io.keydeck.vault.SessionVault();
        cli.vaultUnavailable = java.util.Optional.of("there is no D-Bus session bus");
        cli.env.put("HEC_TOKEN", TOKEN);

        CliHarness.Result result = cli.run("journal", "token", "--token-env", "HEC_TOKEN");

        assertThat(result.exit()).isEqualTo(ExitCode.LOCAL);
        assertThat(result.err()).contains("the collector token cannot be kept: no OS keychain answered (there is no D-Bus session bus)")
                .contains("Start or unlock a keyring").contains("nothing was saved").doesNotContain(TOKEN);
    }

    /** The token as it is, and base64 of it, in no file under {@code root} (settings, journal, spool, logs). */
    static void assertNoFileHolds(Path root, String token) throws IOException {
        byte[] plain = token.getBytes(StandardCharsets.UTF_8);
        byte[] base64 = Base64.getEncoder().encode(plain);
        try (Stream<Path> files = Files.walk(root)) {
            List<Path> all = files.filter(Files::isRegularFile).toList();
            assertThat(all).as("files KeyDeck wrote").isNotEmpty();
            for (Path file : all) {
                String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                assertThat(text).as(file.toString()).doesNotContain(new String(plain, StandardCharsets.ISO_8859_1))
                        .doesNotContain(new String(base64, StandardCharsets.ISO_8859_1));
            }
        }
    }
}
