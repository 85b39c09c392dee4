package io.keydeck.journal;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Journal entries forwarded to a real rsyslog daemon (Debian's {@code rsyslog}), started by the test on a
 * free loopback port with its own configuration: imtcp in, the bare message to a file out. Every entry of
 * the session must arrive byte for byte, including those made while the daemon was down. Skipped when
 * rsyslogd is missing, unless {@code -Dkeydeck.requireRsyslog=true} (CI) makes that a failure.
 */
class ForwardingToRsyslogTest {
    @TempDir
    Path dir;
    private RsyslogDaemons daemons;
    private LogForwarder forwarder;

    @BeforeEach
    void daemons() {
        daemons = new RsyslogDaemons(dir);
    }

    @AfterEach
    void stopEverything() throws Exception {
        if (forwarder != null) {
            forwarder.close();
        }
        daemons.close();
    }

    private static JournalEntry entry(int i) {
        return new JournalEntry(Instant.now(), "alice", "Prod", JournalAction.REVOKE, "key_" + i,
                "key → " + i, "mrk_live_…000" + i, JournalEntry.OK, "req_" + i);
    }

    @Test
    void everyEntryArrivesByteForByteIncludingThoseMadeWhileTheDaemonWasDown() throws Exception {
        Path rsyslogd = RsyslogDaemons.rsyslogd();
        int port = RsyslogDaemons.freePort();
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

        Process daemon = daemons.start(rsyslogd, conf, port, "first");
        for (int i = 1; i <= 3; i++) {
            journal.append(entry(i));
        }
        RsyslogDaemons.waitFor(Duration.ofSeconds(30), () -> RsyslogDaemons.lines(received).size() >= 3, "the first 3 entries to arrive");

        RsyslogDaemons.stop(daemon);
        for (int i = 4; i <= 6; i++) {
            journal.append(entry(i));
        }
        RsyslogDaemons.waitFor(Duration.ofSeconds(30), () -> !forwarder.lastProblem().isEmpty(), "a failed attempt while down");
        assertThat(forwarder.queued()).as("entries queued while rsyslogd is down").isPositive();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(forwarder.spoolFile())))
                .isEqualTo("rw-------");

        daemons.start(rsyslogd, conf, port, "second");
        RsyslogDaemons.waitFor(Duration.ofSeconds(60), () -> RsyslogDaemons.lines(received).size() >= 6, "the 3 entries made while down");
        assertThat(forwarder.awaitDrained(Duration.ofSeconds(10))).isTrue();

        List<String> written = Files.readAllLines(journal.file(), StandardCharsets.UTF_8);
        assertThat(written).hasSize(6);
        assertThat(RsyslogDaemons.lines(received)).as("what rsyslog stored, byte for byte").containsExactlyElementsOf(written);
        assertThat(journal.verify().isIntact()).isTrue();
        try (Stream<Path> files = Files.list(dataDir)) {
            assertThat(files.map(p -> p.getFileName().toString())).contains("journal-forward.spool");
        }
    }
}
