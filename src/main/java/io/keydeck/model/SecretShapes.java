package io.keydeck.model;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds key-shaped tokens in pasted text (the leaked-key finder) and computes their prefix and last
 * four locally; masking them for logs and messages is {@link SecretRedactor}'s job.
 */
public final class SecretShapes {
    /** Bearer keys of the gateways we manage, admin keys, and JWTs. Longest alternatives first. */
    private static final Pattern SECRET = Pattern.compile(
            "(?<prefix>mrk_(?:live|test|admin)_|sk-(?:ant-(?:admin01-|api03-)?|or-v1-|proj-|admin-)?|tr_(?:live|test)_)"
                    + "(?<body>[A-Za-z0-9_\\-]{16,})"
                    + "|(?<jwt>eyJ[A-Za-z0-9_\\-]{8,}\\.[A-Za-z0-9_\\-]{8,}\\.[A-Za-z0-9_\\-]{8,})");

    private SecretShapes() {
    }

    /** A key-shaped token found in text; only prefix and last four leave this object via {@link #hint()}. */
    public record Found(String prefix, String lastFour, int start, int end) {
        public String hint() {
            return prefix + "…" + lastFour;
        }
    }

    /** Every key-shaped token in {@code text}, with the prefix and last four computed locally. */
    public static List<Found> find(CharSequence text) {
        List<Found> found = new ArrayList<>();
        if (text == null) {
            return found;
        }
        Matcher m = SECRET.matcher(text);
        while (m.find()) {
            if (m.group("prefix") != null) {
                String body = m.group("body");
                found.add(new Found(m.group("prefix"), body.substring(body.length() - 4), m.start(), m.end()));
            }
        }
        return found;
    }
}
