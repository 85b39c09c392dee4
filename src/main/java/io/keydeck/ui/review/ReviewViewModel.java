package io.keydeck.ui.review;

import io.keydeck.gateway.GatewayDriver;
import io.keydeck.gateway.GatewayException;
import io.keydeck.model.ApiKey;
import io.keydeck.model.Capability;
import io.keydeck.model.KeyEnvironment;
import io.keydeck.model.RevokeResult;
import io.keydeck.review.ConnectionReview;
import io.keydeck.review.Finding;
import io.keydeck.review.FixAction;
import io.keydeck.review.ReportData;
import io.keydeck.review.ReportFormat;
import io.keydeck.review.ReportWriter;
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
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
    private static final Logger LOG = LoggerFactory.getLogger(ReviewViewModel.class);

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

    private final ObservableList<Scope> scopes = FXCollections.observableArrayList();
    private final ObjectProperty<Scope> scope = new SimpleObjectProperty<>();
    private final ObjectProperty<Severity> minimumSeverity = new SimpleObjectProperty<>(Severity.LOW);
    private final ObservableList<Finding> findings = FXCollections.observableArrayList();
    private final ObservableList<ConnectionSummary> summaries = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper canExport = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");

    private final Map<ConnectionSession, ConnectionReview> reviews = new LinkedHashMap<>();
    private final Map<ConnectionSession, String> problems = new HashMap<>();
    private final Map<ConnectionSession, GatewayDriver> drivers = new HashMap<>();
    private final Map<ConnectionSession, Task<?>> runningTasks = new HashMap<>();

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
            drivers.put(session, task.getValue().driver());
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
            status.show(summary.get());
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
        GatewayDriver driver = drivers.get(sessionOf(finding));
        if (driver != null && !driver.capabilities().contains(Capability.REVOKE_KEY)) {
            return Optional.of(driver.unsupportedReason(Capability.REVOKE_KEY));
        }
        return Optional.empty();
    }

    /** Live keys are revoked only after the user types the key's name. */
    public boolean revokeNeedsTypedName(Finding finding) {
        return finding.key().environment() == KeyEnvironment.LIVE;
    }

    /** "Revoke “billing-service” (mrk_live_…a1b2) in Sandbox? Apps using it stop working at once." */
    public String revokeQuestion(Finding finding) {
        ApiKey key = finding.key();
        return MessageFormat.format(messages.getString("review.revoke.question"), key.name(), key.hint(),
                finding.connection());
    }

    /** Revokes the finding's key off the FX thread, reports the gateway's answer, then reviews its connection again. */
    public void revoke(Finding finding) {
        ConnectionSession session = sessionOf(finding);
        if (session == null) {
            return;
        }
        ApiKey key = finding.key();
        status.busy(MessageFormat.format(messages.getString("review.revoking"), key.name(), key.hint()));
        Task<RevokeResult> task = new Task<>() {
            @Override
            protected RevokeResult call() throws GatewayException, InterruptedException {
                return session.awaitClient().revokeKey(key.id());
            }
        };
        task.setOnSucceeded(e -> {
            RevokeResult result = task.getValue();
            String requestId = result.requestId() == null ? "—" : result.requestId();
            status.show(MessageFormat.format(messages.getString(result.revoked() ? "review.revoked" : "review.notRevoked"),
                    key.name(), key.hint(), requestId));
            if (inScope().contains(session)) {
                review(session);
            }
        });
        task.setOnFailed(e -> status.show(MessageFormat.format(messages.getString("review.revokeFailed"), key.name(),
                key.hint(), describe(task.getException()))));
        tasks.run(task);
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
        return "keydeck-review-" + clock.instant().toString().substring(0, 10) + "." + format.extension();
    }

    /** Writes the report off the FX thread; the status line says where it went (or why not). */
    public Task<Void> export(ReportFormat format, Path file) {
        ReportData data = reportData();
        status.busy(MessageFormat.format(messages.getString("review.exporting"), file));
        Task<Void> task = new Task<>() {
            @Override
            protected Void call() throws Exception {
                ReportWriter.write(format, data, file);
                return null;
            }
        };
        task.setOnSucceeded(e -> status.show(MessageFormat.format(messages.getString("review.exported"),
                format.name(), file.toAbsolutePath())));
        task.setOnFailed(e -> {
            LOG.warn("Writing the report to {} failed: {}", file, task.getException().toString());
            status.show(MessageFormat.format(messages.getString("review.exportFailed"), file,
                    describe(task.getException())));
        });
        return tasks.run(task);
    }

    private ConnectionSession sessionOf(Finding finding) {
        return connections.stream().filter(s -> s.displayName().equals(finding.connection())).findFirst().orElse(null);
    }

    private static String describe(Throwable failure) {
        if (failure instanceof GatewayException gatewayException) {
            return gatewayException.describe();
        }
        return failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
    }
}
