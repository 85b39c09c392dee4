package io.keydeck.journal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Sends each journal line, byte for byte as signed, to the team's log system: off the caller's thread,
 * through a bounded queue on disk ({@link ForwardingSpool}), retried with back-off while the log system
 * is down, never blocking or failing the action that made the entry. Delivery is at least once: after a
 * failure mid-batch the whole batch is sent again, and receivers can tell repeats by {@code seq}/{@code hash}.
 *
 * <p>Syslog: RFC 5424 messages (facility log audit, severity notice; MSG is the line) over TCP with
 * RFC 6587 octet-counting framing. A batch counts as delivered once the server has read up to our end of
 * stream (a FIN, or over TLS a close_notify) and closed its side, so a server that died with the data unread
 * leaves it queued.
 * TLS trusts the JDK's certificate authorities, or only those in the target's PEM trust file, and checks
 * the server's host name; never trust-all. A collector's access token is read from the keyring (the OS
 * keychain) for each batch and its characters wiped after the request is built.
 */
public final class LogForwarder implements JournalSink, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LogForwarder.class);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(10);

    private final ForwardingTarget target;
    private final JournalKeyring tokens;
    private final SSLContext tlsContext;
    private final ForwardingSpool spool;
    private final Clock clock;
    private final Duration firstRetry;
    private final Duration maxRetry;
    private final ScheduledExecutorService worker;
    private final Object drained = new Object();
    private Duration nextRetry;
    private boolean retryScheduled;
    private volatile String lastProblem = "";
    private final AtomicLong sent = new AtomicLong();
    /** Offered but not yet in the spool: a caller waiting for "sent" must not see an empty spool too early. */
    private final java.util.concurrent.atomic.AtomicInteger offered = new java.util.concurrent.atomic.AtomicInteger();
    private volatile Instant lastSent;

    private LogForwarder(ForwardingTarget target, JournalKeyring tokens, Path spoolFile, Clock clock,
                         Duration firstRetry, Duration maxRetry) {
        this.target = Objects.requireNonNull(target, "target");
        target.problem().ifPresent(p -> {
            throw new IllegalArgumentException(p);
        });
        this.tokens = tokens;
        this.tlsContext = target.trustFile() == null ? null : trusting(target.trustFile());
        this.spool = new ForwardingSpool(spoolFile);
        this.clock = clock;
        this.firstRetry = firstRetry;
        this.maxRetry = maxRetry;
        this.nextRetry = firstRetry;
        java.util.concurrent.ScheduledThreadPoolExecutor pool = new java.util.concurrent.ScheduledThreadPoolExecutor(1,
                r -> {
                    Thread t = new Thread(r, "journal-forwarder");
                    t.setDaemon(true);
                    return t;
                });
        pool.setExecuteExistingDelayedTasksAfterShutdownPolicy(false); // a pending retry is dropped on close
        this.worker = pool;
        worker.execute(this::drain);
    }

    /**
     * Forwards to {@code target}, queueing in {@code dataDir}'s spool; retries after 1 s, doubling up to 5 min.
     *
     * @throws IllegalArgumentException with a sentence for the user when the target cannot be used
     */
    public static LogForwarder start(ForwardingTarget target, Path dataDir) {
        return start(target, dataDir, Duration.ofSeconds(1), Duration.ofMinutes(5));
    }

    /** As {@link #start(ForwardingTarget, Path)} with the back-off bounds given (tests use short ones). */
    public static LogForwarder start(ForwardingTarget target, Path dataDir, Duration firstRetry, Duration maxRetry) {
        return start(target, null, dataDir, firstRetry, maxRetry);
    }

    /**
     * As {@link #start(ForwardingTarget, Path, Duration, Duration)}, an HTTPS collector's token read from
     * {@code tokens} (account {@link ForwardingTarget#TOKEN_ACCOUNT}) for each batch; none sent when absent.
     */
    public static LogForwarder start(ForwardingTarget target, JournalKeyring tokens, Path dataDir, Duration firstRetry,
                                     Duration maxRetry) {
        return new LogForwarder(target, tokens, dataDir.resolve(ForwardingSpool.FILE_NAME), Clock.systemUTC(),
                firstRetry, maxRetry);
    }

    /** Where this sends, how much went out, what waits and the last failure, for the window. */
    @Override
    public Optional<ForwardingStatus> status() {
        return Optional.of(new ForwardingStatus(target.describe(), sent.get(), queued(), lastProblem,
                Optional.ofNullable(lastSent)));
    }

    public Path spoolFile() {
        return spool.file();
    }

    /** Why the last attempt failed, or empty after a success. */
    public String lastProblem() {
        return lastProblem;
    }

    @Override
    public void offer(byte[] line) {
        byte[] copy = line.clone();
        Instant queuedAt = clock.instant();
        offered.incrementAndGet();
        try {
            worker.execute(() -> {
                try {
                    if (!spool.add(queuedAt, copy)) {
                        LOG.warn("The journal's forwarding queue {} holds {} entries already; this entry is kept in"
                                + " the journal but will not be forwarded", spool.file(), ForwardingSpool.MAX_LINES);
                    }
                } catch (IOException e) {
                    LOG.warn("A journal entry could not be queued for {} ({}); it is kept in the journal",
                            target.describe(), e.getMessage());
                } finally {
                    offered.decrementAndGet();
                }
                drain();
            });
        } catch (java.util.concurrent.RejectedExecutionException closed) {
            offered.decrementAndGet();
            LOG.warn("A journal entry came after forwarding stopped; it is kept in the journal only");
        }
    }

    @Override
    public boolean awaitSent(Duration timeout) throws InterruptedException {
        return awaitDrained(timeout);
    }

    /** Waits (at most {@code timeout}) until nothing is queued; true when the queue is empty. */
    public boolean awaitDrained(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (drained) {
            while (true) {
                if (offered.get() == 0 && queued() == 0) {
                    return true;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                drained.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(Math.min(left, TimeUnit.MILLISECONDS.toNanos(200)))));
            }
        }
    }

    /** How many entries wait to be sent. */
    public int queued() {
        try {
            return spool.size();
        } catch (IOException e) {
            return -1;
        }
    }

    /** Sends what the spool holds now, off the caller's thread (another writer of the spool has added to it). */
    void drainSoon() {
        try {
            worker.execute(this::drain);
        } catch (java.util.concurrent.RejectedExecutionException closed) {
            LOG.debug("Forwarding to {} has stopped; the spool is drained at the next start", target.describe());
        }
    }

    /** Stops sending; what is still queued stays in the spool for the next start. */
    @Override
    public void close() {
        worker.shutdownNow();
    }

    /**
     * Stops after the entries already offered are in the spool (and the attempt under way, bounded by the
     * connect and read timeouts, has ended), so a change of destination loses none; waits at most {@code timeout}.
     */
    public void closeAfterQueueing(Duration timeout) throws InterruptedException {
        worker.shutdown();
        if (!worker.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            worker.shutdownNow();
        }
    }

    private void drain() {
        try {
            int count = spool.drain(this::send);
            if (count > 0) {
                LOG.debug("Forwarded {} journal entries to {}", count, target.describe());
            }
            lastProblem = "";
            nextRetry = firstRetry;
        } catch (IOException | RuntimeException e) {
            lastProblem = explain(e);
            LOG.warn("Journal entries could not be forwarded to {} ({}); retrying in {} s", target.describe(),
                    lastProblem, nextRetry.toSeconds());
            scheduleRetry();
        } finally {
            synchronized (drained) {
                drained.notifyAll();
            }
        }
    }

    private void scheduleRetry() {
        if (retryScheduled || worker.isShutdown()) {
            return;
        }
        retryScheduled = true;
        Duration wait = nextRetry;
        nextRetry = nextRetry.multipliedBy(2).compareTo(maxRetry) > 0 ? maxRetry : nextRetry.multipliedBy(2);
        worker.schedule(() -> {
            retryScheduled = false;
            drain();
        }, wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Counted here, inside the spool's lock, so no one sees the spool empty before the count has moved. */
    private void send(List<ForwardingSpool.Queued> batch) throws IOException {
        if (target.kind() == ForwardingTarget.Kind.SYSLOG) {
            sendSyslog(batch);
        } else {
            sendHttpsBatch(batch);
        }
        sent.addAndGet(batch.size());
        lastSent = clock.instant();
    }

    private void sendHttpsBatch(List<ForwardingSpool.Queued> batch) throws IOException {
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER);
        if (tlsContext != null) {
            builder.sslContext(tlsContext);
        }
        HttpClient client = builder.build();
        char[] token = tokens == null ? null : tokens.read(ForwardingTarget.TOKEN_ACCOUNT).orElse(null);
        try {
            for (ForwardingSpool.Queued queued : batch) {
                sendHttps(client, queued, token);
            }
        } finally {
            if (token != null) {
                Arrays.fill(token, '\0');
            }
        }
    }

    /** The failure as a sentence for the user: TLS refusals say which check failed; never a token. */
    private String explain(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = t.getMessage() == null ? "" : t.getMessage();
            if (m.startsWith("No name matching") || m.startsWith("No subject alternative")) {
                return "refused the TLS connection: the server's certificate is not issued for "
                        + (target.kind() == ForwardingTarget.Kind.SYSLOG ? target.host() : target.url().getHost())
                        + " (" + m + "); entries stay queued";
            }
            if (m.contains("PKIX path") || m.contains("unable to find valid certification path")) {
                return "refused the TLS connection: the server's certificate is not signed by a certificate authority "
                        + (target.trustFile() == null ? "the JDK trusts (set a trust file)" : "in " + target.trustFile())
                        + "; entries stay queued";
            }
        }
        if (e instanceof SSLHandshakeException) {
            return "the TLS handshake failed (" + e.getMessage() + "); entries stay queued";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** Trusts exactly the certificate authorities in {@code pem}; the host name is still checked. */
    private static SSLContext trusting(Path pem) {
        try (InputStream in = java.nio.file.Files.newInputStream(pem)) {
            Collection<? extends Certificate> authorities = CertificateFactory.getInstance("X.509")
                    .generateCertificates(in);
            if (authorities.isEmpty()) {
                throw new IllegalArgumentException("The trust file " + pem + " holds no certificate.");
            }
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int i = 0;
            for (Certificate authority : authorities) {
                store.setCertificateEntry("ca-" + i++, authority);
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("The trust file " + pem + " is not a PEM file of certificates ("
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + ").", e);
        }
    }

    private void sendSyslog(List<ForwardingSpool.Queued> batch) throws IOException {
        String host = hostName();
        try (Socket socket = connect()) {
            OutputStream out = socket.getOutputStream();
            for (ForwardingSpool.Queued queued : batch) {
                out.write(SyslogFrame.frame(queued.time(), host, queued.line()));
            }
            out.flush();
            // TLS: shutdownOutput sends close_notify (a TLS 1.3 half-close); plain TCP: a FIN
            socket.shutdownOutput();
            // the server closes its side once it has read everything up to our end of stream
            InputStream in = socket.getInputStream();
            byte[] ignored = new byte[256];
            while (in.read(ignored) >= 0) {
                // syslog servers send nothing back; wait for their end of stream
            }
        }
    }

    private Socket connect() throws IOException {
        Socket socket;
        if (target.tls()) {
            SSLSocketFactory factory = tlsContext == null ? (SSLSocketFactory) SSLSocketFactory.getDefault()
                    : tlsContext.getSocketFactory();
            SSLSocket tls = (SSLSocket) factory.createSocket();
            tls.connect(new InetSocketAddress(target.host(), target.port()), (int) CONNECT_TIMEOUT.toMillis());
            SSLParameters parameters = tls.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            tls.setSSLParameters(parameters);
            tls.setSoTimeout((int) READ_TIMEOUT.toMillis());
            tls.startHandshake();
            socket = tls;
        } else {
            socket = new Socket();
            socket.connect(new InetSocketAddress(target.host(), target.port()), (int) CONNECT_TIMEOUT.toMillis());
            socket.setSoTimeout((int) READ_TIMEOUT.toMillis());
        }
        return socket;
    }

    private void sendHttps(HttpClient client, ForwardingSpool.Queued queued, char[] token) throws IOException {
        String line = new String(queued.line(), StandardCharsets.UTF_8);
        String body = target.format() == ForwardingTarget.Format.SPLUNK_HEC
                ? "{\"time\":" + queued.time().getEpochSecond() + ",\"source\":\"keydeck\",\"sourcetype\":\"keydeck:journal\","
                + "\"event\":" + JsonText.quote(line) + "}"
                : "{\"resourceLogs\":[{\"resource\":{\"attributes\":[{\"key\":\"service.name\",\"value\":{\"stringValue\":"
                + "\"keydeck\"}}]},\"scopeLogs\":[{\"scope\":{\"name\":\"io.keydeck.journal\"},\"logRecords\":[{"
                + "\"timeUnixNano\":\"" + ChronoUnit.NANOS.between(Instant.EPOCH, queued.time()) + "\","
                + "\"severityNumber\":10,\"severityText\":\"NOTICE\",\"body\":{\"stringValue\":" + JsonText.quote(line)
                + "}}]}]}]}";
        HttpRequest.Builder request = HttpRequest.newBuilder(target.url()).timeout(READ_TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (token != null && token.length > 0) {
            // HttpClient takes header values as Strings only: this copy lives until garbage collection
            String[] header = target.tokenHeaderAndPrefix();
            request.header(header[0], header[1] + new String(token));
        }
        try {
            HttpResponse<Void> response = client.send(request.build(), HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() == 401 || response.statusCode() == 403) {
                throw new IOException("the collector refused KeyDeck's token (HTTP " + response.statusCode() + ")"
                        + (token == null ? "; none is set: keydeck journal token --token-env VAR" : ""));
            }
            if (response.statusCode() / 100 != 2) {
                throw new IOException("the collector answered HTTP " + response.statusCode());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static String hostName() {
        try {
            String name = InetAddress.getLocalHost().getHostName();
            return name.matches("[\\x21-\\x7e]{1,255}") ? name : "-";
        } catch (IOException e) {
            return "-";
        }
    }
}
