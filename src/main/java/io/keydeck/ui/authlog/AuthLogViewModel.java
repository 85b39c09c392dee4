package io.keydeck.ui.authlog;

import io.keydeck.ui.shell.ConsoleAuthFailures;

import io.keydeck.model.VisibleText;
import io.keydeck.authlog.AuthEventFilter;
import io.keydeck.authlog.AuthEventWindow;
import io.keydeck.authlog.HistogramBucket;
import io.keydeck.authlog.Offender;
import io.keydeck.authlog.Signal;
import io.keydeck.model.ApiKey;
import io.keydeck.model.AuthEvent;
import io.keydeck.gateway.GatewayClient;
import io.keydeck.ui.shell.ActiveConnection;
import io.keydeck.session.ConnectionSession;
import io.keydeck.ui.shell.Navigation;
import io.keydeck.ui.common.BackgroundTasks;
import io.keydeck.ui.common.RelativeTime;
import io.keydeck.ui.common.RetryCountdown;
import io.keydeck.ui.common.StatusLine;
import javafx.beans.InvalidationListener;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.text.MessageFormat;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;

/**
 * The Auth log view's state: a bounded window of the gateway's auth failures (plus this console's own),
 * paged in as the user scrolls, narrowed by filters, with the histogram, top offenders and signals
 * computed from what is shown. All methods run on the FX thread; the network on the app's pool.
 */
public final class AuthLogViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(AuthLogViewModel.class);
    static final int PAGE_SIZE = 500;
    /** At most this many events are held; paging stops there and the summary says so. */
    static final int WINDOW_CAPACITY = 100_000;

    /** The time range filter, evaluated by the gateway. */
    public enum TimeRange {
        HOUR(Duration.ofHours(1)), DAY(Duration.ofDays(1)), WEEK(Duration.ofDays(7)), MONTH(Duration.ofDays(30)),
        ALL(null);

        private final Duration length;

        TimeRange(Duration length) {
            this.length = length;
        }

        Instant since(Instant now) {
            return length == null ? null : now.minus(length);
        }
    }

    private final ActiveConnection connection;
    private final BackgroundTasks tasks;
    private final ResourceBundle messages;
    private final RelativeTime time;
    private final StatusLine status;
    private final Navigation navigation;
    private final AuthEventWindow window;
    private final AuthEventFeed feed;
    private final RetryCountdown retry;
    private final ShownAuthEvents shown;
    private final LiveTail liveTail;

    private final ObjectProperty<TimeRange> timeRange = new SimpleObjectProperty<>(TimeRange.WEEK);
    private final ObjectProperty<Integer> statusFilter = new SimpleObjectProperty<>();
    private final ObjectProperty<String> codeFilter = new SimpleObjectProperty<>();
    private final StringProperty keyFilter = new SimpleStringProperty("");
    private final StringProperty ipFilter = new SimpleStringProperty("");
    private final StringProperty search = new SimpleStringProperty("");
    private final ObjectProperty<HistogramBucket> selectedBucket = new SimpleObjectProperty<>();
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper hasMore = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper errorText = new ReadOnlyStringWrapper("");

    public AuthLogViewModel(ActiveConnection connection, BackgroundTasks tasks, ResourceBundle messages,
                            RelativeTime time, StatusLine status, Navigation navigation, ConsoleAuthFailures console) {
        this(connection, tasks, messages, time, status, navigation, console, PAGE_SIZE, WINDOW_CAPACITY);
    }

    AuthLogViewModel(ActiveConnection connection, BackgroundTasks tasks, ResourceBundle messages, RelativeTime time,
                     StatusLine status, Navigation navigation, ConsoleAuthFailures console, int pageSize,
                     int capacity) {
        this.connection = connection;
        this.tasks = tasks;
        this.messages = messages;
        this.time = time;
        this.status = status;
        this.navigation = navigation;
        this.window = new AuthEventWindow(capacity);
        this.feed = new AuthEventFeed(connection, tasks, messages, status, console, pageSize, window, loading,
                errorText, this::reapply);
        this.shown = new ShownAuthEvents(window, console, messages);
        this.retry = new RetryCountdown(messages, status, "authlog.retryCancelled", this::refresh);
        feed.countDownWith(retry);
        this.liveTail = new LiveTail(feed::pollNewer);
        connection.sessionProperty().addListener((obs, old, now) -> refresh());
        InvalidationListener reload = obs -> refresh();
        timeRange.addListener(reload);
        statusFilter.addListener(reload);
        codeFilter.addListener(reload);
        InvalidationListener reapply = obs -> reapply();
        keyFilter.addListener(reapply);
        ipFilter.addListener(reapply);
        search.addListener(reapply);
        selectedBucket.addListener(reapply);
        console.failures().addListener(reapply);
    }

    public ObjectProperty<TimeRange> timeRangeProperty() {
        return timeRange;
    }

    /** Only this HTTP status (401, 403); null for any. Evaluated by the gateway. */
    public ObjectProperty<Integer> statusFilterProperty() {
        return statusFilter;
    }

    /** Only this error code; null for any. Evaluated by the gateway. */
    public ObjectProperty<String> codeFilterProperty() {
        return codeFilter;
    }

    /** Part of a key hint or key id, matched over the loaded events. */
    public StringProperty keyFilterProperty() {
        return keyFilter;
    }

    public StringProperty ipFilterProperty() {
        return ipFilter;
    }

    /** Free text over every column. */
    public StringProperty searchProperty() {
        return search;
    }

    /** The histogram bar the table is narrowed to; null for none. */
    public ObjectProperty<HistogramBucket> selectedBucketProperty() {
        return selectedBucket;
    }

    /** Poll for newer events every {@link LiveTail#INTERVAL} while the window shows. */
    public BooleanProperty liveTailProperty() {
        return liveTail.on;
    }

    /** Whether the window is on screen; live tail pauses while it is not. */
    public BooleanProperty windowShowingProperty() {
        return liveTail.windowShowing;
    }

    /** Whether live tail is polling right now (on, and the window showing). */
    public boolean isPolling() {
        return liveTail.isPolling();
    }

    /** The rows: filtered, newest first. */
    public ObservableList<AuthEvent> events() {
        return shown.events;
    }

    public ObservableList<HistogramBucket> histogram() {
        return shown.histogram;
    }

    public ObservableList<Offender> topKeys() {
        return shown.topKeys;
    }

    public ObservableList<Offender> topIps() {
        return shown.topIps;
    }

    public ObservableList<Signal> signals() {
        return shown.signals;
    }

    /** Codes the code filter offers: the documented ones and any seen. */
    public ObservableList<String> codes() {
        return shown.codes;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** True when older events can still be loaded. */
    public ReadOnlyBooleanProperty hasMoreProperty() {
        return hasMore.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorTextProperty() {
        return errorText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return shown.summary.getReadOnlyProperty();
    }

    /** The whole filter as it stands. */
    public AuthEventFilter filter() {
        return feed.serverFilter().withKey(keyFilter.get()).withIp(ipFilter.get()).withText(search.get());
    }

    /** Drops what is loaded and loads the first page (and the key list, to recognise revoked keys). */
    /** A rate limit's countdown, with Retry now and Don't retry. */
    public RetryCountdown retry() {
        return retry;
    }

    public void refresh() {
        feed.restart();
        selectedBucket.set(null);
        feed.loadFirstPage(new AuthEventFilter(timeRange.get().since(time.now()), null, statusFilter.get(),
                codeFilter.get(), "", "", ""));
    }

    /** Loads the next older page, if there is one and nothing is loading. */
    public void loadMore() {
        feed.loadMore();
    }

    /** Fetches events newer than the newest shown and puts them on top (what live tail does). */
    public void pollNewer() {
        feed.pollNewer();
    }

    /** Opens the event's key in the Keys view; false when the gateway did not know the key. */
    public boolean openKey(String keyId) {
        if (keyId == null || keyId.isBlank()) {
            return false;
        }
        navigation.showKey(keyId);
        return true;
    }

    /** Shows only the failures from {@code ip} (what clicking it in Top IPs does). */
    public void filterByIp(String ip) {
        ipFilter.set(ip == null ? "" : ip);
    }

    /** The key with {@code keyId} as the gateway listed it (or as changed here since), if it knows it. */
    public Optional<ApiKey> knownKey(String keyId) {
        return feed.knownKey(keyId);
    }

    /** The client the shown events came from, to act on a signal's key; null before the first page. */
    public GatewayClient client() {
        return feed.client();
    }

    /** A key revoked or disabled from here: signals and their buttons follow it. */
    public void keyChanged(ApiKey key) {
        feed.replaceKey(key);
    }

    public boolean isFromConsole(AuthEvent event) {
        return ConsoleAuthFailures.isFromConsole(event);
    }

    /** Why a signal deserves a look, in words, naming its key by name when the gateway knows it. */
    public String signalText(Signal signal) {
        String key = "authlog.signal." + signal.kind().name().toLowerCase(Locale.ROOT);
        String hint = VisibleText.escape(signal.keyHint(), 120);
        String named = knownKey(signal.keyId()).map(k -> MessageFormat.format(messages.getString("authlog.keyNamed"),
                VisibleText.escape(k.name(), 300), hint)).orElse(hint);
        return MessageFormat.format(messages.getString(key), named,
                VisibleText.escape(signal.clientIp(), 120), signal.count(),
                signal.distinct(), time.format(signal.lastAt()));
    }

    /** The window's clock: the histogram's newest bucket is still filling when it ends after this. */
    public Instant now() {
        return time.now();
    }

    public String exactTime(Instant when) {
        return time.exact(when);
    }

    /** Writes the shown events as CSV or JSON (by the file's extension) on the app's pool. */
    public Task<Path> export(Path target) {
        List<AuthEvent> snapshot = List.copyOf(shown.events);
        boolean json = target.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json");
        Task<Path> task = new Task<>() {
            @Override
            protected Path call() throws Exception {
                if (json) {
                    AuthEventExport.writeJson(snapshot, target);
                } else {
                    AuthEventExport.writeCsv(snapshot, target);
                }
                return target;
            }
        };
        task.setOnSucceeded(e -> status.notify(MessageFormat.format(messages.getString("authlog.exported"),
                snapshot.size(), target.getFileName())));
        task.setOnFailed(e -> {
            LOG.warn("Export to {} failed: {}", target, task.getException().toString());
            errorText.set(MessageFormat.format(messages.getString("authlog.exportFailed"), target.getFileName(),
                    task.getException().getMessage()));
        });
        return tasks.run(task);
    }

    /** Recomputes rows, histogram, offenders and signals from the loaded events and the filters. */
    void reapply() {
        shown.recompute(filter(), selectedBucket.get(), feed.knownKeys());
        hasMore.set(window.cursor() != null);
        ConnectionSession session = connection.session();
        shown.summarize(session == null ? "" : session.displayName());
    }
}
