package io.keydeck.journal;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Where journal entries are forwarded, as configured per install: a syslog server (RFC 5424 over TCP,
 * octet-counted framing per RFC 6587, with TLS when {@code tls}) or an HTTPS collector taking JSON
 * (OpenTelemetry logs, OTLP/HTTP JSON, or Splunk HEC's event form).
 *
 * @param kind   SYSLOG or HTTPS
 * @param host   syslog server (SYSLOG)
 * @param port   syslog port (SYSLOG)
 * @param tls    syslog over TLS (SYSLOG)
 * @param url    the collector's address (HTTPS); plain http only to this computer
 * @param format OTLP or SPLUNK_HEC (HTTPS)
 * @param trustFile   PEM certificate authorities to trust for TLS instead of the JDK's, or null
 * @param tokenHeader OTLP: the header carrying the collector token as it is, or null for
 *                    {@code Authorization: Bearer}; Splunk HEC always takes {@code Authorization: Splunk}
 */
public record ForwardingTarget(Kind kind, String host, int port, boolean tls, URI url, Format format,
                               Path trustFile, String tokenHeader) {

    /** The keychain account holding the HTTPS collector's access token (never the settings file). */
    public static final String TOKEN_ACCOUNT = "journal-collector-token";

    /** The kind of log system. */
    public enum Kind { SYSLOG, HTTPS }

    /** The JSON shape an HTTPS collector takes. */
    public enum Format { OTLP, SPLUNK_HEC }

    public ForwardingTarget {
        Objects.requireNonNull(kind, "kind");
        format = format == null ? Format.OTLP : format;
        tokenHeader = tokenHeader == null || tokenHeader.isBlank() ? null : tokenHeader.strip();
    }

    public static ForwardingTarget syslog(String host, int port, boolean tls) {
        return new ForwardingTarget(Kind.SYSLOG, host, port, tls, null, null, null, null);
    }

    public static ForwardingTarget https(URI url, Format format) {
        return new ForwardingTarget(Kind.HTTPS, null, 0, true, url, format, null, null);
    }

    /**
     * Why {@code token} cannot be sent in an HTTP header (never quoting it), or null when it can: visible
     * ASCII only, so a pasted line break cannot smuggle in another header.
     */
    public static String tokenProblem(char[] token) {
        if (token == null || token.length == 0) {
            return "The collector token is empty.";
        }
        if (token.length > 4096) {
            return "The collector token is longer than 4096 characters.";
        }
        for (int i = 0; i < token.length; i++) {
            if (token[i] < 0x21 || token[i] > 0x7e) {
                return "The collector token may hold only visible ASCII characters; character " + (i + 1)
                        + " is a space, line break or other character a header cannot carry.";
            }
        }
        return null;
    }

    /** This target trusting the certificate authorities in the PEM file {@code pem} instead of the JDK's. */
    public ForwardingTarget trusting(Path pem) {
        return new ForwardingTarget(kind, host, port, tls, url, format, pem, tokenHeader);
    }

    /** This target sending the collector token in header {@code name} as it is (OTLP), instead of as a bearer. */
    public ForwardingTarget withTokenHeader(String name) {
        return new ForwardingTarget(kind, host, port, tls, url, format, trustFile, name);
    }

    /** The header that carries the collector token: name and the value's prefix before the token. */
    String[] tokenHeaderAndPrefix() {
        if (format == Format.SPLUNK_HEC) {
            return new String[]{"Authorization", "Splunk "};
        }
        return tokenHeader == null ? new String[]{"Authorization", "Bearer "} : new String[]{tokenHeader, ""};
    }

    /**
     * The target the settings file names, empty when forwarding is off.
     *
     * @throws IllegalArgumentException with a sentence naming what is wrong in the settings
     */
    public static Optional<ForwardingTarget> from(io.keydeck.settings.JournalForwarding settings) {
        if (settings == null || !settings.enabled()) {
            return Optional.empty();
        }
        String kind = settings.kind().strip().toLowerCase(Locale.ROOT);
        ForwardingTarget target;
        if (kind.equals("syslog")) {
            target = syslog(settings.host(), settings.port(), settings.tls());
        } else if (kind.equals("https")) {
            URI url;
            try {
                url = settings.url() == null ? null : URI.create(settings.url().strip());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("journalForwarding.url is not a valid address.");
            }
            String format = settings.format() == null ? "otlp" : settings.format().strip().toLowerCase(Locale.ROOT);
            if (!format.equals("otlp") && !format.equals("splunk-hec")) {
                throw new IllegalArgumentException("journalForwarding.format must be \"otlp\" or \"splunk-hec\", was \""
                        + printable(format) + "\".");
            }
            target = https(url, format.equals("otlp") ? Format.OTLP : Format.SPLUNK_HEC)
                    .withTokenHeader(settings.tokenHeader());
        } else {
            throw new IllegalArgumentException("journalForwarding.kind must be \"syslog\", \"https\" or \"off\".");
        }
        if (settings.trustFile() != null && !settings.trustFile().isBlank()) {
            try {
                target = target.trusting(Path.of(settings.trustFile().strip()));
            } catch (InvalidPathException e) {
                throw new IllegalArgumentException("journalForwarding.trustFile is not a valid file name.");
            }
        }
        Optional<String> problem = target.problem();
        if (problem.isPresent()) {
            throw new IllegalArgumentException("journalForwarding: " + problem.get());
        }
        return Optional.of(target);
    }

    /** A sentence naming what is wrong with this target, or empty when it can be used. */
    public Optional<String> problem() {
        if (trustFile != null && (!trustFile.isAbsolute() || !Files.isRegularFile(trustFile)
                || !Files.isReadable(trustFile))) {
            return Optional.of("The trust file must be the full path of a readable PEM file of certificate"
                    + " authorities; " + printable(trustFile.toString()) + (trustFile.isAbsolute()
                    ? " cannot be read." : " is not a full path."));
        }
        if (kind == Kind.SYSLOG) {
            if (host == null || host.isBlank() || !host.matches("[A-Za-z0-9.:\\[\\]-]+")) {
                return Optional.of("The syslog server needs a host name or address.");
            }
            if (port < 1 || port > 65535) {
                return Optional.of("The syslog port must be between 1 and 65535, was " + port + ".");
            }
            return Optional.empty();
        }
        if (url == null || url.getHost() == null) {
            return Optional.of("The log collector needs an https:// address.");
        }
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        boolean loopback = "localhost".equalsIgnoreCase(url.getHost()) || url.getHost().startsWith("127.")
                || "[::1]".equals(url.getHost());
        if (!scheme.equals("https") && !(scheme.equals("http") && loopback)) {
            return Optional.of("The log collector's address must start with https:// (plain http only to this"
                    + " computer), was " + scheme + "://.");
        }
        if (tokenHeader != null && (!tokenHeader.matches("[!#$%&'*+.^_`|~0-9A-Za-z-]{1,64}")
                || RESTRICTED_HEADERS.contains(tokenHeader.toLowerCase(Locale.ROOT)))) {
            return Optional.of("The token header must be a plain HTTP header name such as X-Api-Key (not "
                    + String.join(", ", RESTRICTED_HEADERS) + "), was \"" + printable(tokenHeader) + "\".");
        }
        return Optional.empty();
    }

    private static final java.util.List<String> RESTRICTED_HEADERS = java.util.List.of("host", "content-length",
            "content-type", "connection", "expect", "upgrade");

    private static String printable(String text) {
        return text.replaceAll("[^\\x20-\\x7e]", "?");
    }

    /** For messages, e.g. "syslog over TLS to logs.example:6514". */
    public String describe() {
        return kind == Kind.SYSLOG ? "syslog" + (tls ? " over TLS" : "") + " to " + host + ":" + port
                : format.name().toLowerCase(Locale.ROOT).replace('_', ' ') + " collector at " + url.getHost();
    }
}
