package io.keydeck.model;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a key or token looks like in text. One definition serves both redaction (logs, exception
 * messages) and the leaked-key finder, so a shape added for one is known to the other.
 */
public final class SecretShapes {
    /** Bearer keys of the gateways we manage, admin keys, and JWTs. Longest alternatives first. */
    private static final Pattern SECRET = Pattern.compile(
            "(?<prefix>mrk_(?:live|test|admin)_|sk-(?:ant-(?:admin01-|api03-)?|or-v1-|proj-|admin-)?|tr_(?:live|test)_)"
                    + "(?<body>[A-Za-z0-9_\\-]{16,})"
                    + "|(?<jwt>eyJ[A-Za-z0-9_\\-]{8,}\\.[A-Za-z0-9_\\-]{8,}\\.[A-Za-z0-9_\\-]{8,})");
    private static final Pattern BEARER = Pattern.compile("(?i)(bearer\\s+)[^\\s\"',;]+");

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

    /** {@code text} with every secret-shaped token and bearer credential replaced by a marker. */
    public static String redact(CharSequence text) {
        if (text == null) {
            return null;
        }
        Matcher m = SECRET.matcher(text);
        StringBuilder once = new StringBuilder();
        while (m.find()) {
            String replacement = m.group("prefix") != null ? m.group("prefix") + "<redacted>" : "<redacted-jwt>";
            m.appendReplacement(once, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(once);
        return BEARER.matcher(once).replaceAll("$1<redacted>");
    }
}
