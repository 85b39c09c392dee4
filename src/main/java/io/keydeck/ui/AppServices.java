package io.keydeck.ui;

import io.keydeck.ui.authlog.ConsoleAuthFailures;
import io.keydeck.ui.common.BackgroundTasks;
import io.keydeck.ui.common.StatusLine;

import java.time.Clock;
import java.util.List;
import java.util.ResourceBundle;

/**
 * The app-wide objects controllers are built from, made once at start-up. Passed to the controller
 * registry instead of living in static singletons, so a test can build the window around a fake.
 */
public record AppServices(BackgroundTasks tasks, List<ConnectionSession> connections, ActiveConnection active,
                          ResourceBundle messages, Clock clock, StatusLine status,
                          Navigation navigation, ConsoleAuthFailures consoleAuthFailures) {

    public static final String MESSAGES = "io.keydeck.ui.messages";

    public AppServices {
        connections = List.copyOf(connections);
    }

    /** As before the console's own auth failures were kept: starts an empty record of them. */
    public AppServices(BackgroundTasks tasks, List<ConnectionSession> connections, ActiveConnection active,
                       ResourceBundle messages, Clock clock, StatusLine status, Navigation navigation) {
        this(tasks, connections, active, messages, clock, status, navigation, new ConsoleAuthFailures(clock));
    }

    /** Services around {@code connections}, the first one active. */
    public static AppServices of(BackgroundTasks tasks, List<ConnectionSession> connections, Clock clock) {
        ResourceBundle messages = ResourceBundle.getBundle(MESSAGES);
        ActiveConnection active = new ActiveConnection(connections.isEmpty() ? null : connections.get(0));
        return new AppServices(tasks, connections, active, messages, clock, new StatusLine(), new Navigation(),
                new ConsoleAuthFailures(clock));
    }
}
