package io.keydeck.ui.review;

import io.keydeck.gateway.GatewayClient;
import io.keydeck.review.ConnectionReview;
import io.keydeck.settings.EnvironmentTag;
import io.keydeck.settings.ReviewThresholds;
import io.keydeck.session.ConnectionSession;
import io.keydeck.ui.common.BackgroundTasks;
import io.keydeck.ui.common.StatusLine;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.concurrent.Task;

import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Reviews connections on the app's pool, one task per connection, keeping the latest answer of each (a
 * review, or why it failed, and the client that answered); what it records runs on the FX thread.
 */
final class ConnectionReviews {
    private final BackgroundTasks tasks;
    private final ResourceBundle messages;
    private final Clock clock;
    private final StatusLine status;
    private final Function<ConnectionSession, EnvironmentTag> environmentTag;
    private final Supplier<ReviewThresholds> thresholds;
    private final Runnable changed;
    private final Supplier<String> summary;

    final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper("");

    private final Map<ConnectionSession, ConnectionReview> reviews = new LinkedHashMap<>();
    private final Map<ConnectionSession, String> problems = new HashMap<>();
    private final Map<ConnectionSession, GatewayClient> clients = new HashMap<>();
    private final Map<ConnectionSession, Task<?>> runningTasks = new HashMap<>();
    /** What the status line keeps saying after the next review ends (the gateway's answer to a revoke). */
    private String noticeAfterRun;

    /**
     * {@code changed} runs after each answer is recorded; {@code summary} is what the status line says once
     * all are in.
     */
    ConnectionReviews(BackgroundTasks tasks, ResourceBundle messages, Clock clock, StatusLine status,
                      Function<ConnectionSession, EnvironmentTag> environmentTag,
                      Supplier<ReviewThresholds> thresholds, Runnable changed, Supplier<String> summary) {
        this.tasks = tasks;
        this.messages = messages;
        this.clock = clock;
        this.status = status;
        this.environmentTag = environmentTag;
        this.thresholds = thresholds;
        this.changed = changed;
        this.summary = summary;
    }

    /** Forgets every review and problem and reviews {@code sessions} again. */
    void restart(List<ConnectionSession> sessions) {
        runningTasks.values().forEach(Task::cancel);
        runningTasks.clear();
        reviews.clear();
        problems.clear();
        for (ConnectionSession session : sessions) {
            review(session);
        }
    }

    void cancel() {
        runningTasks.values().forEach(Task::cancel);
    }

    /** Reviews {@code session} again; once all reviews are in, the status line keeps saying {@code notice}. */
    void reviewAgain(ConnectionSession session, String notice) {
        noticeAfterRun = notice;
        review(session);
    }

    ConnectionReview reviewOf(ConnectionSession session) {
        return reviews.get(session);
    }

    boolean failed(ConnectionSession session) {
        return problems.containsKey(session);
    }

    String problemOf(ConnectionSession session) {
        return problems.get(session);
    }

    /** The client that answered the connection's last review, or null before one succeeded. */
    GatewayClient clientOf(ConnectionSession session) {
        return clients.get(session);
    }

    int reviewedCount() {
        return reviews.size();
    }

    private void review(ConnectionSession session) {
        Task<?> previous = runningTasks.remove(session);
        if (previous != null) {
            previous.cancel();
        }
        ConnectionReviewTask task = new ConnectionReviewTask(session,
                environmentTag.apply(session) == EnvironmentTag.PRODUCTION,
                ReviewViewModel.thresholdsOf(thresholds.get()), clock.instant(), messages);
        runningTasks.put(session, task);
        updateRunning();
        task.messageProperty().addListener((obs, old, message) -> {
            if (runningTasks.get(session) == task && !message.isEmpty()) {
                progressText.set(message);
                status.busy(message);
            }
        });
        task.setOnSucceeded(e -> finished(session, task, () -> {
            reviews.put(session, task.getValue().review());
            clients.put(session, task.getValue().client());
            problems.remove(session);
        }));
        task.setOnFailed(e -> finished(session, task, () -> {
            reviews.remove(session);
            problems.put(session, ReviewViewModel.describe(task.getException()));
        }));
        task.setOnCancelled(e -> finished(session, task, () -> { }));
        tasks.run(task);
    }

    private void finished(ConnectionSession session, Task<?> task, Runnable record) {
        if (runningTasks.get(session) != task) {
            return;
        }
        runningTasks.remove(session);
        record.run();
        changed.run();
        updateRunning();
        if (runningTasks.isEmpty()) {
            status.show(noticeAfterRun == null ? summary.get() : noticeAfterRun);
            noticeAfterRun = null;
        }
    }

    private void updateRunning() {
        running.set(!runningTasks.isEmpty());
        if (runningTasks.isEmpty()) {
            progressText.set("");
        } else {
            progressText.set(messages.getString("review.running"));
            status.busy(messages.getString("review.running"));
        }
    }
}
