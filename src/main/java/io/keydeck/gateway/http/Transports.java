package io.keydeck.gateway.http;

import java.net.URI;
import java.net.http.HttpClient;
import java.security.Provider;
import java.time.Duration;
import java.util.Locale;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLContextSpi;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSocketFactory;

/**
 * The JDK HTTP clients one gateway connection sends through, each made when first needed: one for
 * {@code https://} with the JDK's default TLS (trust store and all), and one for {@code http://} to this
 * computer that never sets TLS up. A JDK {@link HttpClient} reads the default {@link SSLContext} when it is
 * built, which loads the trust store and some 300 TLS classes (about 0.1 s of a command's start) even when
 * every request is plain http to a local gateway; the plain client gets a context that refuses any use
 * instead, so a TLS handshake can never happen on it, let alone an unverified one.
 */
final class Transports {
    private final Duration connectTimeout;
    private HttpClient tls;
    private HttpClient plain;

    Transports(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    /** The client for {@code uri}'s scheme (the caller has checked the transport policy). */
    synchronized HttpClient forUri(URI uri) {
        boolean http = "http".equals(uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT));
        if (http) {
            if (plain == null) {
                plain = builder().sslContext(new NoTls()).sslParameters(new SSLParameters()).build();
            }
            return plain;
        }
        if (tls == null) {
            tls = builder().build();
        }
        return tls;
    }

    private HttpClient.Builder builder() {
        return HttpClient.newBuilder().connectTimeout(connectTimeout).followRedirects(HttpClient.Redirect.NEVER);
    }

    /** Ends the clients' selector threads now (see {@link SelectorThreads}); sends nothing more. */
    synchronized void close() {
        for (HttpClient client : new HttpClient[] {plain, tls}) {
            if (client != null) {
                SelectorThreads.stop(client);
            }
        }
        plain = null;
        tls = null;
    }

    /** A TLS context for a client that only ever speaks plain http: any use is an error. */
    private static final class NoTls extends SSLContext {
        NoTls() {
            super(new Refusing(), new Provider("KeyDeckNoTls", "1", "no TLS on plain http") {
            }, "TLS");
        }
    }

    private static final class Refusing extends SSLContextSpi {
        private static IllegalStateException refused() {
            return new IllegalStateException("TLS on a client made for plain http:// to this computer");
        }

        @Override
        protected void engineInit(javax.net.ssl.KeyManager[] km, javax.net.ssl.TrustManager[] tm,
                                  java.security.SecureRandom random) {
            throw refused();
        }

        @Override
        protected SSLSocketFactory engineGetSocketFactory() {
            throw refused();
        }

        @Override
        protected SSLServerSocketFactory engineGetServerSocketFactory() {
            throw refused();
        }

        @Override
        protected SSLEngine engineCreateSSLEngine() {
            throw refused();
        }

        @Override
        protected SSLEngine engineCreateSSLEngine(String host, int port) {
            throw refused();
        }

        @Override
        protected javax.net.ssl.SSLSessionContext engineGetServerSessionContext() {
            throw refused();
        }

        @Override
        protected javax.net.ssl.SSLSessionContext engineGetClientSessionContext() {
            throw refused();
        }
    }
}
