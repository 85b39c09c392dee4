package io.keydeck.gateway.http;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.util.Arrays;

/**
 * Reads a create answer whose new secret sits in one top-level field ({@code key} at OpenRouter and
 * LiteLLM, {@code value} at OpenAI): the secret goes straight into a {@code char[]} and never becomes
 * a String or part of the JSON tree handed to the mapping code.
 */
public final class SecretFieldReader implements JsonBodyReader<SecretFieldReader.Created> {

    /** The answer without the secret field, and the secret (null when the answer had none). */
    public record Created(ObjectNode rest, char[] secret) {
        public void wipe() {
            if (secret != null) {
                Arrays.fill(secret, '\0');
            }
        }
    }

    private final String field;

    public SecretFieldReader(String field) {
        this.field = field;
    }

    @Override
    public Created read(JsonParser parser) throws IOException {
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            throw new JsonParseException(parser, "expected a JSON object for the created key");
        }
        ObjectNode rest = JsonNodeFactory.instance.objectNode();
        char[] secret = null;
        try {
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (name.equals(field) && value == JsonToken.VALUE_STRING && secret == null) {
                    secret = Arrays.copyOfRange(parser.getTextCharacters(), parser.getTextOffset(),
                            parser.getTextOffset() + parser.getTextLength());
                } else {
                    rest.set(name, GatewayJson.mapper().readTree(parser));
                }
            }
            if (parser.currentToken() != JsonToken.END_OBJECT) {
                throw new JsonParseException(parser, "unexpected end of the created key");
            }
            return new Created(rest, secret);
        } catch (IOException | RuntimeException e) {
            if (secret != null) {
                Arrays.fill(secret, '\0');
            }
            throw e;
        }
    }
}
