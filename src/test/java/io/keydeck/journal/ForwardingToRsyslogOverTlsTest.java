package io.keydeck.journal;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.Key;
import java.security.KeyStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Syslog over TLS to a real rsyslog (imtcp with the GnuTLS stream driver, Debian's rsyslog-gnutls) holding a
 * server certificate from a throwaway certificate authority the test makes with the JDK's keytool. KeyDeck
 * trusts that authority only through its trust file. A certificate for another host name, or from an
 * authority not in the trust file, is refused with a message naming which, and the entries stay queued.
 */
class ForwardingToRsyslogOverTlsTest {
    private static final String STORE_PASS = "test-only-store";

    @TempDir
    static Path certs;
    @TempDir
    Path dir;
    private RsyslogDaemons daemons;
    private final List<LogForwarder> forwarders = new ArrayList<>();
    private Path received;
    private int port;

    @BeforeAll
    static void aThrowawayCertificateAuthorityAndServerCertificate() throws Exception {
        RsyslogDaemons.rsyslogd();
        RsyslogDaemons.requireGnutlsDriver();
        certificateAuthority(certs, "ca", "CN=KeyDeck test CA");
        certificateAuthority(certs, "other-ca", "CN=Some other CA");
        // the server's certificate names localhost only, not 127.0.0.1
        keytool("-genkeypair", "-alias", "server", "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=localhost",
                "-validity", "2", "-keystore", certs.resolve("server.p12").toString(), "-storetype", "PKCS12",
                "-storepass", STORE_PASS);
        keytool("-certreq", "-alias", "server", "-keystore", certs.resolve("server.p12").toString(),
                "-storepass", STORE_PASS, "-file", certs.resolve("server.csr").toString());
        keytool("-gencert", "-alias", "ca", "-keystore", certs.resolve("ca.p12").toString(), "-storepass", STORE_PASS,
                "-infile", certs.resolve("server.csr").toString(), "-outfile", certs.resolve("server.pem").toString(),
                "-rfc", "-validity", "2", "-ext", "san=dns:localhost", "-ext", "eku=serverAuth");
        writePrivateKeyPem(certs.resolve("server.p12"), certs.resolve("server.key"));
    }

    @BeforeEach
    void rsyslogWithATlsListener() throws Exception {
        Path rsyslogd = RsyslogDaemons.rsyslogd();
        daemons = new RsyslogDaemons(dir);

        port = RsyslogDaemons.freePort();
        received = dir.resolve("received.log");
        Path work = Files.createDirectories(dir.resolve("rsyslog-work"));
        Path conf = dir.resolve("rsyslog.conf");
        Files.writeString(conf, """
                global(workDirectory="%s"
                       DefaultNetstreamDriver="gtls"
                       DefaultNetstreamDriverCAFile="%s"
                       DefaultNetstreamDriverCertFile="%s"
                       DefaultNetstreamDriverKeyFile="%s")
                module(load="imtcp" StreamDriver.Name="gtls" StreamDriver.Mode="1" StreamDriver.AuthMode="anon")
                input(type="imtcp" port="%d" address="127.0.0.1")
                template(name="bare" type="string" string="%%msg%%\\n")
                action(type="omfile" file="%s" template="bare")
                """.formatted(work, certs.resolve("ca.pem"), certs.resolve("server.pem"), certs.resolve("server.key"),
                port, received));
        daemons.start(rsyslogd, conf, port, "tls");
    }

    @AfterEach
    void stopEverything() throws Exception {
        forwarders.forEach(LogForwarder::close);
        if (daemons != null) {
            daemons.close();
        }
    }

    private ActionJournal journal(String name, ForwardingTarget target) {
        Path dataDir = dir.resolve(name);
        LogForwarder forwarder = LogForwarder.start(target, dataDir, Duration.ofMillis(100), Duration.ofMillis(400));
        forwarders.add(forwarder);
        return ActionJournal.open(dataDir.resolve("journal.jsonl"), JournalKeyring.inMemory(true, "test keychain"))
                .forwardingTo(forwarder);
    }

    private static JournalEntry entry(int i) {
        return new JournalEntry(Instant.now(), "alice", "Prod", JournalAction.REVOKE, "key_" + i,
                "key → " + i, "mrk_live_…000" + i, JournalEntry.OK, "req_" + i);
    }

    @Test
    void entriesArriveByteForByteOverTlsTrustingOnlyTheTrustFile() throws Exception {
        ActionJournal journal = journal("trusted", ForwardingTarget.syslog("localhost", port, true)
                .trusting(certs.resolve("ca.pem")));
        for (int i = 1; i <= 3; i++) {
            journal.append(entry(i));
        }

        RsyslogDaemons.waitFor(Duration.ofSeconds(30), () -> RsyslogDaemons.lines(received).size() >= 3,
                "3 entries to arrive over TLS");
        assertThat(journal.awaitForwarded(Duration.ofSeconds(10))).isTrue();
        assertThat(RsyslogDaemons.lines(received)).as("what rsyslog stored, byte for byte")
                .containsExactlyElementsOf(Files.readAllLines(journal.file(), StandardCharsets.UTF_8));
        assertThat(journal.forwardingStatus().sent()).isEqualTo(3);
        assertThat(journal.forwardingStatus().lastProblem()).isEmpty();
    }

    @Test
    void aCertificateForAnotherHostNameIsRefusedAndTheEntriesStayQueued() throws Exception {
        // same trusted authority, but the address used is not a name the certificate carries
        ActionJournal journal = journal("wrong-host", ForwardingTarget.syslog("127.0.0.1", port, true)
                .trusting(certs.resolve("ca.pem")));
        journal.append(entry(1));
        journal.append(entry(2));

        String problem = refusal(journal);
        assertThat(problem).contains("refused the TLS connection: the server's certificate is not issued for 127.0.0.1")
                .contains("entries stay queued");
        assertQueuedNotDelivered(journal, 2);
    }

    @Test
    void aCertificateFromAnAuthorityOutsideTheTrustFileIsRefusedAndTheEntriesStayQueued() throws Exception {
        ActionJournal journal = journal("untrusted", ForwardingTarget.syslog("localhost", port, true)
                .trusting(certs.resolve("other-ca.pem")));
        journal.append(entry(1));

        String problem = refusal(journal);
        assertThat(problem).contains("not signed by a certificate authority in " + certs.resolve("other-ca.pem"));
        assertQueuedNotDelivered(journal, 1);

        ActionJournal jdkTrust = journal("jdk-trust", ForwardingTarget.syslog("localhost", port, true));
        jdkTrust.append(entry(1));
        assertThat(refusal(jdkTrust)).contains("not signed by a certificate authority the JDK trusts (set a trust file)");
        assertQueuedNotDelivered(jdkTrust, 1);
    }

    private static String refusal(ActionJournal journal) throws InterruptedException {
        RsyslogDaemons.waitFor(Duration.ofSeconds(30), () -> !journal.forwardingStatus().lastProblem().isEmpty(),
                "a refused attempt");
        return journal.forwardingStatus().lastProblem();
    }

    private void assertQueuedNotDelivered(ActionJournal journal, int count) throws Exception {
        // the refusal may have come before the last entry reached the spool
        RsyslogDaemons.waitFor(Duration.ofSeconds(10), () -> journal.forwardingStatus().queued() == count,
                count + " entries in the spool");
        assertThat(journal.forwardingStatus().sent()).isZero();
        assertThat(RsyslogDaemons.lines(received)).isEmpty();
        Path spool = journal.file().resolveSibling("journal-forward.spool");
        assertThat(Files.readAllLines(spool, StandardCharsets.UTF_8)).hasSize(count);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(spool))).isEqualTo("rw-------");
    }

    private static void certificateAuthority(Path certs, String name, String dname) throws Exception {
        keytool("-genkeypair", "-alias", "ca", "-keyalg", "RSA", "-keysize", "2048", "-dname", dname, "-validity", "2",
                "-ext", "bc:c", "-ext", "ku:c=keyCertSign,cRLSign", "-keystore", certs.resolve(name + ".p12").toString(),
                "-storetype", "PKCS12", "-storepass", STORE_PASS);
        keytool("-exportcert", "-rfc", "-alias", "ca", "-keystore", certs.resolve(name + ".p12").toString(),
                "-storepass", STORE_PASS, "-file", certs.resolve(name + ".pem").toString());
    }

    /** The JDK's own keytool, so the certificates come from a tool the project did not write. */
    private static void keytool(String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.add("-noprompt");
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output;
        try (InputStream out = process.getInputStream()) {
            output = new String(out.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            fail("keytool " + args[0] + " failed: " + output);
        }
    }

    /** rsyslog reads the server's key as PEM; keytool cannot write that, the KeyStore API can. */
    private static void writePrivateKeyPem(Path p12, Path pem) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(p12)) {
            store.load(in, STORE_PASS.toCharArray());
        }
        Key key = store.getKey("server", STORE_PASS.toCharArray());
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(key.getEncoded());
        Files.writeString(pem, "-----BEGIN PRIVATE KEY-----\n" + body + "\n-----END PRIVATE KEY-----\n");
        Files.setPosixFilePermissions(pem, PosixFilePermissions.fromString("rw-------"));
    }
}
