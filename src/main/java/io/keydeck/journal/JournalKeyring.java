package io.keydeck.journal;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Where the journal keeps what an attacker with write access to its file must not be able to change:
 * the private signing key, its public key and the anchor (last entry number and hash). In the app this is
 * the OS keychain behind {@code TokenVault}; the journal sees only this narrow view of it, so it does not
 * depend on the vault package. Calls may block (D-Bus, an unlock prompt): never on the FX thread.
 */
public interface JournalKeyring {

    /** Keeps a copy of {@code value} under {@code name}; the caller wipes its own array. */
    void store(String name, char[] value);

    /** A fresh copy (the caller wipes it), or empty when nothing is kept under {@code name}. */
    Optional<char[]> read(String name);

    void delete(String name);

    /** False for a session-only store: then the journal is signed, but not protected across restarts. */
    boolean remembersAcrossRestarts();

    /** Where the key is kept, for messages, e.g. "Secret Service keyring". */
    String description();

    /** A keyring over the methods of a token vault, e.g. {@code of(vault::store, vault::read, …)}. */
    static JournalKeyring of(BiConsumer<String, char[]> store, Function<String, Optional<char[]>> read,
                             Consumer<String> delete, boolean remembers, String description) {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(read, "read");
        Objects.requireNonNull(delete, "delete");
        return new JournalKeyring() {
            @Override
            public void store(String name, char[] value) {
                store.accept(name, value);
            }

            @Override
            public Optional<char[]> read(String name) {
                return read.apply(name);
            }

            @Override
            public void delete(String name) {
                delete.accept(name);
            }

            @Override
            public boolean remembersAcrossRestarts() {
                return remembers;
            }

            @Override
            public String description() {
                return description;
            }
        };
    }

    /**
     * A keyring that is only known later (the app picks its vault in the background): {@code source} is
     * asked once, on the first call, which may block until it is ready.
     */
    static JournalKeyring deferred(Supplier<JournalKeyring> source) {
        Objects.requireNonNull(source, "source");
        return new JournalKeyring() {
            private volatile JournalKeyring resolved;

            private JournalKeyring get() {
                JournalKeyring r = resolved;
                if (r == null) {
                    synchronized (this) {
                        if (resolved == null) {
                            resolved = Objects.requireNonNull(source.get(), "keyring");
                        }
                        r = resolved;
                    }
                }
                return r;
            }

            @Override
            public void store(String name, char[] value) {
                get().store(name, value);
            }

            @Override
            public Optional<char[]> read(String name) {
                return get().read(name);
            }

            @Override
            public void delete(String name) {
                get().delete(name);
            }

            @Override
            public boolean remembersAcrossRestarts() {
                return get().remembersAcrossRestarts();
            }

            @Override
            public String description() {
                return get().description();
            }
        };
    }

    /**
     * Memory only. {@code remembers} true makes it stand in for a real keychain in tests; false is the
     * session-only fallback, which the journal reports as "not protected".
     */
    static JournalKeyring inMemory(boolean remembers, String description) {
        Map<String, char[]> values = new ConcurrentHashMap<>();
        return of((name, value) -> values.put(name, value.clone()),
                name -> Optional.ofNullable(values.get(name)).map(char[]::clone),
                values::remove, remembers, description);
    }
}
