package io.keydeck.review;

import java.io.IOException;
import java.util.Iterator;
import java.util.List;

/** One report format written as the review goes: each key as it comes, then what needs every key seen. */
interface ReportFormatWriter {
    void key(ReportData.KeyRow row) throws IOException;

    /** @param findings every finding in report order, most severe first */
    void end(List<ConnectionTotals> connections, Iterator<Finding> findings) throws IOException;

    /** Passes on what was written so far. */
    default void flush() throws IOException {
    }

    /** Drops what the format kept aside (the output itself stays open). */
    default void discard() throws IOException {
    }
}
