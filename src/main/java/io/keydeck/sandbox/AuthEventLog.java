package io.keydeck.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Predicate;

/**
 * Failed authentications in time order. Built to hold a million events: each is one small record
 * whose strings are shared through {@link #intern}, and whose id and (for seeded events) request id
 * are derived from its position instead of stored.
 */
final class AuthEventLog {
    private static final int INTERN_LIMIT = 50_000;

    private final long seed;
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final ArrayList<Event> events = new ArrayList<>();
    private final Map<Object, Object> pool = new ConcurrentHashMap<>();
    private long lastAt;

    /** What went wrong; shared by all events with the same outcome. */
    record Failure(int status, String type, String code, String message) {
    }

    /**
     * One event. {@code keySeq} is -1 when the credential matched no key; {@code requestId} is null
     * for seeded events (derived from the position instead).
     */
    record Event(long at, int keySeq, Failure failure, String prefix, String lastFour, String clientIp,
                 String userAgent, String method, String path, String requestId) {
    }

    /** An event with its position, as listings need it. */
    record Positioned(int seq, Event event) {
    }

    AuthEventLog(long seed) {
        this.seed = seed;
    }

    @SuppressWarnings("unchecked")
    <T> T intern(T value) {
        if (value == null) {
            return null;
        }
        Object shared = pool.get(value);
        if (shared != null) {
            return (T) shared;
        }
        if (pool.size() >= INTERN_LIMIT) {
            return value;
        }
        Object previous = pool.putIfAbsent(value, value);
        return previous == null ? value : (T) previous;
    }

    Failure failure(ApiError error) {
        return intern(new Failure(error.status(), error.type(), error.code(), error.getMessage()));
    }

    /** Appends an event; times never run backwards so the log stays sorted. */
    void append(long at, int keySeq, Failure failure, CallerHint hint, String clientIp, String userAgent,
                String method, String path, String requestId) {
        lock.writeLock().lock();
        try {
            long when = Math.max(at, lastAt);
            lastAt = when;
            events.add(new Event(when, keySeq, intern(failure), intern(hint.prefix()), intern(hint.lastFour()),
                    intern(clientIp), intern(userAgent), intern(method), intern(path), requestId));
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Seeds events that must already be sorted by time. */
    void appendSorted(List<Event> sorted) {
        lock.writeLock().lock();
        try {
            events.ensureCapacity(events.size() + sorted.size());
            for (Event e : sorted) {
                events.add(e);
                lastAt = Math.max(lastAt, e.at());
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    int size() {
        lock.readLock().lock();
        try {
            return events.size();
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * Up to {@code limit} events with {@code since <= at < until} accepted by {@code filter}, newest
     * first, all with position below {@code beforeSeq}.
     */
    List<Positioned> newestBefore(int beforeSeq, long since, long until, int limit, Predicate<Event> filter) {
        List<Positioned> page = new ArrayList<>(Math.min(limit, 1024));
        lock.readLock().lock();
        try {
            int start = Math.min(Math.min(beforeSeq, events.size()), firstAtOrAfter(until));
            for (int i = start - 1; i >= 0 && page.size() < limit; i--) {
                Event e = events.get(i);
                if (e.at() < since) {
                    break;
                }
                if (filter.test(e)) {
                    page.add(new Positioned(i, e));
                }
            }
        } finally {
            lock.readLock().unlock();
        }
        return page;
    }

    private int firstAtOrAfter(long time) {
        int lo = 0;
        int hi = events.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (events.get(mid).at() < time) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    String eventId(int seq) {
        return "evt_" + Base62.of(Base62.mix(seq ^ (seed * 0x632BE59BD9B4E019L)), 12);
    }

    String requestId(int seq, Event event) {
        return event.requestId() != null ? event.requestId()
                : "req_" + Base62.of(Base62.mix(seq + 0x5DEECE66DL * (seed + 7)), 12) + Base62.of(Base62.mix(seq), 12);
    }
}
