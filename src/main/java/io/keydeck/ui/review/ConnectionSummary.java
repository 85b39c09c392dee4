package io.keydeck.ui.review;

import io.keydeck.review.SeverityCounts;

import java.util.List;

/**
 * One card of the Review view's summary: a connection's key and finding counts, the rules that could
 * not run there and why, or why the connection could not be reviewed at all.
 *
 * @param problem why the review of this connection failed; empty when it ran
 */
public record ConnectionSummary(String connection, int keys, SeverityCounts counts, List<String> notes,
                                String problem) {
    public ConnectionSummary {
        notes = List.copyOf(notes);
        problem = problem == null ? "" : problem;
    }
}
