package io.keydeck.model;

/**
 * Text from a gateway made safe to show: a name, id or error message may carry terminal escape
 * sequences (ESC, BEL, C1 controls) or bidi overrides that reorder what a reader sees. Each such
 * character is shown visibly escaped (backslash-x1B for ESC, backslash-u202E for the right-to-left override) instead of acting; everything
 * else is kept. One neutraliser for the terminal and the window alike.
 */
public final class VisibleText {
    /** The ellipsis that ends a shortened value. */
    public static final String ELLIPSIS = "…";

    private VisibleText() {
    }

    /** True for C0 and C1 controls, DEL, and the bidi embeddings, overrides, isolates and marks. */
    public static boolean isHostile(int c) {
        return c < 0x20 || c >= 0x7f && c <= 0x9f
                || c >= 0x202a && c <= 0x202e || c >= 0x2066 && c <= 0x2069
                || c == 0x200e || c == 0x200f || c == 0x061c;
    }

    /** {@code text} with every hostile character escaped; "" for null. */
    public static String escape(String text) {
        return text == null ? "" : escape(text, Integer.MAX_VALUE);
    }

    /**
     * At most {@code max} characters of the escaped text, ending in {@link #ELLIPSIS} when cut; only
     * the shown prefix is ever built, so a 10 MB value costs no more than a short one.
     */
    public static String escape(String text, int max) {
        if (text == null) {
            return "";
        }
        int limit = Math.max(1, max);
        StringBuilder out = null;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (!isHostile(c)) {
                if (out != null) {
                    out.append(c);
                }
            } else {
                if (out == null) {
                    out = new StringBuilder(Math.min(n, limit) + 8).append(text, 0, Math.min(i, limit));
                }
                out.append(c < 0x100 ? String.format("\\x%02X", (int) c) : String.format("\\u%04X", (int) c));
            }
            if (out != null && out.length() >= limit && i < n - 1) {
                return out.substring(0, limit - 1) + ELLIPSIS;
            }
            if (out == null && i + 1 >= limit && i < n - 1) {
                return text.substring(0, limit - 1) + ELLIPSIS;
            }
        }
        if (out == null) {
            return text;
        }
        return out.length() > limit ? out.substring(0, limit - 1) + ELLIPSIS : out.toString();
    }
}
