package io.keydeck.ui.authlog;

import io.keydeck.model.VisibleText;
import io.keydeck.authlog.EventHistogram;
import io.keydeck.authlog.HistogramBucket;
import javafx.collections.FXCollections;
import javafx.event.EventHandler;
import javafx.scene.input.MouseEvent;
import javafx.scene.Node;
import javafx.scene.Cursor;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The bars above the auth table: events per bucket stacked by code, spikes marked, a few bars named
 * by their time below them; clicking a bar hands its bucket to {@code onSelect}.
 */
final class EventHistogramChart {
    private static final DateTimeFormatter BUCKET = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    /** Bars named by their time along the bottom, at most. */
    private static final int TICKS = 6;
    private static final double TICK_GAP = 12;

    private final CategoryAxis xAxis = new CategoryAxis();
    private final NumberAxis yAxis = new NumberAxis();
    private final StackedBarChart<String, Number> chart = new StackedBarChart<>(xAxis, yAxis);
    private final Consumer<HistogramBucket> onSelect;
    private static final javafx.css.PseudoClass PARTIAL = javafx.css.PseudoClass.getPseudoClass("partial");
    private final ZoneId zone;
    private final String partialText;
    private final TimeTicks ticks = new TimeTicks();
    private final VBox node = new VBox(chart, ticks);

    EventHistogramChart(ZoneId zone, Consumer<HistogramBucket> onSelect, String partialText) {
        this.zone = zone;
        this.partialText = partialText;
        this.onSelect = onSelect;
        chart.setAnimated(false);
        chart.setLegendVisible(true);
        chart.setLegendSide(javafx.geometry.Side.RIGHT);
        chart.setCategoryGap(1);
        chart.setVerticalGridLinesVisible(false);
        chart.getStyleClass().add("auth-histogram-chart");
        yAxis.setMinorTickVisible(false);
        // a category axis measures every label and turns them all upright when hundreds of bars crowd it,
        // which took half the histogram's height: a few bars are named below it instead (TimeTicks)
        xAxis.setTickLabelsVisible(false);
        xAxis.setTickMarkVisible(false);
        VBox.setVgrow(chart, Priority.ALWAYS);
        node.getStyleClass().add("auth-histogram-box");
    }

    Node node() {
        return node;
    }

    /** {@code now} marks the bucket still filling (its end is after now) lighter, with "so far" in its tooltip. */
    void show(List<HistogramBucket> buckets, HistogramBucket selected, java.time.Instant now) {
        List<String> labels = new ArrayList<>(buckets.size());
        DateTimeFormatter bucketName = BUCKET.withZone(zone);
        for (HistogramBucket bucket : buckets) {
            labels.add(bucketName.format(bucket.start())); // unique: the narrowest bucket is one minute
        }
        DateTimeFormatter format = formatFor(buckets);
        Map<String, String> named = new LinkedHashMap<>();
        int every = Math.max(1, (int) Math.ceil(buckets.size() / (double) TICKS));
        for (int i = 0; i < buckets.size(); i += every) {
            named.put(labels.get(i), format.format(buckets.get(i).start()));
        }
        ticks.show(named);
        chart.getData().clear();
        xAxis.setCategories(FXCollections.observableArrayList(labels));
        List<XYChart.Series<String, Number>> all = new ArrayList<>();
        for (String code : EventHistogram.codes(buckets)) {
            XYChart.Series<String, Number> series = new XYChart.Series<>();
            series.setName(code.isEmpty() ? "?" : VisibleText.escape(code, AuthEventCells.CELL_CHARS));
            for (int i = 0; i < buckets.size(); i++) {
                HistogramBucket bucket = buckets.get(i);
                int count = bucket.count(code);
                if (count == 0) {
                    continue;
                }
                XYChart.Data<String, Number> data = new XYChart.Data<>(labels.get(i), count);
                data.nodeProperty().addListener((obs, old, node) -> {
                    if (node != null) {
                        decorate(node, data.getXValue(), bucket, code, count, selected,
                                now != null && bucket.end().isAfter(now));
                    }
                });
                series.getData().add(data);
            }
            all.add(series);
        }
        chart.getData().setAll(all);
    }

    private void decorate(Node node, String when, HistogramBucket bucket, String code, int count,
                          HistogramBucket selected, boolean partial) {
        node.setCursor(Cursor.HAND);
        node.setOnMouseClicked(e -> onSelect.accept(bucket));
        // a tooltip is made when the pointer first reaches the bar: hundreds made up front on every filter
        // keystroke made typing lag behind
        node.addEventHandler(MouseEvent.MOUSE_ENTERED, new EventHandler<>() {
            @Override
            public void handle(MouseEvent e) {
                node.removeEventHandler(MouseEvent.MOUSE_ENTERED, this);
                Tooltip.install(node, new Tooltip(when + " \u00b7 " + VisibleText.escape(code, AuthEventCells.CELL_CHARS)
                        + ": " + count + " / " + bucket.total() + (bucket.spike() ? " (spike)" : "")
                        + (partial ? " " + partialText : "")));
            }
        });
        if (partial) {
            // still filling: drawn lighter, not read as a drop (a pseudo-class: the chart resets style classes)
            node.pseudoClassStateChanged(PARTIAL, true);
        }
        if (bucket.spike()) {
            node.getStyleClass().add("spike-bar");
        }
        if (selected != null && !selected.start().equals(bucket.start())) {
            node.setOpacity(0.35);
        }
    }

    /** Time labels centred under some of the bars, placed where the axis puts those bars after each layout. */
    private final class TimeTicks extends Pane {
        private final Map<Label, String> categories = new LinkedHashMap<>();

        TimeTicks() {
            getStyleClass().add("histogram-ticks");
        }

        void show(Map<String, String> named) {
            categories.clear();
            named.forEach((category, text) -> {
                Label label = new Label(text);
                label.getStyleClass().add("histogram-tick");
                categories.put(label, category);
            });
            getChildren().setAll(categories.keySet());
        }

        @Override
        protected double computePrefHeight(double width) {
            return snappedTopInset() + snappedBottomInset()
                    + getChildren().stream().mapToDouble(n -> n.prefHeight(-1)).max().orElse(0);
        }

        @Override
        protected double computeMinHeight(double width) {
            return computePrefHeight(width); // the chart gives way in a low window, not the times
        }

        /** Left to right; a time that would touch the one before it is left out (narrow windows). */
        @Override
        protected void layoutChildren() {
            double freeFrom = 0;
            for (Map.Entry<Label, String> tick : categories.entrySet()) {
                Label label = tick.getKey();
                double width = label.prefWidth(-1);
                double centre = sceneToLocal(xAxis.localToScene(xAxis.getDisplayPosition(tick.getValue()), 0)).getX();
                double x = Math.max(0, Math.min(getWidth() - width, centre - width / 2));
                label.setVisible(x >= freeFrom);
                if (label.isVisible()) {
                    label.resizeRelocate(snapPositionX(x), snappedTopInset(), width, label.prefHeight(width));
                    freeFrom = x + width + TICK_GAP;
                }
            }
        }
    }

    private DateTimeFormatter formatFor(List<HistogramBucket> buckets) {
        boolean manyDays = buckets.size() > 1
                && Duration.between(buckets.get(0).start(), buckets.get(buckets.size() - 1).start()).toHours() >= 24;
        boolean wholeDays = !buckets.isEmpty() && buckets.get(0).width().toHours() >= 24;
        String pattern = wholeDays ? "MM-dd" : manyDays ? "MM-dd HH:mm" : "HH:mm";
        return DateTimeFormatter.ofPattern(pattern).withZone(zone);
    }
}
