package io.keydeck.ui.shell;

import io.keydeck.ui.common.BackgroundTasks;
import io.keydeck.ui.common.ControllerFactory;
import io.keydeck.ui.common.RelativeTime;
import io.keydeck.ui.common.StatusLine;

import java.time.Clock;
import java.util.ResourceBundle;

/**
 * What every feature of the window is built from, handed to each feature's module so it can register
 * its own controllers; start-up only assembles the features.
 *
 * @param controllers where a feature registers the controllers its FXML names
 */
public record WindowContext(ControllerFactory controllers, BackgroundTasks tasks, ActiveConnection active,
                            ResourceBundle messages, Clock clock, StatusLine status, Navigation navigation) {

    /** "3 days ago" in the window's clock and language. */
    public RelativeTime relativeTime() {
        return new RelativeTime(clock, messages);
    }
}
