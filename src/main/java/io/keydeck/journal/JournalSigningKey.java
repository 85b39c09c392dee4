package io.keydeck.journal;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import javax.security.auth.DestroyFailedException;

/**
 * The install's Ed25519 key pair, kept only in the {@link JournalKeyring}: the private key as the base64
 * of its PKCS#8 encoding under {@value #PRIVATE}, the public key beside it under {@value #PUBLIC} (so
 * verifying never has to touch the private key). The private key is read for each signature and its
 * encoded bytes and characters are wiped straight after; it is never logged, put in a message or written
 * anywhere else.
 */
final class JournalSigningKey {
    static final String PRIVATE = "journal-signing-key";
    static final String PUBLIC = "journal-public-key";

    private JournalSigningKey() {
    }

    /** This install's public key, if it has made one. */
    static Optional<JournalPublicKey> publicKey(JournalKeyring keyring) {
        Optional<char[]> stored = keyring.read(PUBLIC);
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        char[] text = stored.get();
        try {
            return Optional.of(JournalPublicKey.parse(new String(text)));
        } finally {
            Arrays.fill(text, '\0');
        }
    }

    /**
     * The public key, making the key pair first when there is none. Callers hold the journal's file lock,
     * so two KeyDeck processes never make two pairs.
     */
    static JournalPublicKey ensure(JournalKeyring keyring) throws GeneralSecurityException {
        Optional<JournalPublicKey> existing = publicKey(keyring);
        if (existing.isPresent() && keyring.read(PRIVATE).map(JournalSigningKey::wiped).orElse(false)) {
            return existing.get();
        }
        KeyPair pair = KeyPairGenerator.getInstance(JournalPublicKey.ALGORITHM).generateKeyPair();
        byte[] encoded = pair.getPrivate().getEncoded();
        char[] text = base64(encoded);
        try {
            keyring.store(PRIVATE, text);
        } finally {
            Arrays.fill(encoded, (byte) 0);
            Arrays.fill(text, '\0');
            destroy(pair.getPrivate());
        }
        JournalPublicKey publicKey = JournalPublicKey.of(pair.getPublic());
        char[] publicText = publicKey.base64().toCharArray();
        keyring.store(PUBLIC, publicText);
        return publicKey;
    }

    /** Signs {@code data} with the private key from the keyring, wiping its encoded form afterwards. */
    static byte[] sign(JournalKeyring keyring, byte[] data) throws GeneralSecurityException {
        char[] text = keyring.read(PRIVATE).orElseThrow(() -> new GeneralSecurityException(
                "the journal's signing key is not in the " + keyring.description()));
        byte[] ascii = new byte[text.length];
        for (int i = 0; i < text.length; i++) {
            ascii[i] = (byte) text[i];
        }
        Arrays.fill(text, '\0');
        byte[] encoded = null;
        PrivateKey key = null;
        try {
            encoded = Base64.getDecoder().decode(ascii);
            key = KeyFactory.getInstance(JournalPublicKey.ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(encoded));
            Signature signer = Signature.getInstance(JournalPublicKey.ALGORITHM);
            signer.initSign(key);
            signer.update(data);
            return signer.sign();
        } catch (IllegalArgumentException e) {
            // deliberately without the decoder's message: it could quote the key's text
            throw new GeneralSecurityException("the journal's signing key in the " + keyring.description()
                    + " is damaged");
        } finally {
            Arrays.fill(ascii, (byte) 0);
            if (encoded != null) {
                Arrays.fill(encoded, (byte) 0);
            }
            destroy(key);
        }
    }

    private static boolean wiped(char[] text) {
        Arrays.fill(text, '\0');
        return true;
    }

    private static char[] base64(byte[] bytes) {
        byte[] ascii = Base64.getEncoder().encode(bytes);
        char[] text = new char[ascii.length];
        for (int i = 0; i < ascii.length; i++) {
            text[i] = (char) ascii[i];
        }
        Arrays.fill(ascii, (byte) 0);
        return text;
    }

    /** Best effort: the JDK's Ed25519 keys may refuse, then the garbage collector has the last copy. */
    private static void destroy(PrivateKey key) {
        if (key != null && !key.isDestroyed()) {
            try {
                key.destroy();
            } catch (DestroyFailedException e) {
                // JDK keys without destroy(): nothing more this code can wipe
            }
        }
    }
}
