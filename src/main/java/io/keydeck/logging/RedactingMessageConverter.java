package io.keydeck.logging;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import io.keydeck.model.SecretRedactor;

/**
 * Logback converter for {@code %redactedMsg}: the log message with anything key- or token-shaped
 * masked. A last line of defence; code must still never log a secret on purpose.
 */
public class RedactingMessageConverter extends MessageConverter {
    @Override
    public String convert(ILoggingEvent event) {
        return SecretRedactor.redact(super.convert(event));
    }
}
