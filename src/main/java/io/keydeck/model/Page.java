package io.keydeck.model;

import java.util.List;

/** One page of a cursor-paged listing; {@code nextCursor} is null on the last page. */
public record Page<T>(List<T> items, String nextCursor) {
    public Page {
        items = items == null ? List.of() : List.copyOf(items);
    }

    public boolean hasMore() {
        return nextCursor != null && !nextCursor.isEmpty();
    }
}
