package io.keydeck.model;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * The one rule for where admin tokens may be sent: {@code https://} anywhere, plain {@code http://}
 * only to a loopback host. Shared by the connection form and the HTTP layer so they cannot disagree.
 */
public final class BaseUrlPolicy {
    private BaseUrlPolicy() {
    }

    /** Null when {@code text} is an acceptable base URL, else a sentence saying what is wrong. */
    public static Optional<String> problem(String text) {
        if (text == null || text.isBlank()) {
            return Optional.of("Enter the gateway's base URL, e.g. https://api.example.com.");
        }
        URI uri;
        try {
            uri = new URI(text.trim());
        } catch (URISyntaxException e) {
            return Optional.of("\"" + text.trim() + "\" is not a valid URL: " + e.getReason() + ".");
        }
        return problem(uri);
    }

    public static Optional<String> problem(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            return Optional.of("The URL needs a host name, e.g. https://api.example.com.");
        }
        if (uri.getUserInfo() != null) {
            return Optional.of("Put the token in the token field, not in the URL.");
        }
        if (uri.getQuery() != null || uri.getFragment() != null) {
            return Optional.of("A base URL cannot have a query or fragment.");
        }
        switch (scheme) {
            case "https":
                return Optional.empty();
            case "http":
                return isLoopback(uri.getHost()) ? Optional.empty()
                        : Optional.of("Plain http:// is only allowed to this computer (127.0.0.1, ::1 or localhost); use https:// for "
                        + uri.getHost() + ".");
            default:
                return Optional.of("The URL must start with https:// (or http:// for this computer).");
        }
    }

    /**
     * True for {@code localhost}, 127.0.0.0/8 and ::1. Only literal addresses and the name
     * {@code localhost} count — no DNS lookup, so a remote name cannot pose as loopback.
     */
    public static boolean isLoopback(String host) {
        if (host == null) {
            return false;
        }
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        if (h.equals("localhost")) {
            return true;
        }
        if (!h.matches("[0-9.]+") && !h.matches("[0-9a-f:.]+")) {
            return false;
        }
        if (h.matches("[0-9.]+") && !h.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
            return false;
        }
        try {
            return InetAddress.getByName(h).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
