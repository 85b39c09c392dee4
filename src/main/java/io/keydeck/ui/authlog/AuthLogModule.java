package io.keydeck.ui.authlog;

import io.keydeck.model.ApiKey;
import io.keydeck.ui.journal.WindowJournal;
import io.keydeck.ui.shell.ConsoleAuthFailures;
import io.keydeck.ui.shell.WindowContext;

import java.util.function.Consumer;

/**
 * Registers the Auth log view, which also shows this console's own refused calls; a key revoked or
 * disabled from one of its signals is journaled and handed to {@code keysView}.
 */
public final class AuthLogModule {
    private AuthLogModule() {
    }

    public static void register(WindowContext window, ConsoleAuthFailures consoleAuthFailures, WindowJournal journal,
                                Consumer<ApiKey> keysView) {
        window.controllers().register(AuthLogController.class, () -> {
            AuthLogViewModel viewModel = new AuthLogViewModel(window.active(), window.tasks(), window.messages(),
                    window.relativeTime(), window.status(), window.navigation(), consoleAuthFailures);
            return new AuthLogController(viewModel, new SignalKeyActions(viewModel, window.active(), window.tasks(),
                    window.messages(), window.clock(), window.status(), journal, keysView), window.messages(),
                    window.clock().getZone());
        });
    }
}
