package io.keydeck.gateway;

import io.keydeck.model.Page;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Keeps a paged listing (keys, auth events, usage pages) finite whatever the gateway sends: a page
 * larger than asked for, a cursor sent twice, pages that bring nothing new while {@code has_more}
 * stays true, or more items than {@link GatewayLimits#maxListedItems()} all stop it with a
 * {@link GatewayException.Kind#PROTOCOL} error saying what happened. One guard serves one listing.
 */
public final class PagingGuard<T> {
    private final String what;
    private final int pageSize;
    private final GatewayLimits limits;
    private final Function<T, String> id;
    private final Set<String> seenCursors = new HashSet<>();
    private final IdFingerprints seenIds = new IdFingerprints();
    private long items;
    private int pages;
    private int stale;

    /**
     * @param what     what is listed, plural, for messages ("keys", "auth events")
     * @param pageSize the page size asked for; 0 when the gateway chooses it
     * @param id       an item's identity, or null when items have none (then only empty pages count as stale)
     */
    public PagingGuard(String what, int pageSize, GatewayLimits limits, Function<T, String> id) {
        this.what = what;
        this.pageSize = pageSize;
        this.limits = limits;
        this.id = id;
    }

    /** Checks one page as it arrives; returns the cursor to ask for next, or null when the listing is complete. */
    public String accept(Page<T> page) throws GatewayException {
        pages++;
        List<T> list = page.items();
        if (pageSize > 0 && list.size() > pageSize) {
            throw stop("page_too_large", "The gateway answered a request for at most " + pageSize + " " + what
                    + " with " + list.size() + "; stopped listing after " + items + " " + what + ".");
        }
        items += list.size();
        if (items > limits.maxListedItems()) {
            throw stop("listing_cap", "The gateway listed more than " + limits.maxListedItems() + " " + what
                    + " (KeyDeck's cap for one listing); stopped after " + pages + " pages.");
        }
        boolean fresh = false;
        for (T item : list) {
            fresh |= id == null || seenIds.add(String.valueOf(id.apply(item)));
        }
        stale = fresh ? 0 : stale + 1;
        String cursor = page.hasMore() ? page.nextCursor() : null;
        if (cursor == null) {
            return null;
        }
        if (!seenCursors.add(cursor)) {
            throw stop("repeated_cursor", "The gateway sent the same page cursor twice; stopped listing after "
                    + items + " " + what + ".");
        }
        if (stale >= limits.stalePages()) {
            throw stop("no_progress", "The gateway sent " + stale + " pages in a row with no new " + what
                    + " while saying there are more; stopped listing after " + pages + " pages and "
                    + distinct() + " " + what + ".");
        }
        return cursor;
    }

    /** Items seen so far (repeats counted once when items have ids). */
    public long distinct() {
        return id == null ? items : seenIds.size();
    }

    private static GatewayException stop(String code, String message) {
        return new GatewayException(GatewayException.Kind.PROTOCOL, 0, code, message, null);
    }
}
