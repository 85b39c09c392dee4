package io.keydeck.sandbox;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.random.RandomGenerator;

/** Random identifiers and secrets in the 62-character alphabet the protocol uses, and their hashes. */
final class Base62 {
    static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    private Base62() {
    }

    static String random(RandomGenerator random, int length) {
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) {
            chars[i] = ALPHABET.charAt(random.nextInt(62));
        }
        return new String(chars);
    }

    /** {@code length} characters derived from {@code value}; distinct values give distinct strings when length >= 11. */
    static String of(long value, int length) {
        char[] chars = new char[length];
        long v = value;
        for (int i = length - 1; i >= 0; i--) {
            chars[i] = ALPHABET.charAt((int) Long.remainderUnsigned(v, 62));
            v = Long.divideUnsigned(v, 62);
        }
        return new String(chars);
    }

    static boolean isBase62(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (ALPHABET.indexOf(text.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }

    /** A bijective 64-bit mix (SplitMix64 finalizer): deterministic pseudo-random values without state. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** The SHA-256 of a secret as a compact map key (Base64). */
    static String sha256(String secret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
