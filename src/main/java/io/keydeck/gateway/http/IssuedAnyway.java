package io.keydeck.gateway.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.keydeck.gateway.GatewayException;
import io.keydeck.model.ApiKey;
import io.keydeck.model.IssuedSecret;

import java.util.List;

/**
 * A create answer that carried the new secret is a key the gateway has issued: a field KeyDeck
 * cannot read (a date in an odd form, a wrong type) must not cost the user that secret. Every driver
 * hands its answer here; the secret comes back with the key as far as it could be read and a warning.
 */
public final class IssuedAnyway {
    /** Reads a key from (a part of) the create answer. */
    @FunctionalInterface
    public interface KeyMapping {
        ApiKey map(ObjectNode answer) throws GatewayException;
    }

    private IssuedAnyway() {
    }

    /**
     * The secret with the key {@code mapping} reads from {@code answer}; when that fails, the secret
     * still, with the key read from the {@code identity} fields alone (or, failing that, an unknown
     * key) and a warning naming what could not be read. Takes ownership of {@code secret}.
     */
    public static IssuedSecret issue(JsonNode answer, char[] secret, KeyMapping mapping, List<String> identity) {
        ObjectNode whole = answer instanceof ObjectNode object ? object : JsonNodeFactory.instance.objectNode();
        try {
            return new IssuedSecret(mapping.map(whole), secret);
        } catch (GatewayException | RuntimeException e) {
            ApiKey key;
            try {
                key = mapping.map(whole.deepCopy().retain(identity));
            } catch (GatewayException | RuntimeException again) {
                key = new ApiKey("", null, null, null, null, null, null, null, null, null, false, null, false, null);
            }
            return new IssuedSecret(key, secret, warning(e));
        }
    }

    /** The warning shown beside a secret whose answer was partly unreadable. */
    public static String warning(Exception problem) {
        String what = problem instanceof GatewayException ? problem.getMessage()
                : "an unexpected " + problem.getClass().getSimpleName();
        return "The gateway's answer had the new secret, but part of it could not be read (" + what
                + "); the key's other details are shown as unknown.";
    }
}
