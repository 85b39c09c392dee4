package io.keydeck.gateway.http;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The one Jackson configuration every driver shares, so a gateway that adds fields to its answers
 * never breaks KeyDeck and every driver writes times the same (ISO-8601) way.
 */
public final class GatewayJson {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .configure(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS, false);

    private GatewayJson() {
    }

    /** Thread-safe once configured; do not reconfigure it. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }
}
