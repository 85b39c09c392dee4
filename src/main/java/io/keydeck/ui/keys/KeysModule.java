package io.keydeck.ui.keys;

import io.keydeck.model.ApiKey;
import io.keydeck.session.ConnectionSession;
import io.keydeck.ui.shell.ConsoleAuthFailures;
import io.keydeck.ui.common.FxmlView;
import io.keydeck.ui.journal.WindowJournal;
import io.keydeck.ui.shell.WindowContext;

import java.util.List;
import java.util.function.Consumer;

/**
 * Registers the Keys view with its actions and dialogs; its keys start loading at once when it opens first.
 * Returns where other views hand a key they changed (revoked from an auth-log signal), so its row follows.
 */
public final class KeysModule {
    private KeysModule() {
    }

    public static Consumer<ApiKey> register(WindowContext window, List<ConnectionSession> connections,
                                            WindowJournal journal, SecretSettings secretSettings,
                                            ConsoleAuthFailures consoleAuthFailures) {
        KeysViewModel keys = new KeysViewModel(window.active(), window.tasks(), window.messages(),
                window.relativeTime(), window.status(), window.navigation())
                .reportAuthFailuresTo(consoleAuthFailures);
        if (window.navigation().viewProperty().get() == FxmlView.KEYS) {
            keys.loadUnlessStarted(); // a large account's keys arrive while the window is still being built
        }
        window.controllers().register(KeysController.class, () -> new KeysController(keys, new KeyActions(keys,
                window.tasks(), window.messages(), window.status(), secretSettings, window.clock())
                .journalTo(journal, window.active()).searchingLeaksIn(connections),
                new UsageSparklineColumn(window.active(), window.tasks(), window.clock(), window.messages())));
        return keys::replace;
    }
}
