package io.keydeck.sandbox;

import com.fasterxml.jackson.databind.JsonNode;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Predicate;

/**
 * All keys of the sandbox in creation order. A key's position ({@code seq}) never changes, which
 * makes "newest first, before cursor seq" pages stable while keys are being created.
 */
final class KeyStore {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final ArrayList<StoredKey> bySeq = new ArrayList<>();
    private final HashMap<String, StoredKey> byId = new HashMap<>();
    private final HashMap<String, StoredKey> byHash = new HashMap<>();
    private final Map<String, Replay> idempotency = new HashMap<>();
    private final Map<List<String>, List<String>> scopeLists = new ConcurrentHashMap<>();

    /** A created key and the request body that created it, for {@code Idempotency-Key} replays. */
    private record Replay(JsonNode body, StoredKey key) {
    }

    /** The outcome of a create: the key, and its secret unless this was a replay. */
    record Created(StoredKey key, String secret) {
        boolean replay() {
            return secret == null;
        }

        @Override
        public String toString() {
            return "Created[" + key.id + ", replay=" + replay() + "]";
        }
    }

    /** Shares equal scope lists between keys: 100,000 keys need only a handful of lists. */
    List<String> scopes(List<String> scopes) {
        List<String> copy = List.copyOf(scopes);
        return scopeLists.computeIfAbsent(copy, k -> k);
    }

    int size() {
        lock.readLock().lock();
        try {
            return bySeq.size();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Adds a key made elsewhere (seeding); {@code seq} must be the next position. */
    void add(StoredKey key, String secretHash) {
        lock.writeLock().lock();
        try {
            if (key.seq != bySeq.size()) {
                throw new IllegalStateException("keys must be added in sequence");
            }
            bySeq.add(key);
            byId.put(key.id, key);
            byHash.put(secretHash, key);
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Reserves capacity before seeding many keys. */
    void expectKeys(int count) {
        lock.writeLock().lock();
        try {
            bySeq.ensureCapacity(count);
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * Creates a key with a fresh random secret, or replays the key an earlier request with the same
     * {@code idempotencyKey} (and the same body) created.
     */
    Created create(String idempotencyKey, JsonNode body, KeySpec spec, long now) {
        lock.writeLock().lock();
        try {
            if (idempotencyKey != null) {
                Replay earlier = idempotency.get(idempotencyKey);
                if (earlier != null) {
                    if (!earlier.body().equals(body)) {
                        throw ApiError.unprocessable("Idempotency-Key \"" + idempotencyKey
                                + "\" was already used with a different request body.");
                    }
                    return new Created(earlier.key(), null);
                }
            }
            String secret;
            String hash;
            do {
                secret = spec.prefix() + Base62.random(RANDOM, 32);
                hash = Base62.sha256(secret);
            } while (byHash.containsKey(hash));
            String id;
            do {
                id = "key_" + Base62.random(RANDOM, 24);
            } while (byId.containsKey(id));
            StoredKey key = new StoredKey(bySeq.size(), id, spec.name(), spec.prefix(),
                    secret.substring(secret.length() - 4), scopes(spec.scopes()), now, spec.expiresAt(),
                    UsageShape.NONE, 0, Integer.MAX_VALUE, Integer.MIN_VALUE);
            key.setTerms(spec.terms());
            bySeq.add(key);
            byId.put(id, key);
            byHash.put(hash, key);
            if (idempotencyKey != null) {
                idempotency.put(idempotencyKey, new Replay(body, key));
            }
            return new Created(key, secret);
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** What a new key should be. */
    record KeySpec(String name, String prefix, List<String> scopes, long expiresAt, KeyTerms terms) {
        KeySpec {
            Objects.requireNonNull(name);
            Objects.requireNonNull(prefix);
            terms = terms == null ? KeyTerms.NONE : terms;
        }

        KeySpec(String name, String prefix, List<String> scopes, long expiresAt) {
            this(name, prefix, scopes, expiresAt, KeyTerms.NONE);
        }
    }

    StoredKey byId(String id) {
        lock.readLock().lock();
        try {
            return byId.get(id);
        } finally {
            lock.readLock().unlock();
        }
    }

    StoredKey bySeq(int seq) {
        lock.readLock().lock();
        try {
            return seq >= 0 && seq < bySeq.size() ? bySeq.get(seq) : null;
        } finally {
            lock.readLock().unlock();
        }
    }

    StoredKey bySecret(String secret) {
        String hash = Base62.sha256(secret);
        lock.readLock().lock();
        try {
            return byHash.get(hash);
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * Up to {@code limit} keys accepted by {@code filter}, newest first, all with {@code seq < beforeSeq}.
     */
    List<StoredKey> newestBefore(int beforeSeq, int limit, Predicate<StoredKey> filter) {
        List<StoredKey> page = new ArrayList<>(Math.min(limit, 1024));
        lock.readLock().lock();
        try {
            for (int i = Math.min(beforeSeq, bySeq.size()) - 1; i >= 0 && page.size() < limit; i--) {
                StoredKey key = bySeq.get(i);
                if (filter.test(key)) {
                    page.add(key);
                }
            }
        } finally {
            lock.readLock().unlock();
        }
        return page;
    }

    /** A snapshot of every key, oldest first. */
    List<StoredKey> all() {
        lock.readLock().lock();
        try {
            return new ArrayList<>(bySeq);
        } finally {
            lock.readLock().unlock();
        }
    }
}
