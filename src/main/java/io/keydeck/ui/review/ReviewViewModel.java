package io.keydeck.ui.review;

import io.keydeck.gateway.GatewayException;
import io.keydeck.review.ConnectionReview;
import io.keydeck.review.Finding;
import io.keydeck.review.FixAction;
import io.keydeck.review.ReportData;
import io.keydeck.review.ReportFormat;
import io.keydeck.review.Severity;
import io.keydeck.review.Thresholds;
import io.keydeck.settings.EnvironmentTag;
import io.keydeck.settings.ReviewThresholds;
import io.keydeck.ui.shell.ActiveConnection;
import io.keydeck.session.ConnectionSession;
import io.keydeck.session.ReviewGathering;
import io.keydeck.ui.shell.Navigation;
import io.keydeck.ui.common.BackgroundTasks;
import io.keydeck.ui.common.StatusLine;
import io.keydeck.ui.keys.RevokeKeysViewModel;
import io.keydeck.ui.journal.WindowJournal;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
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
    private final BackgroundTasks tasks;
    private final ResourceBundle messages;
    private final Clock clock;
    private final StatusLine status;

    private final ObservableList<Scope> scopes = FXCollections.observableArrayList();
    private final ObjectProperty<Scope> scope = new SimpleObjectProperty<>();
    private final ObjectProperty<Severity> minimumSeverity = new SimpleObjectProperty<>(Severity.LOW);
    private final ShownFindings shown;
    private final ConnectionReviews reviews;
    private final FindingFixes fixes;

    public ReviewViewModel(List<ConnectionSession> connections, ActiveConnection active, BackgroundTasks tasks,
                           ResourceBundle messages, Clock clock, StatusLine status, Navigation navigation,
                           Function<ConnectionSession, EnvironmentTag> environmentTag,
                           Supplier<ReviewThresholds> thresholds) {
        this.connections = List.copyOf(connections);
        this.tasks = tasks;
        this.messages = messages;
        this.clock = clock;
        this.status = status;
        this.shown = new ShownFindings(messages);
        this.reviews = new ConnectionReviews(tasks, messages, clock, status, environmentTag, thresholds,
                this::showFindings, shown.summary::get);
        this.fixes = new FindingFixes(this.connections, reviews, active, tasks, messages, clock, status, navigation,
                (session, answer) -> {
                    if (inScope().contains(session)) {
                        reviews.reviewAgain(session, answer);
                    }
                });
        scopes.add(new Scope(null));
        this.connections.forEach(session -> scopes.add(new Scope(session)));
        scope.set(scopes.get(0));
        scope.addListener((obs, old, now) -> run());
        minimumSeverity.addListener((obs, old, now) -> showFindings());
    }

    /** The settings' thresholds as the rules take them. */
    public static Thresholds thresholdsOf(ReviewThresholds settings) {
        return ReviewGathering.thresholds(settings);
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
        return shown.findings;
    }

    public ObservableList<ConnectionSummary> summaries() {
        return shown.summaries;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return reviews.running.getReadOnlyProperty();
    }

    /** True once at least one connection has been reviewed. */
    public ReadOnlyBooleanProperty canExportProperty() {
        return shown.canExport.getReadOnlyProperty();
    }

    /** True when more than one connection is in scope, so findings say which connection they are from. */
    public ReadOnlyBooleanProperty severalConnectionsProperty() {
        return shown.severalConnections.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty progressTextProperty() {
        return reviews.progressText.getReadOnlyProperty();
    }

    /** "48 keys in 1 connection · 3 high, 12 medium, 20 low". */
    public ReadOnlyStringProperty summaryProperty() {
        return shown.summary.getReadOnlyProperty();
    }

    /** Reviews every connection in scope again, each in its own background task. */
    public void run() {
        reviews.restart(inScope());
        showFindings();
    }

    public void cancel() {
        reviews.cancel();
    }

    private List<ConnectionSession> inScope() {
        Scope chosen = scope.get();
        return chosen == null || chosen.session() == null ? connections : List.of(chosen.session());
    }

    private void showFindings() {
        shown.show(inScope(), reviews, minimumSeverity.get());
    }

    /** "3 high · 12 medium · 20 low" for a summary card. */
    public String countsText(ConnectionSummary card) {
        return shown.countsText(card);
    }

    /** The fix button's label: "Revoke…", "Rotate…", "Set expiry…", "Investigate…". */
    public String actionText(FixAction action) {
        return messages.getString("review.action." + action.label());
    }

    /** Why the fix cannot be done here (the driver cannot revoke), or empty when it can. */
    public Optional<String> actionUnavailable(Finding finding) {
        return fixes.actionUnavailable(finding);
    }

    /** Records the revokes confirmed in this view in {@code journal}. */
    public ReviewViewModel journalTo(WindowJournal journal) {
        fixes.journalTo(journal);
        return this;
    }

    /**
     * The shared revoke confirmation for the finding's key (it names the key and asks a live key's name
     * to be typed); each answer of the gateway goes to the status line and reviews the connection again.
     * Empty while the connection has not been reviewed.
     */
    public Optional<RevokeKeysViewModel> revokeDialog(Finding finding) {
        return fixes.revokeDialog(finding);
    }

    /** Opens the finding's key in the Keys view of its connection, where rotate and set expiry live. */
    public void openKey(Finding finding) {
        fixes.openKey(finding);
    }

    /** What a report made now would contain: the connections in scope that were reviewed. */
    public ReportData reportData() {
        List<ConnectionReview> inReport = inScope().stream().map(reviews::reviewOf).filter(r -> r != null).toList();
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

    static String describe(Throwable failure) {
        if (failure instanceof GatewayException gatewayException) {
            return gatewayException.describe();
        }
        return failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
    }
}
