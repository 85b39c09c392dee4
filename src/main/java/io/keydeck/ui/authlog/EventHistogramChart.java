package io.keydeck.ui.authlog;

import io.keydeck.model.VisibleText;
import io.keydeck.authlog.EventHistogram;
import io.keydeck.authlog.HistogramBucket;
import javafx.collections.FXCollections;
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
import java.util.HashMap;
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
    /** The series shown, one per code in the chart's order, and their bars by bucket label. */
    private final Map<String, XYChart.Series<String, Number>> series = new LinkedHashMap<>();
    private final Map<String, Map<String, Bar>> bars = new HashMap<>();

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

    /**
     * {@code now} marks the bucket still filling (its end is after now) lighter, with "so far" in its tooltip.
     * A live-tail poll that brings a few events changes the bars it touches in place and adds only new
     * bars: no chart rebuilt, no nodes re-created and re-styled every five seconds. A new or vanished code
     * (a series of its own, with its colour and legend entry) rebuilds the chart.
     */
    void show(List<HistogramBucket> buckets, HistogramBucket selected, java.time.Instant now) {
        List<String> labels = new ArrayList<>(buckets.size());
        Map<String, HistogramBucket> byLabel = new HashMap<>();
        DateTimeFormatter bucketName = BUCKET.withZone(zone);
        for (HistogramBucket bucket : buckets) {
            String label = bucketName.format(bucket.start()); // unique: the narrowest bucket is one minute
            labels.add(label);
            byLabel.put(label, bucket);
        }
        DateTimeFormatter format = formatFor(buckets);
        Map<String, String> named = new LinkedHashMap<>();
        int every = Math.max(1, (int) Math.ceil(buckets.size() / (double) TICKS));
        for (int i = 0; i < buckets.size(); i += every) {
            named.put(labels.get(i), format.format(buckets.get(i).start()));
        }
        ticks.show(named);
        List<String> codes = EventHistogram.codes(buckets);
        boolean rebuild = !codes.equals(List.copyOf(series.keySet()));
        if (rebuild) {
            chart.getData().clear();
            series.clear();
            bars.clear();
        }
        bars.forEach((code, shown) -> shown.values().removeIf(bar -> {
            HistogramBucket bucket = byLabel.get(bar.data.getXValue());
            boolean gone = bucket == null || bucket.count(code) == 0;
            if (gone) {
                series.get(code).getData().remove(bar.data);
            }
            return gone;
        }));
        if (!labels.equals(xAxis.getCategories())) {
            xAxis.setCategories(FXCollections.observableArrayList(labels));
        }
        for (String code : codes) {
            XYChart.Series<String, Number> codeSeries = series.computeIfAbsent(code, this::newSeries);
            Map<String, Bar> shown = bars.computeIfAbsent(code, c -> new HashMap<>());
            for (int i = 0; i < buckets.size(); i++) {
                HistogramBucket bucket = buckets.get(i);
                if (bucket.count(code) == 0) {
                    continue;
                }
                Bar bar = shown.computeIfAbsent(labels.get(i), label -> new Bar(codeSeries, label, code));
                bar.show(bucket, now != null && bucket.end().isAfter(now),
                        selected != null && !selected.start().equals(bucket.start()));
            }
        }
        if (rebuild) {
            chart.getData().setAll(series.values());
        }
    }

    private XYChart.Series<String, Number> newSeries(String code) {
        XYChart.Series<String, Number> codeSeries = new XYChart.Series<>();
        codeSeries.setName(code.isEmpty() ? "?" : VisibleText.escape(code, AuthEventCells.CELL_CHARS));
        return codeSeries;
    }

    /** One bar (one code in one bucket): its chart data and what it stands for now, kept on its node. */
    private final class Bar {
        final XYChart.Data<String, Number> data;
        final String code;
        HistogramBucket bucket;
        boolean partial;
        boolean dimmed;
        Tooltip tooltip;

        Bar(XYChart.Series<String, Number> series, String label, String code) {
            this.code = code;
            this.data = new XYChart.Data<>(label, 0);
            data.nodeProperty().addListener((obs, old, node) -> decorate());
            series.getData().add(data);
        }

        void show(HistogramBucket bucket, boolean partial, boolean dimmed) {
            this.bucket = bucket;
            this.partial = partial;
            this.dimmed = dimmed;
            Integer count = bucket.count(code);
            if (!count.equals(data.getYValue())) {
                data.setYValue(count);
            }
            decorate();
        }

        private void decorate() {
            Node node = data.getNode();
            if (node == null || bucket == null) {
                return;
            }
            if (!node.getProperties().containsKey(Bar.class)) {
                node.getProperties().put(Bar.class, this);
                node.setCursor(Cursor.HAND);
                node.setOnMouseClicked(e -> onSelect.accept(bucket));
                // the tooltip is made, and its text written, when the pointer reaches the bar: hundreds made on
                // every filter keystroke made typing lag (issue 19)
                node.addEventHandler(MouseEvent.MOUSE_ENTERED, e -> {
                    if (tooltip == null) {
                        tooltip = new Tooltip();
                        Tooltip.install(node, tooltip);
                    }
                    tooltip.setText(data.getXValue() + " \u00b7 " + VisibleText.escape(code, AuthEventCells.CELL_CHARS)
                            + ": " + bucket.count(code) + " / " + bucket.total()
                            + (bucket.spike() ? " (spike)" : "") + (partial ? " " + partialText : ""));
                });
            }
            // still filling: drawn lighter, not read as a drop (a pseudo-class: the chart resets style classes)
            node.pseudoClassStateChanged(PARTIAL, partial);
            if (bucket.spike() != node.getStyleClass().contains("spike-bar")) {
                if (bucket.spike()) {
                    node.getStyleClass().add("spike-bar");
                } else {
                    node.getStyleClass().remove("spike-bar");
                }
            }
            double opacity = dimmed ? 0.35 : 1;
            if (node.getOpacity() != opacity) {
                node.setOpacity(opacity);
            }
        }
    }

    /** Time labels centred under some of the bars, placed where the axis puts those bars after each layout. */
    private final class TimeTicks extends Pane {
        private final Map<Label, String> categories = new LinkedHashMap<>();

        TimeTicks() {
            getStyleClass().add("histogram-ticks");
        }

        void show(Map<String, String> named) {
            if (List.copyOf(named.entrySet()).equals(List.copyOf(shownTexts().entrySet()))) {
                return; // the same times under the same bars: keep the labels (a live-tail poll)
            }
            categories.clear();
            named.forEach((category, text) -> {
                Label label = new Label(text);
                label.getStyleClass().add("histogram-tick");
                categories.put(label, category);
            });
            getChildren().setAll(categories.keySet());
        }

        private Map<String, String> shownTexts() {
            Map<String, String> texts = new LinkedHashMap<>();
            categories.forEach((label, category) -> texts.put(category, label.getText()));
            return texts;
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
