package io.keydeck.gateway.litellm;

import io.keydeck.gateway.http.GatewayJson;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.keydeck.gateway.http.JsonBodyReader;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Reads an answer that issues a secret, {@code /key/generate} or {@code /key/{token}/regenerate}
 * ({@code GenerateKeyResponse} both). The secret ({@code key}) goes straight into a {@code char[]}.
 * Proxies disagree on {@code token}: a current generate sends the hash, a current regenerate sends null
 * and the hash as {@code token_id}, and proxies without the endpoints' remap sent the secret itself as
 * {@code token}. So {@code token} and {@code token_id} are kept only when they are hashes, and otherwise
 * dropped unread into any tree or String.
 */
final class IssuedKeyReader implements JsonBodyReader<IssuedKeyReader.Issued> {
    private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");

    /** The answer without {@code key}, {@code token} and {@code token_id}; the key's hash when one was sent. */
    record Issued(ObjectNode rest, char[] secret, String hash) {
    }

    @Override
    public Issued read(JsonParser parser) throws IOException {
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            throw new JsonParseException(parser, "expected a JSON object for the issued key");
        }
        ObjectNode rest = JsonNodeFactory.instance.objectNode();
        char[] secret = null;
        String tokenId = null;
        String token = null;
        try {
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (value == JsonToken.VALUE_STRING && name.equals("key") && secret == null) {
                    secret = Arrays.copyOfRange(parser.getTextCharacters(), parser.getTextOffset(),
                            parser.getTextOffset() + parser.getTextLength());
                } else if (value == JsonToken.VALUE_STRING && name.equals("token")) {
                    token = hashOrNull(parser);
                } else if (value == JsonToken.VALUE_STRING && name.equals("token_id")) {
                    tokenId = hashOrNull(parser);
                } else if (name.equals("token") || name.equals("token_id")) {
                    parser.skipChildren();
                } else {
                    rest.set(name, GatewayJson.mapper().readTree(parser));
                }
            }
            if (parser.currentToken() != JsonToken.END_OBJECT) {
                throw new JsonParseException(parser, "unexpected end of the issued key");
            }
            return new Issued(rest, secret, tokenId != null ? tokenId : token);
        } catch (IOException | RuntimeException e) {
            if (secret != null) {
                Arrays.fill(secret, '\0');
            }
            throw e;
        }
    }

    /** The current string value if it is a 64-hex-digit hash; anything else (a secret) is not copied out. */
    private static String hashOrNull(JsonParser parser) throws IOException {
        if (parser.getTextLength() != 64) {
            return null;
        }
        String text = parser.getText();
        return HASH.matcher(text).matches() ? text : null;
    }

    /** The proxy's id for a secret: SHA-256 of its UTF-8 bytes, in lower-case hex. */
    static String hashOf(char[] secret) {
        ByteBuffer bytes = StandardCharsets.UTF_8.encode(CharBuffer.wrap(secret));
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(bytes.duplicate());
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        } finally {
            if (bytes.hasArray()) {
                Arrays.fill(bytes.array(), (byte) 0);
            }
        }
    }
}
