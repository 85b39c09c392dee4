package io.keydeck.gateway.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.keydeck.gateway.GatewayException;

import java.io.IOException;

/**
 * Turns a successful answer's body into a value straight from the stream, so a large answer
 * (hundreds of thousands of usage points) is never held as one String or one JSON tree.
 * A Jackson parse error becomes {@link GatewayException.Kind#PROTOCOL}; a dropped stream {@code NETWORK}.
 */
@FunctionalInterface
public interface JsonBodyReader<T> {

    T read(JsonParser parser) throws IOException, GatewayException;

    /** The whole body as a tree; an empty body is a {@link MissingNode}. */
    static JsonBodyReader<JsonNode> tree() {
        return parser -> {
            if (parser.nextToken() == null) {
                return MissingNode.getInstance();
            }
            JsonNode node = GatewayJson.mapper().readTree(parser);
            if (parser.nextToken() != null) {
                throw new com.fasterxml.jackson.core.JsonParseException(parser, "unexpected data after the JSON value");
            }
            return node == null ? MissingNode.getInstance() : node;
        };
    }
}
