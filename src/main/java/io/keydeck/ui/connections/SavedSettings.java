package io.keydeck.ui.connections;

import io.keydeck.settings.Settings;
import io.keydeck.settings.SettingsStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/**
 * The settings as last changed, each change written to {@code settings.json} after the one before it on
 * the pool (nothing is written without a store: fixed sessions); changes are made on the FX thread.
 * Each change is applied again to the file as it is when written ({@link SettingsStore#update}), so a
 * connection another process added meanwhile is kept; the file's new content, with the changes not yet
 * written on top, becomes the current settings, and whoever listens is told what changed.
 */
final class SavedSettings {
    private static final Logger LOG = LoggerFactory.getLogger(SavedSettings.class);

    private final SettingsStore store;
    private final Executor executor;
    private final ConnectionNotices banners;
    private Settings settings;
    private CompletableFuture<Void> saving = CompletableFuture.completedFuture(null);
    /** Changes made here and not yet written, in order; re-applied over what another writer saved. */
    private final List<UnaryOperator<Settings>> unsaved = new ArrayList<>();
    private BiConsumer<Settings, Settings> changedElsewhere = (before, after) -> { };
    private AutoCloseable watch;

    /** {@code store} null keeps the settings in memory only. */
    SavedSettings(SettingsStore store, Settings settings, Executor executor, ConnectionNotices banners) {
        this.store = store;
        this.settings = settings;
        this.executor = executor;
        this.banners = banners;
    }

    Settings current() {
        return settings;
    }

    /** True when changes go to a settings file. */
    boolean kept() {
        return store != null;
    }

    /**
     * Applies {@code change} and saves it in the background; the banners say whether it was saved.
     * {@code change} sets values (it may be applied more than once, to the file's newer content).
     */
    void change(UnaryOperator<Settings> change) {
        settings = change.apply(settings);
        save(change);
    }

    /**
     * Starts noticing changes another writer makes to the file; {@code listener} gets the settings
     * before and after, on the FX thread. Without a store there is nothing to watch.
     */
    void watch(BiConsumer<Settings, Settings> listener) {
        changedElsewhere = listener;
        if (store == null) {
            return;
        }
        try {
            watch = store.watch(onDisk -> Connections.fx(() -> adopt(onDisk)));
        } catch (IOException e) {
            LOG.warn("Changes other programs make to the settings will show after a restart: {}", e.toString());
        }
    }

    /** The file's content with the changes not yet written on top becomes current; FX thread. */
    private void adopt(Settings onDisk) {
        Settings rebased = onDisk;
        for (UnaryOperator<Settings> change : unsaved) {
            rebased = change.apply(rebased);
        }
        Settings before = settings;
        settings = rebased;
        if (!before.equals(rebased)) {
            changedElsewhere.accept(before, rebased);
        }
    }

    /** Waits until every save asked for so far is on disk. */
    void awaitSaved() {
        try {
            saving.get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new CompletionException(e);
        }
    }

    /** Lets pending saves finish (briefly) before the app exits, and stops watching the file. */
    void awaitBeforeExit() {
        if (watch != null) {
            try {
                watch.close();
            } catch (Exception e) {
                LOG.debug("Stopping the settings watch: {}", e.toString());
            }
        }
        try {
            saving.get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.warn("Settings may not have been saved before exit: {}", e.toString());
        }
    }

    private void save(UnaryOperator<Settings> change) {
        if (store == null) {
            return;
        }
        unsaved.add(change);
        saving = saving.handle((ok, error) -> null).thenRunAsync(() -> {
            try {
                Settings written = store.update(change);
                Connections.fx(() -> {
                    unsaved.remove(change);
                    adopt(written);
                    banners.settingsSaved();
                });
            } catch (IOException e) {
                LOG.warn("Saving settings failed: {}", e.getMessage());
                Connections.fx(() -> {
                    unsaved.remove(change);
                    banners.settingsNotSaved(e.getMessage());
                });
            }
        }, executor);
    }
}
