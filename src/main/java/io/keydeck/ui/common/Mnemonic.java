package io.keydeck.ui.common;

/**
 * Button and menu texts carry their Alt-key mnemonic as an underscore ({@code _New key}); tooltips and
 * screen-reader names must not read it out.
 */
public final class Mnemonic {
    private Mnemonic() {
    }

    /** The text as a person reads it: "_New key" becomes "New key", "__" stays a literal underscore. */
    public static String plain(String text) {
        return text.replace("__", "\u0000").replace("_", "").replace('\u0000', '_');
    }
}
