package io.keydeck.journal;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Journal entries forwarded to a real rsyslog daemon (Debian's {@code rsyslog}), started by the test on a
 * free loopback port with its own configuration: imtcp in, the bare message to a file out. Every entry of
 * the session must arrive byte for byte, including those made while the daemon was down. Skipped when
 * rsyslogd is missing, unless {@code -Dkeydeck.requireRsyslog=true} (CI) makes that a failure.
 */
class ForwardingToRsyslogTest {
    @TempDir
    Path dir;
    private final List<Process> daemons = new ArrayList<>();
    private LogForwarder forwarder;

    @AfterEach
    void stopEverything() throws Exception {
        if (forwarder != null) {
            forwarder.close();
        }
        for (Process daemon : daemons) {
            stop(daemon);
        }
    }

    private static Path rsyslogd() {
        for (String candidate : List.of("/usr/sbin/rsyslogd", "/sbin/rsyslogd", "/usr/local/sbin/rsyslogd")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return Path.of(candidate);
            }
        }
        String message = "rsyslogd is not installed (apt-get install rsyslog); the forwarding test against a real"
                + " syslog daemon did not run";
        if (Boolean.getBoolean("keydeck.requireRsyslog")) {
            fail(message + ", but -Dkeydeck.requireRsyslog=true requires it");
        }
        Assumptions.abort(message);
        return null;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private Process startDaemon(Path rsyslogd, Path conf, int port, String run) throws Exception {
        Path log = dir.resolve("rsyslogd-" + run + ".log");
        Process daemon = new ProcessBuilder(rsyslogd.toString(), "-n", "-f", conf.toString(), "-i",
                dir.resolve("rsyslogd.pid").toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        daemons.add(daemon);
        waitFor(Duration.ofSeconds(30), () -> !daemon.isAlive() || accepts(port), "rsyslogd to listen on " + port);
        if (!daemon.isAlive()) {
            fail("rsyslogd exited (" + daemon.exitValue() + "): " + Files.readString(log));
        }
        return daemon;
    }

    private static void stop(Process daemon) throws InterruptedException {
        if (daemon.isAlive()) {
            daemon.destroy();
            if (!daemon.waitFor(20, TimeUnit.SECONDS)) {
                daemon.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void waitFor(Duration timeout, BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("timed out after " + timeout.toSeconds() + " s waiting for " + what);
            }
            Thread.sleep(50); // polling a condition with a deadline, not a fixed wait
        }
    }

    private static List<String> lines(Path file) {
        try {
            return Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static JournalEntry entry(int i) {
        return new JournalEntry(Instant.now(), "alice", "Prod", JournalAction.REVOKE, "key_" + i,
                "key → " + i, "mrk_live_…000" + i, JournalEntry.OK, "req_" + i);
    }

    @Test
    void everyEntryArrivesByteForByteIncludingThoseMadeWhileTheDaemonWasDown() throws Exception {
        Path rsyslogd = rsyslogd();
        int port = freePort();
        Path received = dir.resolve("received.log");
        Path work = Files.createDirectories(dir.resolve("rsyslog-work"));
        Path conf = dir.resolve("rsyslog.conf");
        Files.writeString(conf, """
                global(workDirectory="%s")
                module(load="imtcp")
                input(type="imtcp" port="%d" address="127.0.0.1")
                template(name="bare" type="string" string="%%msg%%\\n")
                action(type="omfile" file="%s" template="bare")
                """.formatted(work, port, received));
        Path dataDir = dir.resolve("data");
        forwarder = LogForwarder.start(ForwardingTarget.syslog("127.0.0.1", port, false), dataDir,
                Duration.ofMillis(100), Duration.ofMillis(400));
        ActionJournal journal = ActionJournal.open(dataDir.resolve("journal.jsonl"),
                JournalKeyring.inMemory(true, "test keychain")).forwardingTo(forwarder);

        Process daemon = startDaemon(rsyslogd, conf, port, "first");
        for (int i = 1; i <= 3; i++) {
            journal.append(entry(i));
        }
        waitFor(Duration.ofSeconds(30), () -> lines(received).size() >= 3, "the first 3 entries to arrive");

        stop(daemon);
        for (int i = 4; i <= 6; i++) {
            journal.append(entry(i));
        }
        waitFor(Duration.ofSeconds(30), () -> !forwarder.lastProblem().isEmpty(), "a failed attempt while down");
        assertThat(forwarder.queued()).as("entries queued while rsyslogd is down").isPositive();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(forwarder.spoolFile())))
                .isEqualTo("rw-------");

        startDaemon(rsyslogd, conf, port, "second");
        waitFor(Duration.ofSeconds(60), () -> lines(received).size() >= 6, "the 3 entries made while down");
        assertThat(forwarder.awaitDrained(Duration.ofSeconds(10))).isTrue();

        List<String> written = Files.readAllLines(journal.file(), StandardCharsets.UTF_8);
        assertThat(written).hasSize(6);
        assertThat(lines(received)).as("what rsyslog stored, byte for byte").containsExactlyElementsOf(written);
        assertThat(journal.verify().isIntact()).isTrue();
        try (Stream<Path> files = Files.list(dataDir)) {
            assertThat(files.map(p -> p.getFileName().toString())).contains("journal-forward.spool");
        }
    }
}
