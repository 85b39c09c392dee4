package io.keydeck.journal;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Real rsyslog daemons for the forwarding tests: each started with its own configuration on a free loopback
 * port, its output in the test's directory, stopped after the test. A missing rsyslogd (or TLS driver) skips
 * the test with a message, unless {@code -Dkeydeck.requireRsyslog=true} (CI) makes that a failure.
 */
final class RsyslogDaemons implements AutoCloseable {
    private final Path dir;
    private final List<Process> started = new ArrayList<>();

    RsyslogDaemons(Path dir) {
        this.dir = dir;
    }

    static Path rsyslogd() {
        for (String candidate : List.of("/usr/sbin/rsyslogd", "/sbin/rsyslogd", "/usr/local/sbin/rsyslogd")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return Path.of(candidate);
            }
        }
        return missing("rsyslogd is not installed (apt-get install rsyslog); the forwarding test against a real"
                + " syslog daemon did not run");
    }

    /** rsyslog's GnuTLS network stream driver (Debian's rsyslog-gnutls), needed for an imtcp TLS listener. */
    static void requireGnutlsDriver() {
        for (String dir : List.of("/usr/lib/x86_64-linux-gnu/rsyslog", "/usr/lib/aarch64-linux-gnu/rsyslog",
                "/usr/lib/rsyslog", "/usr/lib64/rsyslog")) {
            if (Files.exists(Path.of(dir, "lmnsd_gtls.so"))) {
                return;
            }
        }
        missing("rsyslog's TLS driver lmnsd_gtls.so is not installed (apt-get install rsyslog-gnutls); the syslog"
                + " over TLS test did not run");
    }

    private static <T> T missing(String message) {
        if (Boolean.getBoolean("keydeck.requireRsyslog")) {
            fail(message + ", but -Dkeydeck.requireRsyslog=true requires it");
        }
        Assumptions.abort(message);
        return null;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** Starts rsyslogd in the foreground with {@code conf} and waits until it listens on {@code port}. */
    Process start(Path rsyslogd, Path conf, int port, String run) throws Exception {
        Path log = dir.resolve("rsyslogd-" + run + ".log");
        Process daemon = new ProcessBuilder(rsyslogd.toString(), "-n", "-f", conf.toString(), "-i",
                dir.resolve("rsyslogd.pid").toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        started.add(daemon);
        waitFor(Duration.ofSeconds(30), () -> !daemon.isAlive() || accepts(port), "rsyslogd to listen on " + port);
        if (!daemon.isAlive()) {
            fail("rsyslogd exited (" + daemon.exitValue() + "): " + Files.readString(log));
        }
        return daemon;
    }

    static void stop(Process daemon) throws InterruptedException {
        if (daemon.isAlive()) {
            daemon.destroy();
            if (!daemon.waitFor(20, TimeUnit.SECONDS)) {
                daemon.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        for (Process daemon : started) {
            stop(daemon);
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

    static void waitFor(Duration timeout, BooleanSupplier condition, String what) throws InterruptedException {
        try {
            org.testfx.util.WaitForAsyncUtils.waitFor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS,
                    condition::getAsBoolean);
        } catch (java.util.concurrent.TimeoutException e) {
            fail("timed out after " + timeout.toSeconds() + " s waiting for " + what);
        }
    }

    static List<String> lines(Path file) {
        try {
            return Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
        } catch (IOException e) {
            return List.of();
        }
    }
}
