package io.keydeck.gateway.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The one Jackson configuration every driver shares, so a gateway that adds fields to its answers
 * never breaks KeyDeck and every driver writes times the same (ISO-8601) way. One JSON string
 * (a name, a message) is at most {@value #MAX_STRING_CHARS} characters and nesting at most
 * {@value #MAX_DEPTH} deep, so an endless string or bracket cannot exhaust memory or the stack.
 */
public final class GatewayJson {
    static final int MAX_STRING_CHARS = 1_000_000;
    static final int MAX_DEPTH = 200;
    private static final JsonFactory FACTORY = bounded();

    private GatewayJson() {
    }

    /**
     * The bounded factory alone, for reading token by token: a listing that never needs a tree or a
     * bound object does not pay for the mapper's set-up (~0.1-0.2 s of a command's start).
     */
    public static JsonFactory factory() {
        return FACTORY;
    }

    private static JsonFactory bounded() {
        return JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxStringLength(MAX_STRING_CHARS).maxNestingDepth(MAX_DEPTH).build())
                .build();
    }

    /** Made when first asked for (see {@link #factory()}). */
    private static final class Mapper {
        static final ObjectMapper INSTANCE = new ObjectMapper(bounded())
                .registerModule(new JavaTimeModule())
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
                .configure(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS, false);
    }

    /** Thread-safe once configured; do not reconfigure it. */
    public static ObjectMapper mapper() {
        return Mapper.INSTANCE;
    }
}
