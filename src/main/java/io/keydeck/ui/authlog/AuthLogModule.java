package io.keydeck.ui.authlog;

import io.keydeck.ui.shell.WindowContext;

/** Registers the Auth log view, which also shows this console's own refused calls. */
public final class AuthLogModule {
    private AuthLogModule() {
    }

    public static void register(WindowContext window, ConsoleAuthFailures consoleAuthFailures) {
        window.controllers().register(AuthLogController.class, () -> new AuthLogController(new AuthLogViewModel(
                window.active(), window.tasks(), window.messages(), window.relativeTime(), window.status(),
                window.navigation(), consoleAuthFailures), window.messages(), window.clock().getZone()));
    }
}
