package io.keydeck.ui.common;

/**
 * Button and menu texts carry their Alt-key mnemonic as an underscore ({@code _New key}); tooltips and
 * screen-reader names must not read it out.
 */
public final class Mnemonic {
    private Mnemonic() {
    }

    /**
     * The text as JavaFX shows it: "_New key" becomes "New key". Like JavaFX, "__" before the mnemonic is a
     * literal underscore, and everything after the mnemonic is taken literally (so a name with underscores
     * may follow it unescaped).
     */
    public static String plain(String text) {
        StringBuilder shown = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '_' && i + 1 < text.length()) {
                if (text.charAt(i + 1) != '_') {
                    return shown.append(text, i + 1, text.length()).toString();
                }
                i++;
            }
            shown.append(c);
        }
        return shown.toString();
    }
}
