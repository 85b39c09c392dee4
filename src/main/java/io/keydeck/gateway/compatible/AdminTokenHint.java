package io.keydeck.gateway.compatible;

import io.keydeck.gateway.AdminToken;

import java.util.Arrays;

/**
 * The only parts of the key this driver keeps outside the token: its prefix (up to the last
 * {@code _} or {@code -} within the first 12 characters) and last four characters, for messages.
 */
record AdminTokenHint(String prefix, String lastFour) {

    static AdminTokenHint of(AdminToken token) {
        char[] chars = token.chars();
        try {
            int end = Math.min(12, chars.length);
            int cut = 0;
            for (int i = 0; i < end; i++) {
                if (chars[i] == '_' || chars[i] == '-') {
                    cut = i + 1;
                }
            }
            String last = chars.length > 8 ? new String(chars, chars.length - 4, 4) : "";
            return new AdminTokenHint(new String(chars, 0, cut), last);
        } finally {
            Arrays.fill(chars, '\0');
        }
    }

    /** Whether the token starts with one of {@code prefixes}, checked on a wiped copy of its chars. */
    static boolean startsWithAny(AdminToken token, java.util.List<String> prefixes) {
        char[] chars = token.chars();
        try {
            String head = new String(chars, 0, Math.min(chars.length, 64));
            return prefixes.stream().anyMatch(head::startsWith);
        } finally {
            Arrays.fill(chars, '\0');
        }
    }

    String display() {
        return prefix + "…" + lastFour;
    }
}
