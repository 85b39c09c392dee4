package io.keydeck.journal;

import com.fasterxml.jackson.core.io.JsonStringEncoder;

/** A string as a JSON string literal, quotes included. */
final class JsonText {
    private JsonText() {
    }

    static String quote(String text) {
        return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(text)) + "\"";
    }
}
