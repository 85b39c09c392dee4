package io.keydeck.ui.usage;

import io.keydeck.ui.shell.WindowContext;

/** Registers the Usage view. */
public final class UsageModule {
    private UsageModule() {
    }

    public static void register(WindowContext window) {
        window.controllers().register(UsageController.class, () -> new UsageController(new UsageViewModel(
                window.active(), window.tasks(), window.messages(), window.clock(), window.status(),
                window.navigation())));
    }
}
