package io.keydeck.ui.usage;

import io.keydeck.model.VisibleText;
import io.keydeck.gateway.GatewayException;
import io.keydeck.model.UsageBucket;
import io.keydeck.model.UsagePoint;
import io.keydeck.ui.shell.ActiveConnection;
import io.keydeck.session.ConnectionSession;
import io.keydeck.ui.shell.Navigation;
import io.keydeck.ui.common.BackgroundTasks;
import io.keydeck.ui.common.RetryCountdown;
import io.keydeck.ui.common.StatusLine;
import io.keydeck.usage.ChartSeries;
import io.keydeck.usage.UsageBreakdown;
import io.keydeck.usage.UsageCsv;
import io.keydeck.usage.UsageMetric;
import io.keydeck.usage.UsageRange;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;

/**
 * The Usage view's state: which range, bucket and metric, the loaded data of the active connection, the
 * chart's series and summary cards, the selected key, exports and auto-refresh. Loads on the app's pool.
 */
public final class UsageViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(UsageViewModel.class);
    /** A key name as the chart, its legend and hover line show it: escaped, a bounded prefix. */
    private static final int NAME_CHARS = 120;
    public static final Duration AUTO_REFRESH_EVERY = Duration.ofSeconds(30);

    /** The quick ranges; CUSTOM uses the from/to dates. */
    public enum Preset {
        DAY(Duration.ofDays(1)), WEEK(Duration.ofDays(7)), MONTH(Duration.ofDays(30)), CUSTOM(null);

        private final Duration length;

        Preset(Duration length) {
            this.length = length;
        }
    }

    private final ActiveConnection connection;
    private final BackgroundTasks tasks;
    private final ResourceBundle messages;
    private final Clock clock;
    private final StatusLine status;
    private final RetryCountdown retry;
    private final Navigation navigation;
    private final UsageText text;

    private final ObjectProperty<Preset> preset = new SimpleObjectProperty<>(Preset.WEEK);
    private final ObjectProperty<LocalDate> customFrom = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> customTo = new SimpleObjectProperty<>();
    private final ObjectProperty<UsageBucket> bucket = new SimpleObjectProperty<>(UsageBucket.HOUR);
    private final ObjectProperty<UsageMetric> metric = new SimpleObjectProperty<>(UsageMetric.REQUESTS);
    private final IntegerProperty topKeys = new SimpleIntegerProperty(5);
    private final BooleanProperty stacked = new SimpleBooleanProperty(false);
    private final BooleanProperty autoRefresh = new SimpleBooleanProperty(false);
    private final BooleanProperty windowShowing = new SimpleBooleanProperty(true);
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper errorText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper unsupportedText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper rangeText = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<UsageRange> shownRange = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Instant> partialFrom = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<ChartSeries> selected = new ReadOnlyObjectWrapper<>();
    private final ObservableList<ChartSeries> series = FXCollections.observableArrayList();
    private final ObservableList<SummaryCard> cards = FXCollections.observableArrayList();
    private final javafx.beans.property.StringProperty emptyText = new javafx.beans.property.SimpleStringProperty();
    private final Map<ConnectionSession, Map<String, String>> namesByConnection = new HashMap<>();
    private final UsageAutoRefresh autoRefreshTimer;
    private final UsageExport export;
    private boolean adjustingBucket;
    private UsageData data;
    private Task<UsageData> current;

    public UsageViewModel(ActiveConnection connection, BackgroundTasks tasks, ResourceBundle messages, Clock clock,
                          StatusLine status, Navigation navigation) {
        this.connection = connection;
        this.tasks = tasks;
        this.messages = messages;
        this.clock = clock;
        this.status = status;
        this.navigation = navigation;
        this.text = new UsageText(messages);
        emptyText.set(messages.getString("usage.empty"));
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        customFrom.set(today.minusDays(13));
        customTo.set(today);
        bucket.set(UsageRange.defaultBucket(Preset.WEEK.length));
        preset.addListener((obs, old, now) -> rangeChanged());
        customFrom.addListener((obs, old, now) -> customChanged());
        customTo.addListener((obs, old, now) -> customChanged());
        bucket.addListener((obs, old, now) -> {
            if (!adjustingBucket) {
                refresh();
            }
        });
        metric.addListener((obs, old, now) -> showData());
        topKeys.addListener((obs, old, now) -> showData());
        connection.sessionProperty().addListener((obs, old, now) -> {
            data = null;
            series.clear();
            cards.clear();
            refresh();
        });
        autoRefreshTimer = new UsageAutoRefresh(AUTO_REFRESH_EVERY, this::refreshQuietly);
        export = new UsageExport(tasks, status, messages);
        retry = new RetryCountdown(messages, status, "usage.retryCancelled", () -> load(true));
        autoRefresh.addListener((obs, old, now) -> updateTimer());
        windowShowing.addListener((obs, old, now) -> updateTimer());
    }

    public ObjectProperty<Preset> presetProperty() {
        return preset;
    }

    /** First day (UTC) of the custom range. */
    public ObjectProperty<LocalDate> customFromProperty() {
        return customFrom;
    }

    /** Last day (UTC) of the custom range, included. */
    public ObjectProperty<LocalDate> customToProperty() {
        return customTo;
    }

    /** Set from the range's length whenever the range changes; the user may change it afterwards. */
    public ObjectProperty<UsageBucket> bucketProperty() {
        return bucket;
    }

    public ObjectProperty<UsageMetric> metricProperty() {
        return metric;
    }

    /** How many keys get their own line; the rest are summed into "all other keys". */
    public IntegerProperty topKeysProperty() {
        return topKeys;
    }

    public BooleanProperty stackedProperty() {
        return stacked;
    }

    /** Reloads every {@link #AUTO_REFRESH_EVERY} while on and the window is showing. */
    public BooleanProperty autoRefreshProperty() {
        return autoRefresh;
    }

    /** False while the window is hidden or iconified: auto-refresh pauses. */
    public BooleanProperty windowShowingProperty() {
        return windowShowing;
    }

    public boolean isAutoRefreshRunning() {
        return autoRefreshTimer.isRunning();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** A rate limit's countdown, with Retry now and Don't retry. */
    public RetryCountdown retry() {
        return retry;
    }

    public ReadOnlyStringProperty errorTextProperty() {
        return errorText.getReadOnlyProperty();
    }

    /** Why this gateway has no usage to show; empty when it has. */
    public ReadOnlyStringProperty unsupportedTextProperty() {
        return unsupportedText.getReadOnlyProperty();
    }

    /** "2026-03-03 13:00 – 2026-03-10 13:00 UTC · hourly". */
    public ReadOnlyStringProperty rangeTextProperty() {
        return rangeText.getReadOnlyProperty();
    }

    /** The range the chart shows (null before the first load). */
    public ReadOnlyObjectProperty<UsageRange> shownRangeProperty() {
        return shownRange.getReadOnlyProperty();
    }

    /** Start of the shown range's last bucket when it is still filling (counted so far only); null when none. */
    public ReadOnlyObjectProperty<Instant> partialFromProperty() {
        return partialFrom.getReadOnlyProperty();
    }

    /** The top keys and, last, "all other keys", in the chosen metric. */
    public ObservableList<ChartSeries> series() {
        return series;
    }

    /** What the chart area says while it has no line: no usage in the range, or no cost reported for Spend. */
    public javafx.beans.property.ReadOnlyStringProperty emptyTextProperty() {
        return emptyText;
    }

    public ObservableList<SummaryCard> cards() {
        return cards;
    }

    /** The series the user clicked; null for none. */
    public ReadOnlyObjectProperty<ChartSeries> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    public void select(ChartSeries chosen) {
        selected.set(chosen);
        if (chosen != null) {
            status.show(MessageFormat.format(messages.getString(chosen.isOthers()
                    ? "usage.selectedOthers" : "usage.selected"), chosen.name()));
        }
    }

    /** Opens the selected key in the Keys view; nothing for "all other keys". */
    public void openSelectedKey() {
        ChartSeries chosen = selected.get();
        if (chosen != null && !chosen.isOthers()) {
            navigation.showKey(chosen.keyId());
        }
    }

    /** The hover line for one point: key, bucket and exact value. */
    public String describePoint(ChartSeries of, int index) {
        UsageRange range = shownRange.get();
        Instant bucketStart = Instant.ofEpochMilli((long) of.x()[index]);
        return text.point(of.name(), bucketStart, range == null ? bucket.get() : range.bucket(), metric.get(),
                of.y()[index], bucketStart.equals(partialFrom.get()), data == null ? null : data.current().costUnit());
    }

    /** The range the controls describe now, on the bucket grid. */
    public UsageRange range() {
        if (preset.get() == Preset.CUSTOM) {
            LocalDate from = customFrom.get();
            LocalDate to = customTo.get().isBefore(from) ? from : customTo.get();
            return new UsageRange(from.atStartOfDay(ZoneOffset.UTC).toInstant(),
                    to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant(), bucket.get());
        }
        return UsageRange.last(preset.get().length, clock.instant(), bucket.get());
    }

    /** (Re)loads the range and the one before it; a load still running is cancelled. */
    public void refresh() {
        load(true);
    }

    private void refreshQuietly() {
        if (!loading.get()) {
            load(false);
        }
    }

    private void load(boolean showProgress) {
        ConnectionSession session = connection.session();
        if (current != null) {
            current.cancel(true);
        }
        if (session == null) {
            return;
        }
        UsageRange range = range();
        Map<String, String> cachedNames = namesByConnection.get(session);
        Task<UsageData> task = new LoadUsageTask(session, range, cachedNames, messages);
        current = task;
        loading.set(true);
        errorText.set("");
        retry.stop();
        if (showProgress) {
            status.busy(messages.getString("usage.loading"));
        }
        task.setOnSucceeded(e -> whenCurrent(task, () -> {
            UsageData loaded = task.getValue();
            if (loaded.unsupportedReason() == null) {
                namesByConnection.put(session, loaded.names());
            }
            data = loaded;
            showData();
            status.show(MessageFormat.format(messages.getString("usage.loaded"), loaded.points().size()));
        }));
        task.setOnFailed(e -> whenCurrent(task, () -> showFailure(task.getException())));
        task.setOnCancelled(e -> whenCurrent(task, () -> { }));
        tasks.run(task);
    }

    private void whenCurrent(Task<?> task, Runnable action) {
        if (task == current) {
            loading.set(false);
            action.run();
            updateTimer();
        }
    }

    private void showData() {
        if (data == null) {
            return;
        }
        if (data.unsupportedReason() != null) {
            unsupportedText.set(data.unsupportedReason());
            series.clear();
            cards.clear();
            return;
        }
        unsupportedText.set("");
        UsageBreakdown now = data.current();
        partialFrom.set(now.range().partialBucketStart(clock.instant()));
        shownRange.set(now.range());
        rangeText.set(text.range(now.range()));
        ChartSeries wasSelected = selected.get();
        boolean costUnknown = metric.get() == UsageMetric.COST && now.costUnit() == null;
        emptyText.set(costUnknown && data.costNote() != null ? VisibleText.escape(data.costNote(), 2000)
                : messages.getString(costUnknown ? "usage.costNotReported" : "usage.empty"));
        series.setAll(costUnknown ? List.of() : now.topSeries(metric.get(), Math.max(1, topKeys.get()), data::nameOf,
                messages.getString("usage.others")));
        selected.set(wasSelected == null ? null : series.stream()
                .filter(s -> s.isOthers() == wasSelected.isOthers()
                        && (s.isOthers() || s.keyId().equals(wasSelected.keyId())))
                .findFirst().orElse(null));
        cards.setAll(text.cards(now, data.previous(), data.costNote()));
    }

    private void showFailure(Throwable failure) {
        String description;
        if (failure instanceof GatewayException gatewayException) {
            description = gatewayException.describe();
            LOG.warn("Loading usage failed: {}", description);
        } else {
            description = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
            LOG.error("Loading usage failed unexpectedly", failure);
        }
        errorText.set(VisibleText.escape(description, 2000));
        status.show(messages.getString("usage.failed"));
        retry.after(failure);
    }

    private void rangeChanged() {
        adjustingBucket = true;
        try {
            bucket.set(UsageRange.defaultBucket(range().length()));
        } finally {
            adjustingBucket = false;
        }
        refresh();
    }

    private void customChanged() {
        if (preset.get() == Preset.CUSTOM && customFrom.get() != null && customTo.get() != null) {
            rangeChanged();
        }
    }

    private void updateTimer() {
        autoRefreshTimer.runWhile(autoRefresh.get() && windowShowing.get() && unsupportedText.get().isEmpty());
    }

    /** Writes the loaded points as CSV off the FX thread; the status line says where. */
    public Task<Path> exportCsv(Path target) {
        UsageData exported = data;
        List<UsagePoint> points = exported == null ? List.of() : exported.points();
        return export.write(target, out -> {
            try (Writer writer = new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8)) {
                UsageCsv.write(writer, points, exported == null ? id -> id : exported::nameOf);
            }
        });
    }

    /** Encodes {@code image} as PNG off the FX thread; the status line says where. */
    public Task<Path> exportPng(ChartImage image, Path target) {
        return export.write(target, image::writePng);
    }

}
