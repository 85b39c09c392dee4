package io.keydeck.gateway.multiroute;

import io.keydeck.gateway.http.GatewayJson;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.keydeck.gateway.http.JsonBodyReader;

import java.io.IOException;
import java.util.Arrays;

/**
 * Reads a create answer token by token so the {@code secret} goes straight into a {@code char[]}
 * and never becomes a String or a node in the JSON tree; everything else becomes the key's tree.
 */
final class CreatedKeyReader implements JsonBodyReader<CreatedKeyReader.Created> {

    /** The key's JSON without the secret, and the secret (null when the answer had none). */
    record Created(JsonNode key, char[] secret) {
        void wipe() {
            if (secret != null) {
                Arrays.fill(secret, '\0');
            }
        }
    }

    private char[] secret;

    @Override
    public Created read(JsonParser parser) throws IOException {
        secret = null;
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            throw new JsonParseException(parser, "expected a JSON object for the created key");
        }
        try {
            ObjectNode key = readObject(parser);
            JsonNode data = key.path("data");
            return new Created(data.isObject() ? data : key, secret);
        } catch (IOException | RuntimeException e) {
            if (secret != null) {
                Arrays.fill(secret, '\0');
            }
            throw e;
        }
    }

    /** Reads the object whose START_OBJECT is current, looking into nested objects for the secret. */
    private ObjectNode readObject(JsonParser parser) throws IOException {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if (name.equals("secret") && value == JsonToken.VALUE_STRING && secret == null) {
                secret = Arrays.copyOfRange(parser.getTextCharacters(), parser.getTextOffset(),
                        parser.getTextOffset() + parser.getTextLength());
            } else if (value == JsonToken.START_OBJECT) {
                node.set(name, readObject(parser));
            } else {
                node.set(name, GatewayJson.mapper().readTree(parser));
            }
        }
        if (parser.currentToken() != JsonToken.END_OBJECT) {
            throw new JsonParseException(parser, "unexpected end of the created key");
        }
        return node;
    }
}
