package io.keydeck.journal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;

/**
 * How one journal entry is written as one line of JSON and read back. Every line carries
 * {@code seq} (1, 2, 3 …), {@code prev} — the SHA-256 (hex) of the previous line's exact bytes, or of
 * the empty string for the first line ({@link #GENESIS}) — and {@code hash}, the SHA-256 of the line's
 * own compact JSON without its {@code hash} and {@code sig} members, so an edit of any line shows.
 *
 * <p>Signed lines (all lines written since signing began) also carry {@code signer}, the fingerprint of
 * the install's Ed25519 key, and {@code sig}: the base64 Ed25519 signature of those same bytes, which
 * include {@code prev}, so the signature covers the line's content and its place in the chain. Lines
 * without them are the legacy, unsigned journal of earlier versions.
 */
final class JournalLineFormat {
    /** SHA-256 of zero bytes: the {@code prev} of the first line. */
    static final String GENESIS = sha256(new byte[0]);

    private final ObjectMapper json = new ObjectMapper();

    /**
     * A line as read back: its sequence number, chain fields, whether its own hash matches, and for a
     * signed line its signer, signature and the bytes the signature is over.
     */
    record Parsed(long seq, String prev, boolean hashMatches, JournalEntry entry, String signer, byte[] sig,
                  byte[] signedBytes) {
        boolean signed() {
            return signer != null || sig != null;
        }
    }

    /** Makes the signature of a line's bytes (with the key from the keyring). */
    @FunctionalInterface
    interface Signer {
        byte[] sign(byte[] bytes) throws java.security.GeneralSecurityException;
    }

    /** A line that is not a journal entry; the message says what is wrong with it. */
    static final class MalformedLineException extends Exception {
        MalformedLineException(String message) {
            super(message, null, false, false);
        }
    }

    /** A legacy, unsigned line (as versions before signing wrote them). */
    byte[] encode(JournalEntry entry, long seq, String prev) {
        ObjectNode node = content(entry, seq, prev);
        node.put("hash", sha256(compact(node)));
        return compact(node);
    }

    /** A signed line: {@code signer} names the key whose {@code signing} makes {@code sig}. */
    byte[] encodeSigned(JournalEntry entry, long seq, String prev, String signerFingerprint, Signer signing)
            throws java.security.GeneralSecurityException {
        ObjectNode node = content(entry, seq, prev);
        node.put("signer", signerFingerprint);
        byte[] signed = compact(node);
        node.put("hash", sha256(signed));
        node.put("sig", java.util.Base64.getEncoder().encodeToString(signing.sign(signed)));
        return compact(node);
    }

    private ObjectNode content(JournalEntry entry, long seq, String prev) {
        ObjectNode node = json.createObjectNode();
        node.put("seq", seq);
        node.put("time", entry.time().toString());
        node.put("user", entry.user());
        node.put("connection", entry.connection());
        node.put("action", entry.action().wireName());
        node.put("key_id", entry.keyId());
        node.put("key_name", entry.keyName());
        node.put("key_hint", entry.keyHint());
        node.put("result", entry.result());
        node.put("request_id", entry.requestId());
        node.put("prev", prev);
        return node;
    }

    Parsed decode(byte[] line) throws MalformedLineException {
        JsonNode tree;
        try {
            tree = json.readTree(line);
        } catch (java.io.IOException e) {
            throw new MalformedLineException("is not valid JSON");
        }
        if (tree == null || !tree.isObject()) {
            throw new MalformedLineException("is not a JSON object");
        }
        ObjectNode node = (ObjectNode) tree;
        JsonNode hash = node.remove("hash");
        if (hash == null || !hash.isTextual()) {
            throw new MalformedLineException("has no \"hash\" field");
        }
        if (!node.path("seq").canConvertToExactIntegral()) {
            throw new MalformedLineException("has no sequence number");
        }
        JsonNode sigNode = node.remove("sig");
        String prev = text(node, "prev");
        byte[] signedBytes = compact(node);
        boolean hashMatches = hash.asText().equals(sha256(signedBytes));
        JsonNode signerNode = node.get("signer");
        String signer = signerNode == null ? null : signerNode.isTextual() ? signerNode.asText() : "";
        byte[] sig = null;
        if (sigNode != null) {
            try {
                sig = sigNode.isTextual() ? java.util.Base64.getDecoder().decode(sigNode.asText()) : new byte[0];
            } catch (IllegalArgumentException e) {
                sig = new byte[0];
            }
        }
        JournalEntry entry;
        try {
            entry = new JournalEntry(Instant.parse(text(node, "time")), text(node, "user"), text(node, "connection"),
                    JournalAction.fromWire(text(node, "action")), text(node, "key_id"), text(node, "key_name"),
                    text(node, "key_hint"), text(node, "result"), node.path("request_id").textValue());
        } catch (DateTimeParseException e) {
            throw new MalformedLineException("has a time that is not a timestamp");
        } catch (IllegalArgumentException e) {
            throw new MalformedLineException("names an unknown action");
        }
        return new Parsed(node.get("seq").asLong(), prev, hashMatches, entry, signer, sig, signedBytes);
    }

    private static String text(ObjectNode node, String field) throws MalformedLineException {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new MalformedLineException("has no \"" + field + "\" field");
        }
        return value.asText();
    }

    private byte[] compact(ObjectNode node) {
        try {
            return json.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings always serialises", e);
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

}
