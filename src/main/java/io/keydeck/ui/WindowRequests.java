package io.keydeck.ui;

import io.keydeck.instance.WindowRequest;
import io.keydeck.session.ConnectionSession;
import io.keydeck.ui.common.FxmlView;
import javafx.application.Platform;
import javafx.stage.Stage;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Does what a start asked the window to open ({@code --view}, {@code --connection}): at the first
 * start, and when a later start hands its request to the window already open, which then comes to the
 * front. The answer is the sentence the later start prints.
 */
final class WindowRequests {
    private static final Map<String, FxmlView> VIEWS = Map.of("keys", FxmlView.KEYS, "usage", FxmlView.USAGE,
            "auth-log", FxmlView.AUTH_LOG, "review", FxmlView.REVIEW, "journal", FxmlView.JOURNAL);

    private final AppServices services;
    private final Stage stage;

    WindowRequests(AppServices services, Stage stage) {
        this.services = services;
        this.stage = stage;
    }

    /** Applies {@code request}; returns what was done, in words. FX thread. */
    String apply(WindowRequest request) {
        StringBuilder done = new StringBuilder();
        request.viewToShow().map(VIEWS::get).ifPresent(view -> {
            services.navigation().show(view);
            done.append(" It shows ").append(request.view()).append('.');
        });
        request.connectionToSelect().ifPresent(name -> {
            ConnectionSession match = services.savedConnections().sessions().stream()
                    .filter(session -> session.displayName().equals(name)).findFirst().orElse(null);
            if (match == null) {
                done.append(" There is no saved connection named \"").append(name.replaceAll("\\p{Cntrl}", "?"))
                        .append("\".");
            } else {
                services.savedConnections().select(match);
                done.append(" Connection \"").append(name).append("\" is selected.");
            }
        });
        return done.toString();
    }

    /** A later start's request, from the channel's thread: the window comes to the front and does it. */
    String handOver(WindowRequest request) throws Exception {
        CompletableFuture<String> answer = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                if (stage.isIconified()) {
                    stage.setIconified(false);
                }
                stage.show();
                stage.toFront();
                stage.requestFocus();
                answer.complete("KeyDeck is already open; its window was brought to the front." + apply(request));
            } catch (RuntimeException e) {
                answer.completeExceptionally(e);
            }
        });
        return answer.get(10, TimeUnit.SECONDS);
    }
}
