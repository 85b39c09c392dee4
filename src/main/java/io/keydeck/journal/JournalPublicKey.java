package io.keydeck.journal;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Objects;

/**
 * The public half of an install's journal signing key (Ed25519), which an auditor pins to verify a copy
 * of the journal elsewhere: {@code keydeck journal key} prints it, {@code journal verify --public-key}
 * reads it back. The fingerprint ({@code SHA256:} and the unpadded base64 of the SHA-256 of the X.509
 * encoding, as OpenSSH writes them) is what each signed line names as its {@code signer}.
 */
public final class JournalPublicKey {
    static final String ALGORITHM = "Ed25519";
    private final PublicKey key;
    private final byte[] encoded;

    private JournalPublicKey(PublicKey key) {
        this.key = key;
        this.encoded = key.getEncoded();
    }

    static JournalPublicKey of(PublicKey key) {
        return new JournalPublicKey(Objects.requireNonNull(key, "key"));
    }

    /**
     * Reads a key as {@code keydeck journal key} prints it: a PEM block ({@code BEGIN PUBLIC KEY}) or
     * the bare base64 of its X.509 encoding; text around a PEM block is ignored.
     *
     * @throws IllegalArgumentException with a sentence for the user when it is not an Ed25519 public key
     */
    public static JournalPublicKey parse(String text) {
        String body = text == null ? "" : text;
        int begin = body.indexOf("-----BEGIN PUBLIC KEY-----");
        if (begin >= 0) {
            int end = body.indexOf("-----END PUBLIC KEY-----", begin);
            if (end < 0) {
                throw new IllegalArgumentException("The public key's PEM block has no END line.");
            }
            body = body.substring(begin + "-----BEGIN PUBLIC KEY-----".length(), end);
        }
        body = body.replaceAll("\\s", "");
        if (body.isEmpty()) {
            throw new IllegalArgumentException("No public key was given.");
        }
        byte[] der;
        try {
            der = Base64.getDecoder().decode(body);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("The public key is not base64 or a PEM block.");
        }
        try {
            return new JournalPublicKey(KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(der)));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("The public key is not an Ed25519 key (as 'keydeck journal key' prints it).");
        }
    }

    /** {@code SHA256:…}, the form signed lines carry in {@code signer}. */
    public String fingerprint() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(encoded);
            return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** The base64 of the X.509 encoding, on one line. */
    public String base64() {
        return Base64.getEncoder().encodeToString(encoded);
    }

    /** The key as a PEM block, which OpenSSL also reads ({@code openssl pkey -pubin}). */
    public String pem() {
        return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, new byte[]{'\n'}).encodeToString(encoded)
                + "\n-----END PUBLIC KEY-----\n";
    }

    /** True when {@code signature} is this key's Ed25519 signature of {@code data}. */
    boolean verifies(byte[] data, byte[] signature) {
        try {
            Signature verifier = Signature.getInstance(ALGORITHM);
            verifier.initVerify(key);
            verifier.update(data);
            return verifier.verify(signature);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof JournalPublicKey k && java.util.Arrays.equals(encoded, k.encoded);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(encoded);
    }

    @Override
    public String toString() {
        return "Ed25519 " + fingerprint();
    }
}
