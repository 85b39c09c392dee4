package io.keydeck.ui.review;

import io.keydeck.gateway.GatewayClient;
import io.keydeck.gateway.GatewayException;
import io.keydeck.model.Capability;
import io.keydeck.review.ConnectionReview;
import io.keydeck.review.Finding;
import io.keydeck.review.FixAction;
import io.keydeck.review.ReportData;
import io.keydeck.review.ReportFormat;
import io.keydeck.review.ReviewRules;
import io.keydeck.review.Severity;
import io.keydeck.review.SeverityCounts;
import io.keydeck.review.SkippedRule;
import io.keydeck.review.Thresholds;
import io.keydeck.settings.EnvironmentTag;
import io.keydeck.settings.ReviewThresholds;
import io.keydeck.ui.ActiveConnection;
import io.keydeck.ui.ConnectionSession;
import io.keydeck.ui.Navigation;
import io.keydeck.ui.common.BackgroundTasks;
import io.keydeck.ui.common.StatusLine;
import io.keydeck.ui.dialogs.RevokeKeysViewModel;
import io.keydeck.ui.journal.WindowJournal;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;

import java.nio.file.Path;
import java.text.MessageFormat;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The Review view's state: which connections to review, the findings and per-connection summaries,
 * and the fixes (revoke here, rotate and set expiry in the Keys view). Every method runs on the FX
 * thread; gateway calls and file writes go to the background pool.
 */
public final class ReviewViewModel {
    /** What to review: one connection, or all of them when {@code session} is null. */
    public record Scope(ConnectionSession session) {
    }

    private final List<ConnectionSession> connections;
    private final ActiveConnection active;
    private final BackgroundTasks tasks;
    private final ResourceBundle messages;
    private final Clock clock;
    private final StatusLine status;
    private final Navigation navigation;
    private final Function<ConnectionSession, EnvironmentTag> environmentTag;
    private final Supplier<ReviewThresholds> thresholds;
    private WindowJournal journal;

    private final ObservableList<Scope> scopes = FXCollections.observableArrayList();
    private final ObjectProperty<Scope> scope = new SimpleObjectProperty<>();
    private final ObjectProperty<Severity> minimumSeverity = new SimpleObjectProperty<>(Severity.LOW);
    private final ObservableList<Finding> findings = FXCollections.observableArrayList();
    private final ObservableList<ConnectionSummary> summaries = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper canExport = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper severalConnections = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");

    private final Map<ConnectionSession, ConnectionReview> reviews = new LinkedHashMap<>();
    private final Map<ConnectionSession, String> problems = new HashMap<>();
    private final Map<ConnectionSession, GatewayClient> clients = new HashMap<>();
    private final Map<ConnectionSession, Task<?>> runningTasks = new HashMap<>();
    /** What the status line keeps saying after the next review ends (the gateway's answer to a revoke). */
    private String noticeAfterRun;

    public ReviewViewModel(List<ConnectionSession> connections, ActiveConnection active, BackgroundTasks tasks,
                           ResourceBundle messages, Clock clock, StatusLine status, Navigation navigation,
                           Function<ConnectionSession, EnvironmentTag> environmentTag,
                           Supplier<ReviewThresholds> thresholds) {
        this.connections = List.copyOf(connections);
        this.active = active;
        this.tasks = tasks;
        this.messages = messages;
        this.clock = clock;
        this.status = status;
        this.navigation = navigation;
        this.environmentTag = environmentTag;
        this.thresholds = thresholds;
        scopes.add(new Scope(null));
        this.connections.forEach(session -> scopes.add(new Scope(session)));
        scope.set(scopes.get(0));
        scope.addListener((obs, old, now) -> run());
        minimumSeverity.addListener((obs, old, now) -> showFindings());
    }

    /** The settings' thresholds as the rules take them. */
    public static Thresholds thresholdsOf(ReviewThresholds settings) {
        return new Thresholds(settings.neverUsedDays(), settings.staleDays(), settings.expiringSoonDays(),
                settings.rotationDays());
    }

    public ObservableList<Scope> scopes() {
        return scopes;
    }

    public ObjectProperty<Scope> scopeProperty() {
        return scope;
    }

    public String scopeText(Scope choice) {
        return choice == null || choice.session() == null ? messages.getString("review.scope.all")
                : choice.session().displayName();
    }

    /** Findings less severe than this are hidden. */
    public ObjectProperty<Severity> minimumSeverityProperty() {
        return minimumSeverity;
    }

    /** The findings of the connections in scope, at least {@link #minimumSeverityProperty()}, most severe first. */
    public ObservableList<Finding> findings() {
        return findings;
    }

    public ObservableList<ConnectionSummary> summaries() {
        return summaries;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** True once at least one connection has been reviewed. */
    public ReadOnlyBooleanProperty canExportProperty() {
        return canExport.getReadOnlyProperty();
    }

    /** True when more than one connection is in scope, so findings say which connection they are from. */
    public ReadOnlyBooleanProperty severalConnectionsProperty() {
        return severalConnections.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty progressTextProperty() {
        return progressText.getReadOnlyProperty();
    }

    /** "48 keys in 1 connection · 3 high, 12 medium, 20 low". */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** Reviews every connection in scope again, each in its own background task. */
    public void run() {
        runningTasks.values().forEach(Task::cancel);
        runningTasks.clear();
        reviews.clear();
        problems.clear();
        for (ConnectionSession session : inScope()) {
            review(session);
        }
        showFindings();
    }

    public void cancel() {
        runningTasks.values().forEach(Task::cancel);
    }

    private List<ConnectionSession> inScope() {
        Scope chosen = scope.get();
        return chosen == null || chosen.session() == null ? connections : List.of(chosen.session());
    }

    private void review(ConnectionSession session) {
        Task<?> previous = runningTasks.remove(session);
        if (previous != null) {
            previous.cancel();
        }
        ConnectionReviewTask task = new ConnectionReviewTask(session,
                environmentTag.apply(session) == EnvironmentTag.PRODUCTION, thresholdsOf(thresholds.get()),
                clock.instant(), messages);
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
            problems.put(session, describe(task.getException()));
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
        showFindings();
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

    private void showFindings() {
        List<Finding> all = new ArrayList<>();
        List<ConnectionSummary> cards = new ArrayList<>();
        int keys = 0;
        SeverityCounts totals = SeverityCounts.NONE;
        for (ConnectionSession session : inScope()) {
            ConnectionReview review = reviews.get(session);
            if (review != null) {
                all.addAll(review.findings());
                keys += review.keys().size();
                totals = totals.plus(review.counts());
                cards.add(new ConnectionSummary(session.displayName(), review.keys().size(), review.counts(),
                        review.skipped().stream().map(this::skippedText).toList(), ""));
            } else if (problems.containsKey(session)) {
                cards.add(new ConnectionSummary(session.displayName(), 0, SeverityCounts.NONE, List.of(),
                        problems.get(session)));
            }
        }
        findings.setAll(ReviewRules.sorted(all).stream()
                .filter(f -> f.severity().atLeast(minimumSeverity.get())).toList());
        summaries.setAll(cards);
        canExport.set(!reviews.isEmpty());
        severalConnections.set(inScope().size() > 1);
        summary.set(reviews.isEmpty() ? "" : MessageFormat.format(messages.getString("review.summary"), keys,
                reviews.size(), totals.high(), totals.medium(), totals.low()));
    }

    private String skippedText(SkippedRule skipped) {
        return MessageFormat.format(messages.getString("review.skipped"), skipped.rule().title(), skipped.reason());
    }

    /** "3 high · 12 medium · 20 low" for a summary card. */
    public String countsText(ConnectionSummary card) {
        SeverityCounts c = card.counts();
        return MessageFormat.format(messages.getString("review.card.counts"), card.keys(), c.high(), c.medium(), c.low());
    }

    /** The fix button's label: "Revoke…", "Rotate…", "Set expiry…", "Investigate…". */
    public String actionText(FixAction action) {
        return messages.getString("review.action." + action.label());
    }

    /** Why the fix cannot be done here (the driver cannot revoke), or empty when it can. */
    public Optional<String> actionUnavailable(Finding finding) {
        if (finding.action() != FixAction.REVOKE) {
            return Optional.empty();
        }
        GatewayClient client = clients.get(sessionOf(finding));
        if (client != null && !client.driver().capabilities().contains(Capability.REVOKE_KEY)) {
            return Optional.of(client.driver().unsupportedReason(Capability.REVOKE_KEY));
        }
        return Optional.empty();
    }

    /** Records the revokes confirmed in this view in {@code journal}. */
    public ReviewViewModel journalTo(WindowJournal journal) {
        this.journal = journal;
        return this;
    }

    /**
     * The shared revoke confirmation for the finding's key (it names the key and asks a live key's name
     * to be typed); each answer of the gateway goes to the status line and reviews the connection again.
     * Empty while the connection has not been reviewed.
     */
    public Optional<RevokeKeysViewModel> revokeDialog(Finding finding) {
        ConnectionSession session = sessionOf(finding);
        GatewayClient client = clients.get(session);
        if (client == null) {
            return Optional.empty();
        }
        GatewayClient revoking = journal == null ? client
                : journal.watching(client, session.displayName(), List.of(finding.key()));
        RevokeKeysViewModel dialog = new RevokeKeysViewModel(List.of(finding.key()), revoking, tasks, messages, clock,
                revoked -> { });
        dialog.outcomes().addListener((ListChangeListener<RevokeKeysViewModel.Outcome>) change -> {
            while (change.next()) {
                change.getAddedSubList().forEach(outcome -> afterRevoke(session, outcome));
            }
        });
        return Optional.of(dialog);
    }

    private void afterRevoke(ConnectionSession session, RevokeKeysViewModel.Outcome outcome) {
        String answer = MessageFormat.format(messages.getString("review.revokeOutcome"), outcome.key().name(),
                outcome.key().hint(), outcome.message());
        status.show(answer);
        if (outcome.revoked() && inScope().contains(session)) {
            noticeAfterRun = answer;
            review(session);
        }
    }

    /** Opens the finding's key in the Keys view of its connection, where rotate and set expiry live. */
    public void openKey(Finding finding) {
        ConnectionSession session = sessionOf(finding);
        if (session != null && active.session() != session) {
            active.sessionProperty().set(session);
        }
        navigation.showKey(finding.key().id());
    }

    /** What a report made now would contain: the connections in scope that were reviewed. */
    public ReportData reportData() {
        List<ConnectionReview> inReport = inScope().stream().map(reviews::get).filter(r -> r != null).toList();
        return new ReportData(clock.instant(), inReport);
    }

    /** A file name that says what and when, e.g. {@code keydeck-review-2026-03-10.html}. */
    public String suggestedFileName(ReportFormat format) {
        return ReportExport.suggestedFileName(format, clock.instant());
    }

    /** Writes what the view shows as a report, off the FX thread; the status line says where it went. */
    public Task<Void> export(ReportFormat format, Path file) {
        return new ReportExport(tasks, status, messages).write(format, reportData(), file);
    }

    private ConnectionSession sessionOf(Finding finding) {
        return connections.stream().filter(s -> s.displayName().equals(finding.connection())).findFirst().orElse(null);
    }

    static String describe(Throwable failure) {
        if (failure instanceof GatewayException gatewayException) {
            return gatewayException.describe();
        }
        return failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
    }
}
