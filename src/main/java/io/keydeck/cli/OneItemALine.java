package io.keydeck.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;

import java.io.IOException;

/**
 * JSON for a pipe: compact, but every item of the outermost array on a line of its own, so a listing of
 * a million keys is a third smaller than indented and still reads (and greps) one key a line. Used when
 * stdout is not a terminal; a terminal gets the indented form.
 */
final class OneItemALine extends MinimalPrettyPrinter {
    @Override
    public void beforeArrayValues(JsonGenerator g) throws IOException {
        if (outermostArray(g)) {
            g.writeRaw('\n');
        }
    }

    @Override
    public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
        g.writeRaw(outermostArray(g) ? ",\n" : ",");
    }

    @Override
    public void writeEndArray(JsonGenerator g, int nrOfValues) throws IOException {
        if (nrOfValues > 0 && outermostArray(g)) {
            g.writeRaw('\n');
        }
        g.writeRaw(']');
    }

    /** The array being written is not inside another array or object (or is a field of the root object). */
    private static boolean outermostArray(JsonGenerator g) {
        JsonStreamContext parent = g.getOutputContext().getParent();
        return parent != null && (parent.inRoot() || parent.inObject() && parent.getParent() != null
                && parent.getParent().inRoot());
    }
}
