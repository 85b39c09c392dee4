package io.keydeck.journal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.keydeck.settings.JournalForwarding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** JSON to an HTTPS log collector (here a loopback stand-in): the signed line inside, retried after a 503. */
class ForwardingToACollectorTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static JournalEntry entry(int i) {
        return new JournalEntry(Instant.now(), "alice", "Prod", JournalAction.CREATE, "key_" + i, "name \"" + i + "\"",
                "mrk_live_…000" + i, JournalEntry.OK, "req_" + i);
    }

    @Test
    void eachLineReachesAnOtlpCollectorUnchangedAfterItRefusedOnce() throws Exception {
        List<JsonNode> bodies = new CopyOnWriteArrayList<>();
        AtomicInteger calls = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/logs", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            int status = calls.incrementAndGet() == 1 ? 503 : 200;
            if (status == 200) {
                bodies.add(JSON.readTree(body));
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
        try (LogForwarder forwarder = LogForwarder.start(ForwardingTarget.https(URI.create("http://127.0.0.1:"
                + server.getAddress().getPort() + "/v1/logs"), ForwardingTarget.Format.OTLP), dir,
                Duration.ofMillis(50), Duration.ofMillis(200))) {
            ActionJournal journal = ActionJournal.open(dir.resolve("journal.jsonl"),
                    JournalKeyring.inMemory(true, "test keychain")).forwardingTo(forwarder);
            journal.append(entry(1));
            journal.append(entry(2));

            assertThat(journal.awaitForwarded(Duration.ofSeconds(20))).isTrue();
            List<String> written = Files.readAllLines(journal.file(), StandardCharsets.UTF_8);
            assertThat(bodies).extracting(b -> b.at("/resourceLogs/0/scopeLogs/0/logRecords/0/body/stringValue").asText())
                    .containsExactlyElementsOf(written);
            assertThat(calls.get()).isGreaterThan(2);
        } finally {
            server.stop(0);
        }
    }

    @Test
    void entriesQueuedForADeadServerGoToTheNewDestinationOnceItIsChangedAndBadSettingsChangeNothing()
            throws Exception {
        List<String> lines = new CopyOnWriteArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/logs", exchange -> {
            lines.add(JSON.readTree(exchange.getRequestBody().readAllBytes())
                    .at("/resourceLogs/0/scopeLogs/0/logRecords/0/body/stringValue").asText());
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
        int deadPort;
        try (java.net.ServerSocket closed = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            deadPort = closed.getLocalPort();
        }
        try {
            ActionJournal journal = ActionJournal.open(dir.resolve("journal.jsonl"),
                    JournalKeyring.inMemory(true, "test keychain"))
                    .withChangeableForwarding(new JournalForwarding("syslog", "127.0.0.1", deadPort, false, null, null));
            for (int i = 1; i <= 3; i++) {
                journal.append(entry(i));
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (journal.forwardingStatus().lastProblem().isEmpty() && System.nanoTime() < deadline) {
                assertThat(journal.awaitForwarded(Duration.ofMillis(100))).isFalse();
            }
            assertThat(journal.forwardingStatus().lastProblem()).isNotEmpty();

            assertThatThrownBy(() -> journal.changeForwarding(new JournalForwarding("https", null, 0, false,
                    "http://collector.example/v1/logs", "otlp"))).hasMessageContaining("must start with https://");
            assertThat(journal.forwardingStatus().destination()).isEqualTo("syslog to 127.0.0.1:" + deadPort);

            journal.changeForwarding(new JournalForwarding("https", null, 0, false,
                    "http://127.0.0.1:" + server.getAddress().getPort() + "/v1/logs", "otlp"));
            assertThat(journal.awaitForwarded(Duration.ofSeconds(20))).isTrue();
            assertThat(lines).containsExactlyElementsOf(Files.readAllLines(journal.file(), StandardCharsets.UTF_8));
            assertThat(journal.forwardingStatus().sent()).isEqualTo(3);

            journal.changeForwarding(JournalForwarding.OFF);
            journal.append(entry(4));
            assertThat(journal.forwardingStatus()).isEqualTo(new ForwardingStatus("off", 0, 0, "",
                    java.util.Optional.empty()));
            assertThat(lines).hasSize(3);
        } finally {
            server.stop(0);
        }
    }

    @Test
    void settingsNameWhatIsWrongAndNeverAllowPlainHttpElsewhere() {
        assertThat(ForwardingTarget.from(JournalForwarding.OFF)).isEmpty();
        assertThat(ForwardingTarget.from(new JournalForwarding("syslog", "logs.example", 6514, true, null, null)))
                .hasValueSatisfying(t -> assertThat(t.describe()).isEqualTo("syslog over TLS to logs.example:6514"));
        assertThatThrownBy(() -> ForwardingTarget.from(new JournalForwarding("https", null, 0, false,
                "http://collector.example/v1/logs", "otlp"))).hasMessageContaining("must start with https://");
        assertThatThrownBy(() -> ForwardingTarget.from(new JournalForwarding("syslog", "logs.example", 70000, false,
                null, null))).hasMessageContaining("between 1 and 65535, was 70000");
        assertThatThrownBy(() -> ForwardingTarget.from(new JournalForwarding("https", null, 0, false,
                "https://c.example", "gelf"))).hasMessageContaining("must be \"otlp\" or \"splunk-hec\"");
    }
}
