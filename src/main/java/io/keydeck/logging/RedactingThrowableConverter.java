package io.keydeck.logging;

import ch.qos.logback.classic.pattern.ExtendedThrowableProxyConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import io.keydeck.model.SecretShapes;

/** Logback converter for {@code %redactedEx}: stack traces with key- and token-shaped text masked. */
public class RedactingThrowableConverter extends ExtendedThrowableProxyConverter {
    @Override
    public String convert(ILoggingEvent event) {
        return SecretShapes.redact(super.convert(event));
    }
}
