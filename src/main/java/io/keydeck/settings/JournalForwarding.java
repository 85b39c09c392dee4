package io.keydeck.settings;

/**
 * Where this install forwards its action journal, if anywhere: a syslog server or an HTTPS log
 * collector. Kept in the settings file ({@code "journalForwarding"}); holds no secret: a collector's
 * access token lives in the OS keychain ({@code keydeck journal token}, or the window's forwarding
 * form). Off when {@code kind} is null or "off".
 *
 * @param kind        "syslog", "https" or "off"
 * @param host        syslog server host
 * @param port        syslog server port (6514 is usual with TLS, 514 or 601 without)
 * @param tls         syslog over TLS
 * @param url         HTTPS collector address
 * @param format      "otlp" (OpenTelemetry logs, OTLP/HTTP JSON) or "splunk-hec"
 * @param trustFile   PEM file of the certificate authorities trusted for TLS (syslog or collector), instead
 *                    of the JDK's defaults; null or blank for the defaults
 * @param tokenHeader OTLP only: the header that carries the collector's token, e.g. "X-Api-Key" (the token
 *                    as it is); null or blank for {@code Authorization: Bearer <token>}. Splunk HEC always
 *                    takes {@code Authorization: Splunk <token>}.
 */
public record JournalForwarding(String kind, String host, int port, boolean tls, String url, String format,
                                String trustFile, String tokenHeader) {
    public static final JournalForwarding OFF = new JournalForwarding("off", null, 0, false, null, null);

    /** Without a trust file or token header (JDK trust, {@code Authorization: Bearer}). */
    public JournalForwarding(String kind, String host, int port, boolean tls, String url, String format) {
        this(kind, host, port, tls, url, format, null, null);
    }

    public boolean enabled() {
        return kind != null && !kind.isBlank() && !"off".equalsIgnoreCase(kind.strip());
    }
}
