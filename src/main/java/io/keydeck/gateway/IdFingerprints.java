package io.keydeck.gateway;

/**
 * The ids a listing has seen, kept as 64-bit fingerprints in one open-addressing table: 8-16 bytes an id
 * instead of ~120 for a {@code HashSet<String>}, so a {@link PagingGuard} over the 2,000,000-item cap
 * stays within a few tens of MB. Two ids with the same fingerprint (odds ~10^-7 at the cap) count as one,
 * which can only make a page look less new, never let a repeating gateway page on.
 */
final class IdFingerprints {
    private long[] slots = new long[1024];
    private int size;

    /** Adds {@code id}; true when it was not seen before. */
    boolean add(String id) {
        if (size * 2 >= slots.length) {
            grow();
        }
        boolean added = place(slots, fingerprint(id));
        if (added) {
            size++;
        }
        return added;
    }

    int size() {
        return size;
    }

    private static boolean place(long[] table, long fingerprint) {
        int mask = table.length - 1;
        for (int i = (int) fingerprint & mask; ; i = (i + 1) & mask) {
            if (table[i] == fingerprint) {
                return false;
            }
            if (table[i] == 0) {
                table[i] = fingerprint;
                return true;
            }
        }
    }

    private void grow() {
        long[] old = slots;
        slots = new long[old.length * 2];
        for (long f : old) {
            if (f != 0) {
                place(slots, f);
            }
        }
    }

    /** FNV-1a over the UTF-16 units, finished with MurmurHash3's mixer; never 0 (the empty slot). */
    static long fingerprint(String id) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < id.length(); i++) {
            h = (h ^ id.charAt(i)) * 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb93c185ce53bL;
        h ^= h >>> 33;
        return h == 0 ? 1 : h;
    }
}
