package io.keydeck.model;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks anything shaped like a key, token or secret in text that may reach a log line, an
 * exception message or the screen — including what a gateway echoes back in an error body.
 */
public final class SecretRedactor {
    public static final String MASK = "[REDACTED]";

    private record Rule(Pattern pattern, String replacement) {
    }

    private static final List<Rule> RULES = List.of(
            new Rule(Pattern.compile("(?i)\\b(bearer|basic)\\s+[A-Za-z0-9._~+/=-]+"), "$1 " + MASK),
            new Rule(Pattern.compile("(?<![A-Za-z0-9])eyJ[A-Za-z0-9_-]*\\.[A-Za-z0-9_-]*(\\.[A-Za-z0-9_-]*)?"), MASK),
            new Rule(Pattern.compile("(?<![A-Za-z0-9])(mrk_(?:live|test|admin)_)[A-Za-z0-9]+"), "$1" + MASK),
            new Rule(Pattern.compile("(?<![A-Za-z0-9])(tr_(?:live|test)_)[A-Za-z0-9]+"), "$1" + MASK),
            new Rule(Pattern.compile("(?<![A-Za-z0-9])sk-[A-Za-z0-9_-]{6,}"), "sk-" + MASK),
            new Rule(Pattern.compile("(?i)(\"(?:secret|api_key|token|access_token|password)\"\\s*:\\s*\")[^\"]*\""),
                    "$1" + MASK + "\""),
            new Rule(Pattern.compile("(?i)\\b(x-api-key|authorization)(\\s*[:=]\\s*)\\S+"), "$1$2" + MASK));

    private SecretRedactor() {
    }

    /** {@code text} with every key-shaped part masked; null stays null. */
    public static String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = text;
        for (Rule rule : RULES) {
            Matcher m = rule.pattern().matcher(out);
            out = m.replaceAll(rule.replacement());
        }
        return out;
    }

    /** Redacts, folds whitespace and cuts to {@code max} characters with an ellipsis. */
    public static String redactAndShorten(String text, int max) {
        if (text == null) {
            return null;
        }
        String folded = redact(text).replaceAll("\\s+", " ").trim();
        return folded.length() <= max ? folded : folded.substring(0, Math.max(0, max - 1)) + "…";
    }
}
