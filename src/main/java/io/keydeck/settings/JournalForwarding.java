package io.keydeck.settings;

/**
 * Where this install forwards its action journal, if anywhere: a syslog server or an HTTPS log
 * collector. Kept in the settings file ({@code "journalForwarding"}); holds no secret. Off when
 * {@code kind} is null or "off".
 *
 * @param kind   "syslog", "https" or "off"
 * @param host   syslog server host
 * @param port   syslog server port (6514 is usual with TLS, 514 or 601 without)
 * @param tls    syslog over TLS (trusting the JDK's default certificate authorities)
 * @param url    HTTPS collector address
 * @param format "otlp" (OpenTelemetry logs, OTLP/HTTP JSON) or "splunk-hec"
 */
public record JournalForwarding(String kind, String host, int port, boolean tls, String url, String format) {
    public static final JournalForwarding OFF = new JournalForwarding("off", null, 0, false, null, null);

    public boolean enabled() {
        return kind != null && !kind.isBlank() && !"off".equalsIgnoreCase(kind.strip());
    }
}
