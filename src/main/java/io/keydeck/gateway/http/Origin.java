package io.keydeck.gateway.http;

import java.net.URI;
import java.util.Locale;

/** Scheme, host and port: the unit that decides whether a redirect may keep the admin token. */
record Origin(String scheme, String host, int port) {

    static Origin of(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        int port = uri.getPort() != -1 ? uri.getPort() : scheme.equals("https") ? 443 : scheme.equals("http") ? 80 : -1;
        return new Origin(scheme, host, port);
    }

    @Override
    public String toString() {
        return scheme + "://" + host + ":" + port;
    }
}
