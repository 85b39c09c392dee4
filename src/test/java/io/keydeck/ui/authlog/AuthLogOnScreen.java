package io.keydeck.ui.authlog;

import io.keydeck.authlog.TestEvents;
import io.keydeck.model.AuthEvent;
import io.keydeck.session.ConnectionSession;
import io.keydeck.ui.AppServices;
import io.keydeck.ui.AppWindow;
import io.keydeck.ui.FakeGatewayClient;
import io.keydeck.ui.common.BackgroundTasks;
import io.keydeck.ui.common.FxmlView;
import io.keydeck.ui.common.Theme;
import javafx.stage.Stage;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** The main window on the Auth log, over one fake gateway ("Staging gateway"), its clock stopped at {@code now}. */
final class AuthLogOnScreen {
    private AuthLogOnScreen() {
    }

    static void show(Stage stage, BackgroundTasks tasks, FakeGatewayClient gateway, Instant now) {
        AppServices services = AppServices.of(tasks, List.of(ConnectionSession.of("Staging gateway", false, gateway)),
                Clock.fixed(now, ZoneOffset.UTC));
        Theme.LIGHT.apply();
        stage.setScene(AppWindow.scene(services));
        stage.show();
        services.navigation().show(FxmlView.AUTH_LOG);
    }

    /** 30 invalid-key failures every 10 minutes for 5 hours, the newest 2 minutes before {@code now}. */
    static List<AuthEvent> everyTenMinutes(Instant now) {
        List<AuthEvent> events = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            events.add(TestEvents.invalid("evt_" + i, now.minus(Duration.ofMinutes(2 + 10L * i)), "x" + i, "10.0.0.9"));
        }
        return events;
    }
}
