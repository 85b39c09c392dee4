package io.keydeck.ui.review;

import io.keydeck.session.ConnectionSession;
import io.keydeck.settings.EnvironmentTag;
import io.keydeck.settings.ReviewThresholds;
import io.keydeck.ui.journal.WindowJournal;
import io.keydeck.ui.shell.WindowContext;

import java.util.List;
import java.util.function.Supplier;

/** Registers the Review view; a connection without a tag is judged as production unless it is the demo. */
public final class ReviewModule {
    private ReviewModule() {
    }

    public static void register(WindowContext window, List<ConnectionSession> connections,
                                Supplier<ReviewThresholds> thresholds, WindowJournal journal) {
        window.controllers().register(ReviewController.class, () -> new ReviewController(new ReviewViewModel(
                connections, window.active(), window.tasks(), window.messages(), window.clock(), window.status(),
                window.navigation(), session -> session.environmentTag()
                        .orElse(session.isDemo() ? EnvironmentTag.DEVELOPMENT : EnvironmentTag.PRODUCTION),
                thresholds).journalTo(journal)));
    }
}
