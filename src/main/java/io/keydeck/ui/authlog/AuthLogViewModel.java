package io.keydeck.ui.authlog;

import io.keydeck.authlog.AuthEventFilter;
import io.keydeck.authlog.AuthEventWindow;
import io.keydeck.authlog.EventHistogram;
import io.keydeck.authlog.HistogramBucket;
import io.keydeck.authlog.Offender;
import io.keydeck.authlog.Signal;
import io.keydeck.authlog.SignalDetector;
import io.keydeck.authlog.SignalRules;
import io.keydeck.authlog.SpikeRule;
import io.keydeck.authlog.TopOffenders;
import io.keydeck.gateway.GatewayClient;
import io.keydeck.gateway.GatewayException;
import io.keydeck.model.ApiKey;
import io.keydeck.model.AuthEvent;
import io.keydeck.model.AuthEventQuery;
import io.keydeck.model.Page;
import io.keydeck.ui.ActiveConnection;
import io.keydeck.ui.ConnectionSession;
import io.keydeck.ui.Navigation;
import io.keydeck.ui.common.BackgroundTasks;
import io.keydeck.ui.common.RelativeTime;
import io.keydeck.ui.common.StatusLine;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.InvalidationListener;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.text.MessageFormat;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.TreeSet;

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
    static final Duration LIVE_INTERVAL = Duration.ofSeconds(5);
    private static final int TOP_LIMIT = 10;
    private static final int MAX_POLL_PAGES = 20;
    static final List<String> KNOWN_CODES = List.of("missing_api_key", "invalid_api_key", "expired_api_key",
            "insufficient_permissions", "key_disabled");

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
    private final ConsoleAuthFailures console;
    private final int pageSize;
    private final AuthEventWindow window;
    private final SignalDetector signalDetector = new SignalDetector(SignalRules.DEFAULT);

    private final ObjectProperty<TimeRange> timeRange = new SimpleObjectProperty<>(TimeRange.WEEK);
    private final ObjectProperty<Integer> statusFilter = new SimpleObjectProperty<>();
    private final ObjectProperty<String> codeFilter = new SimpleObjectProperty<>();
    private final StringProperty keyFilter = new SimpleStringProperty("");
    private final StringProperty ipFilter = new SimpleStringProperty("");
    private final StringProperty search = new SimpleStringProperty("");
    private final ObjectProperty<HistogramBucket> selectedBucket = new SimpleObjectProperty<>();
    private final BooleanProperty liveTail = new SimpleBooleanProperty(false);
    private final BooleanProperty windowShowing = new SimpleBooleanProperty(true);

    private final ObservableList<AuthEvent> events = FXCollections.observableArrayList();
    private final ObservableList<HistogramBucket> histogram = FXCollections.observableArrayList();
    private final ObservableList<Offender> topKeys = FXCollections.observableArrayList();
    private final ObservableList<Offender> topIps = FXCollections.observableArrayList();
    private final ObservableList<Signal> signals = FXCollections.observableArrayList();
    private final ObservableList<String> codes = FXCollections.observableArrayList(KNOWN_CODES);
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper hasMore = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper errorText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final Timeline liveTimer;

    private AuthEventFilter serverFilter = AuthEventFilter.NONE;
    private List<ApiKey> knownKeys = List.of();
    private Task<?> current;
    private Task<?> poll;
    private int generation;

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
        this.console = console;
        this.pageSize = pageSize;
        this.window = new AuthEventWindow(capacity);
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
        liveTimer = new Timeline(new KeyFrame(javafx.util.Duration.millis(LIVE_INTERVAL.toMillis()), e -> pollNewer()));
        liveTimer.setCycleCount(Timeline.INDEFINITE);
        InvalidationListener tail = obs -> {
            if (liveTail.get() && windowShowing.get()) {
                liveTimer.play();
            } else {
                liveTimer.stop();
            }
        };
        liveTail.addListener(tail);
        windowShowing.addListener(tail);
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

    /** Poll for newer events every {@link #LIVE_INTERVAL} while the window shows. */
    public BooleanProperty liveTailProperty() {
        return liveTail;
    }

    /** Whether the window is on screen; live tail pauses while it is not. */
    public BooleanProperty windowShowingProperty() {
        return windowShowing;
    }

    /** Whether live tail is polling right now (on, and the window showing). */
    public boolean isPolling() {
        return liveTimer.getStatus() == javafx.animation.Animation.Status.RUNNING;
    }

    /** The rows: filtered, newest first. */
    public ObservableList<AuthEvent> events() {
        return events;
    }

    public ObservableList<HistogramBucket> histogram() {
        return histogram;
    }

    public ObservableList<Offender> topKeys() {
        return topKeys;
    }

    public ObservableList<Offender> topIps() {
        return topIps;
    }

    public ObservableList<Signal> signals() {
        return signals;
    }

    /** Codes the code filter offers: the documented ones and any seen. */
    public ObservableList<String> codes() {
        return codes;
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
        return summary.getReadOnlyProperty();
    }

    /** The whole filter as it stands. */
    public AuthEventFilter filter() {
        return serverFilter.withKey(keyFilter.get()).withIp(ipFilter.get()).withText(search.get());
    }

    /** Drops what is loaded and loads the first page (and the key list, to recognise revoked keys). */
    public void refresh() {
        cancelRunning();
        int gen = ++generation;
        window.clear();
        selectedBucket.set(null);
        serverFilter = new AuthEventFilter(timeRange.get().since(time.now()), null, statusFilter.get(),
                codeFilter.get(), "", "", "");
        ConnectionSession session = connection.session();
        reapply();
        if (session == null) {
            return;
        }
        AuthEventQuery query = serverFilter.toQuery(pageSize);
        Task<FirstPage> task = new Task<>() {
            @Override
            protected FirstPage call() throws Exception {
                if (!session.isReady()) {
                    updateMessage(session.openingMessage());
                }
                GatewayClient client = session.awaitClient();
                Page<AuthEvent> page = client.authEvents(query);
                List<ApiKey> keys;
                GatewayException keysFailure = null;
                try {
                    keys = client.listAllKeys(true, n -> { });
                } catch (GatewayException e) {
                    keys = List.of();
                    keysFailure = e;
                }
                return new FirstPage(page, keys, keysFailure);
            }
        };
        start(task, gen, session, "GET /v1/auth-events", first -> {
            knownKeys = first.keys();
            if (first.keysFailure() != null) {
                console.report(session.displayName(), "GET /v1/api-keys", first.keysFailure());
            }
            window.addOlder(first.page());
            status.show(MessageFormat.format(messages.getString("authlog.loaded"), window.size()));
        });
    }

    /** Loads the next older page, if there is one and nothing is loading. */
    public void loadMore() {
        String cursor = window.cursor();
        ConnectionSession session = connection.session();
        if (loading.get() || cursor == null || session == null) {
            return;
        }
        int gen = generation;
        AuthEventQuery query = serverFilter.toQuery(pageSize).after(cursor);
        Task<Page<AuthEvent>> task = new Task<>() {
            @Override
            protected Page<AuthEvent> call() throws Exception {
                return session.awaitClient().authEvents(query);
            }
        };
        start(task, gen, session, "GET /v1/auth-events", window::addOlder);
    }

    /** Fetches events newer than the newest shown and puts them on top (what live tail does). */
    public void pollNewer() {
        ConnectionSession session = connection.session();
        AuthEvent newest = firstGatewayEvent();
        if (session == null || loading.get() || (poll != null && poll.isRunning())) {
            return;
        }
        int gen = generation;
        Instant since = newest == null ? serverFilter.since() : newest.occurredAt();
        AuthEventQuery query = new AuthEventQuery(since, null, serverFilter.status(), serverFilter.code(),
                pageSize, null);
        Task<List<AuthEvent>> task = new Task<>() {
            @Override
            protected List<AuthEvent> call() throws Exception {
                GatewayClient client = session.awaitClient();
                List<AuthEvent> fresh = new ArrayList<>();
                AuthEventQuery next = query;
                for (int pages = 0; pages < MAX_POLL_PAGES; pages++) {
                    Page<AuthEvent> page = client.authEvents(next);
                    fresh.addAll(page.items());
                    if (!page.hasMore()) {
                        break;
                    }
                    next = query.after(page.nextCursor());
                }
                return fresh;
            }
        };
        poll = task;
        task.setOnSucceeded(e -> {
            if (gen == generation && !window.addNewer(task.getValue()).isEmpty()) {
                reapply();
            }
        });
        task.setOnFailed(e -> {
            if (gen == generation) {
                showFailure(session, "GET /v1/auth-events", task.getException());
            }
        });
        tasks.run(task);
    }

    /** Opens the event's key in the Keys view; false when the gateway did not know the key. */
    public boolean openKey(String keyId) {
        if (keyId == null || keyId.isBlank()) {
            return false;
        }
        navigation.showKey(keyId);
        return true;
    }

    public boolean isFromConsole(AuthEvent event) {
        return ConsoleAuthFailures.isFromConsole(event);
    }

    /** Why a signal deserves a look, in words. */
    public String signalText(Signal signal) {
        String key = "authlog.signal." + signal.kind().name().toLowerCase(Locale.ROOT);
        return MessageFormat.format(messages.getString(key), signal.keyHint(), signal.clientIp(), signal.count(),
                signal.distinct(), time.format(signal.lastAt()));
    }

    public String exactTime(Instant when) {
        return time.exact(when);
    }

    /** Writes the shown events as CSV or JSON (by the file's extension) on the app's pool. */
    public Task<Path> export(Path target) {
        List<AuthEvent> snapshot = List.copyOf(events);
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
        AuthEventFilter filter = filter();
        List<AuthEvent> shown = merge(filter.apply(window.events()), filter.apply(console.failures()));
        List<HistogramBucket> buckets = EventHistogram.of(shown, SpikeRule.DEFAULT);
        HistogramBucket bucket = selectedBucket.get();
        if (bucket != null) {
            shown = shown.stream().filter(e -> e.occurredAt() != null && !e.occurredAt().isBefore(bucket.start())
                    && e.occurredAt().isBefore(bucket.end())).toList();
        }
        events.setAll(shown);
        histogram.setAll(buckets);
        topKeys.setAll(TopOffenders.byKey(shown, SpikeRule.DEFAULT, TOP_LIMIT));
        topIps.setAll(TopOffenders.byIp(shown, SpikeRule.DEFAULT, TOP_LIMIT));
        signals.setAll(signalDetector.detect(shown, knownKeys));
        TreeSet<String> seen = new TreeSet<>(codes);
        buckets.forEach(b -> seen.addAll(b.countsByCode().keySet()));
        seen.remove("");
        if (seen.size() != codes.size()) {
            codes.setAll(seen);
        }
        hasMore.set(window.cursor() != null);
        updateSummary();
    }

    private void updateSummary() {
        ConnectionSession session = connection.session();
        String name = session == null ? "" : session.displayName();
        String text = MessageFormat.format(messages.getString("authlog.summary"), name, events.size(), window.size());
        if (window.isFull()) {
            text += " " + MessageFormat.format(messages.getString("authlog.windowFull"), window.capacity());
        }
        summary.set(text);
    }

    private AuthEvent firstGatewayEvent() {
        return window.newest();
    }

    /** Two newest-first lists into one. */
    private static List<AuthEvent> merge(List<AuthEvent> a, List<AuthEvent> b) {
        if (b.isEmpty()) {
            return a;
        }
        List<AuthEvent> out = new ArrayList<>(a.size() + b.size());
        int i = 0;
        int j = 0;
        while (i < a.size() || j < b.size()) {
            if (j >= b.size() || (i < a.size() && !a.get(i).occurredAt().isBefore(b.get(j).occurredAt()))) {
                out.add(a.get(i++));
            } else {
                out.add(b.get(j++));
            }
        }
        return out;
    }

    private <T> void start(Task<T> task, int gen, ConnectionSession session, String action,
                           java.util.function.Consumer<T> onResult) {
        current = task;
        loading.set(true);
        errorText.set("");
        status.busy(messages.getString("authlog.loading"));
        task.setOnSucceeded(e -> {
            if (gen == generation && task == current) {
                loading.set(false);
                onResult.accept(task.getValue());
                reapply();
            }
        });
        task.setOnFailed(e -> {
            if (gen == generation && task == current) {
                loading.set(false);
                showFailure(session, action, task.getException());
                reapply();
            }
        });
        task.setOnCancelled(e -> {
            if (task == current) {
                loading.set(false);
            }
        });
        tasks.run(task);
    }

    private void cancelRunning() {
        if (current != null && current.isRunning()) {
            current.cancel();
        }
        if (poll != null && poll.isRunning()) {
            poll.cancel();
        }
        loading.set(false);
    }

    private void showFailure(ConnectionSession session, String action, Throwable failure) {
        String description;
        if (failure instanceof GatewayException gatewayException) {
            description = gatewayException.describe();
            console.report(session.displayName(), action, gatewayException);
            LOG.warn("Loading auth events failed: {}", description);
        } else {
            description = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
            LOG.error("Loading auth events failed unexpectedly", failure);
        }
        errorText.set(description);
        status.show(messages.getString("authlog.failed"));
    }

    private record FirstPage(Page<AuthEvent> page, List<ApiKey> keys, GatewayException keysFailure) {
    }
}
