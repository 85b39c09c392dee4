package io.keydeck.ui.keys;

import io.keydeck.gateway.GatewayClient;
import io.keydeck.model.ApiKey;
import io.keydeck.model.Capability;
import io.keydeck.model.UsageBucket;
import io.keydeck.model.UsagePoint;
import io.keydeck.ui.shell.ActiveConnection;
import io.keydeck.session.ConnectionSession;
import io.keydeck.ui.common.BackgroundTasks;
import io.keydeck.ui.common.TooltipOnHover;
import io.keydeck.usage.UsageRange;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.concurrent.Task;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

import java.text.MessageFormat;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.ResourceBundle;

/**
 * The keys table's "Last 7 days" column: a tiny line of each key's daily requests, so a busy, a quiet
 * and a suddenly silent key stand out. Fetched in the background once after each load of the keys.
 */
public final class UsageSparklineColumn {
    private final ActiveConnection connection;
    private final BackgroundTasks tasks;
    private final Clock clock;
    private final ResourceBundle messages;
    // one value for the whole map: a new load is one change for the visible cells, not one per key
    private final ObjectProperty<Map<String, double[]>> dailyRequests = new SimpleObjectProperty<>(Map.of());
    private Task<Map<String, double[]>> current;

    public UsageSparklineColumn(ActiveConnection connection, BackgroundTasks tasks, Clock clock,
                                ResourceBundle messages) {
        this.connection = connection;
        this.tasks = tasks;
        this.clock = clock;
        this.messages = messages;
    }

    /**
     * Adds the column to {@code table} and loads the lines now unless keys are {@code loading}, and again
     * whenever {@code loading} turns false. "Now" matters at start: the window starts loading the keys
     * before the view exists, and a load that ended before this call never turns {@code loading} false again.
     */
    public void install(TableView<ApiKey> table, ObservableBooleanValue loading) {
        TableColumn<ApiKey, double[]> column = new TableColumn<>(messages.getString("keys.column.usage"));
        column.setId("usageColumn");
        column.setPrefWidth(Sparkline.WIDTH + 26); // the heading "7 days" whole where there is room
        column.setMinWidth(Sparkline.WIDTH + 14);
        column.setMaxWidth(Sparkline.WIDTH + 40);
        column.setSortable(false);
        column.setCellValueFactory(data -> {
            String id = data.getValue().id();
            return Bindings.createObjectBinding(() -> dailyRequests.get().get(id), dailyRequests);
        });
        column.setCellFactory(c -> new SparklineCell());
        table.getColumns().add(Math.max(0, table.getColumns().size() - 1), column); // the last column flexes
        loading.addListener((obs, was, now) -> {
            if (!now) {
                reload();
            }
        });
        if (!loading.get()) {
            reload();
        }
    }

    /** Each key's requests per day over the last seven days, oldest first. */
    public Map<String, double[]> dailyRequests() {
        return dailyRequests.get();
    }

    private void reload() {
        ConnectionSession session = connection.session();
        if (current != null) {
            current.cancel(true);
        }
        if (session == null) {
            return;
        }
        UsageRange week = UsageRange.last(Duration.ofDays(7), clock.instant(), UsageBucket.DAY);
        Task<Map<String, double[]>> task = new Task<>() {
            @Override
            protected Map<String, double[]> call() throws Exception {
                GatewayClient client = session.awaitClient();
                Map<String, double[]> lines = new HashMap<>();
                if (client.driver().capabilities().contains(Capability.USAGE)) {
                    int days = week.bucketCount();
                    for (UsagePoint point : client.usage(week.query()).points()) {
                        int day = week.bucketIndex(point.bucketStart());
                        if (point.keyId() != null && day >= 0 && day < days) {
                            lines.computeIfAbsent(point.keyId(), id -> new double[days])[day] += point.requests();
                        }
                    }
                }
                return Map.copyOf(lines);
            }
        };
        current = task;
        task.setOnSucceeded(e -> {
            if (task == current) {
                dailyRequests.set(task.getValue());
            }
        });
        task.setOnFailed(e -> org.slf4j.LoggerFactory.getLogger(UsageSparklineColumn.class)
                .warn("Loading the usage lines failed: {}", task.getException().toString()));
        tasks.run(task);
    }

    private final class SparklineCell extends TableCell<ApiKey, double[]> {
        SparklineCell() {
            TooltipOnHover.install(this);
        }

        @Override
        protected void updateItem(double[] values, boolean empty) {
            super.updateItem(values, empty);
            setText(null);
            TooltipOnHover.text(this, null);
            if (empty || values == null || values.length == 0) {
                setGraphic(null);
                return;
            }
            long total = 0;
            for (double value : values) {
                total += (long) value;
            }
            javafx.scene.shape.Polyline line = Sparkline.of(values, "usage-sparkline");
            setGraphic(line);
            TooltipOnHover.text(this, MessageFormat.format(messages.getString("keys.usageTooltip"), total));
        }
    }
}
