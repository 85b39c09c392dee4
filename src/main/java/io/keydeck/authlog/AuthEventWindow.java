package io.keydeck.authlog;

import io.keydeck.model.AuthEvent;
import io.keydeck.model.Page;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The auth events loaded so far, newest first, never more than {@code capacity}: older pages are
 * appended as the user scrolls, newer events (live tail) are prepended, and an event seen twice (pages
 * that overlap, a poll that repeats the newest event) is kept once. When older paging reaches the
 * capacity it stops ({@link #isFull()}); when live-tail events push it over, the oldest are dropped and
 * older paging stops too, since the cursor no longer follows the last loaded event. Not thread-safe.
 */
public final class AuthEventWindow {
    private static final int MAX_SHARED = 200_000;

    private final int capacity;
    private final ArrayList<AuthEvent> events = new ArrayList<>();
    private final Set<String> ids = new HashSet<>();
    private final java.util.Map<String, String> shared = new java.util.HashMap<>();
    private String cursor;
    private boolean started;
    private boolean full;

    public AuthEventWindow(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1");
        }
        this.capacity = capacity;
    }

    /** Adds a page that continues the listing towards older events. */
    public void addOlder(Page<AuthEvent> page) {
        started = true;
        for (AuthEvent e : page.items()) {
            if (events.size() >= capacity) {
                full = true;
                break;
            }
            if (ids.add(key(e))) {
                events.add(compact(e));
            }
        }
        cursor = page.hasMore() ? page.nextCursor() : null;
        if (events.size() >= capacity && cursor != null) {
            full = true;
        }
    }

    /**
     * Adds events newer than those loaded (any order); returns those that were new, newest first.
     * Drops the oldest loaded events past the capacity.
     */
    public List<AuthEvent> addNewer(List<AuthEvent> newer) {
        List<AuthEvent> fresh = new ArrayList<>();
        for (AuthEvent e : newer) {
            if (ids.add(key(e))) {
                fresh.add(compact(e));
            }
        }
        fresh.sort((a, b) -> b.occurredAt().compareTo(a.occurredAt()));
        events.addAll(0, fresh);
        if (events.size() > capacity) {
            List<AuthEvent> dropped = events.subList(capacity, events.size());
            dropped.forEach(e -> ids.remove(key(e)));
            dropped.clear();
            full = true;
        }
        return fresh;
    }

    public List<AuthEvent> events() {
        return Collections.unmodifiableList(events);
    }

    public int size() {
        return events.size();
    }

    public int capacity() {
        return capacity;
    }

    /** The newest loaded event, or null. */
    public AuthEvent newest() {
        return events.isEmpty() ? null : events.get(0);
    }

    /** The cursor for the next older page; null before the first page, after the last, or when full. */
    public String cursor() {
        return full ? null : cursor;
    }

    /** True when another older page can be loaded. */
    public boolean hasMore() {
        return !started || (!full && cursor != null);
    }

    /** True when paging stopped at the capacity while the gateway had older events. */
    public boolean isFull() {
        return full;
    }

    public void clear() {
        shared.clear();
        events.clear();
        ids.clear();
        cursor = null;
        started = false;
        full = false;
    }

    /**
     * The same event with its repeated texts (code, message, IP, user agent, path, …) shared between
     * events, so 100,000 loaded events cost little more than their ids.
     */
    private AuthEvent compact(AuthEvent e) {
        return new AuthEvent(e.id(), e.occurredAt(), e.status(), share(e.type()), share(e.code()), share(e.message()),
                e.requestId(), share(e.keyPrefix()), share(e.keyLastFour()), share(e.keyId()), share(e.clientIp()),
                share(e.userAgent()), share(e.method()), share(e.path()));
    }

    private String share(String value) {
        if (value == null || shared.size() > MAX_SHARED) {
            return value;
        }
        String known = shared.putIfAbsent(value, value);
        return known == null ? value : known;
    }

    private static String key(AuthEvent e) {
        return e.id() != null ? e.id() : e.requestId() + "@" + e.occurredAt();
    }
}
