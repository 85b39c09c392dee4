package io.keydeck.ui.connections;

import io.keydeck.settings.Settings;
import io.keydeck.settings.SettingsStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/**
 * The settings as last changed, each change written to {@code settings.json} after the one before it on
 * the pool (nothing is written without a store: fixed sessions); changes are made on the FX thread.
 */
final class SavedSettings {
    private static final Logger LOG = LoggerFactory.getLogger(SavedSettings.class);

    private final SettingsStore store;
    private final Executor executor;
    private final ConnectionNotices banners;
    private Settings settings;
    private CompletableFuture<Void> saving = CompletableFuture.completedFuture(null);

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

    /** Applies {@code change} and saves the result in the background; the banners say whether it was saved. */
    void change(UnaryOperator<Settings> change) {
        settings = change.apply(settings);
        save();
    }

    /** Waits until every save asked for so far is on disk. */
    void awaitSaved() {
        try {
            saving.get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new CompletionException(e);
        }
    }

    /** Lets pending saves finish (briefly) before the app exits. */
    void awaitBeforeExit() {
        try {
            saving.get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.warn("Settings may not have been saved before exit: {}", e.toString());
        }
    }

    private void save() {
        if (store == null) {
            return;
        }
        Settings snapshot = settings;
        saving = saving.handle((ok, error) -> null).thenRunAsync(() -> {
            try {
                store.save(snapshot);
                Connections.fx(banners::settingsSaved);
            } catch (IOException e) {
                LOG.warn("Saving settings failed: {}", e.getMessage());
                Connections.fx(() -> banners.settingsNotSaved(e.getMessage()));
            }
        }, executor);
    }
}
