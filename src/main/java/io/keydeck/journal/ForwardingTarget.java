package io.keydeck.journal;

import java.net.URI;
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
 * @param tls    syslog over TLS, trusting what the JDK trusts (SYSLOG)
 * @param url    the collector's address (HTTPS); plain http only to this computer
 * @param format OTLP or SPLUNK_HEC (HTTPS)
 */
public record ForwardingTarget(Kind kind, String host, int port, boolean tls, URI url, Format format) {

    /** The kind of log system. */
    public enum Kind { SYSLOG, HTTPS }

    /** The JSON shape an HTTPS collector takes. */
    public enum Format { OTLP, SPLUNK_HEC }

    public ForwardingTarget {
        Objects.requireNonNull(kind, "kind");
        format = format == null ? Format.OTLP : format;
    }

    public static ForwardingTarget syslog(String host, int port, boolean tls) {
        return new ForwardingTarget(Kind.SYSLOG, host, port, tls, null, null);
    }

    public static ForwardingTarget https(URI url, Format format) {
        return new ForwardingTarget(Kind.HTTPS, null, 0, true, url, format);
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
                        + format.replaceAll("[^\\x20-\\x7e]", "?") + "\".");
            }
            target = https(url, format.equals("otlp") ? Format.OTLP : Format.SPLUNK_HEC);
        } else {
            throw new IllegalArgumentException("journalForwarding.kind must be \"syslog\", \"https\" or \"off\".");
        }
        Optional<String> problem = target.problem();
        if (problem.isPresent()) {
            throw new IllegalArgumentException("journalForwarding: " + problem.get());
        }
        return Optional.of(target);
    }

    /** A sentence naming what is wrong with this target, or empty when it can be used. */
    public Optional<String> problem() {
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
        return Optional.empty();
    }

    /** For messages, e.g. "syslog over TLS to logs.example:6514". */
    public String describe() {
        return kind == Kind.SYSLOG ? "syslog" + (tls ? " over TLS" : "") + " to " + host + ":" + port
                : format.name().toLowerCase(Locale.ROOT).replace('_', ' ') + " collector at " + url.getHost();
    }
}
