package io.keydeck.ui.connections;

import io.keydeck.gateway.GatewayDriver;
import io.keydeck.ui.shell.WindowContext;

/** Registers the connection sidebar and the banners across the top of the window. */
public final class ConnectionsModule {
    private ConnectionsModule() {
    }

    public static void register(WindowContext window, Connections saved) {
        window.controllers().register(ConnectionSidebarController.class, () -> new ConnectionSidebarController(
                new ConnectionSidebarViewModel(saved, window.tasks(), window.messages(), window.relativeTime(),
                        GatewayDriver::installed),
                window.messages()));
        window.controllers().register(NoticeBarController.class, () -> new NoticeBarController(saved.notices()));
    }
}
