package io.keydeck.ui.authlog;

import io.keydeck.authlog.EventHistogram;
import io.keydeck.authlog.HistogramBucket;
import javafx.collections.FXCollections;
import javafx.scene.Cursor;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Tooltip;

import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The bars above the auth table: events per bucket stacked by code, spikes marked; clicking a bar
 * hands its bucket to {@code onSelect}.
 */
final class EventHistogramChart {
    private static final DateTimeFormatter BUCKET = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final CategoryAxis xAxis = new CategoryAxis();
    private final NumberAxis yAxis = new NumberAxis();
    private final StackedBarChart<String, Number> chart = new StackedBarChart<>(xAxis, yAxis);
    private final Consumer<HistogramBucket> onSelect;
    private final ZoneId zone;

    EventHistogramChart(ZoneId zone, Consumer<HistogramBucket> onSelect) {
        this.zone = zone;
        this.onSelect = onSelect;
        chart.setAnimated(false);
        chart.setLegendVisible(true);
        chart.setLegendSide(javafx.geometry.Side.RIGHT);
        chart.setCategoryGap(1);
        chart.setVerticalGridLinesVisible(false);
        chart.getStyleClass().add("auth-histogram-chart");
        yAxis.setMinorTickVisible(false);
        // a category axis measures every label and turns them upright when hundreds of bars crowd it, which
        // took half the histogram's height; the covered time is the chart's caption below instead
        xAxis.setTickLabelsVisible(false);
        xAxis.setTickMarkVisible(false);
        chart.setTitleSide(javafx.geometry.Side.BOTTOM);
    }

    StackedBarChart<String, Number> node() {
        return chart;
    }

    void show(List<HistogramBucket> buckets, HistogramBucket selected) {
        List<String> labels = new ArrayList<>(buckets.size());
        DateTimeFormatter bucketName = BUCKET.withZone(zone);
        for (HistogramBucket bucket : buckets) {
            labels.add(bucketName.format(bucket.start())); // unique: the narrowest bucket is one minute
        }
        DateTimeFormatter format = formatFor(buckets);
        chart.setTitle(buckets.isEmpty() ? null : format.format(buckets.get(0).start()) + " \u2013 "
                + format.format(buckets.get(buckets.size() - 1).end()));
        chart.getData().clear();
        xAxis.setCategories(FXCollections.observableArrayList(labels));
        List<XYChart.Series<String, Number>> all = new ArrayList<>();
        for (String code : EventHistogram.codes(buckets)) {
            XYChart.Series<String, Number> series = new XYChart.Series<>();
            series.setName(code.isEmpty() ? "?" : code);
            for (int i = 0; i < buckets.size(); i++) {
                HistogramBucket bucket = buckets.get(i);
                int count = bucket.count(code);
                if (count == 0) {
                    continue;
                }
                XYChart.Data<String, Number> data = new XYChart.Data<>(labels.get(i), count);
                data.nodeProperty().addListener((obs, old, node) -> {
                    if (node != null) {
                        decorate(node, data.getXValue(), bucket, code, count, selected);
                    }
                });
                series.getData().add(data);
            }
            all.add(series);
        }
        chart.getData().setAll(all);
    }

    private void decorate(javafx.scene.Node node, String when, HistogramBucket bucket, String code, int count,
                          HistogramBucket selected) {
        node.setCursor(Cursor.HAND);
        node.setOnMouseClicked(e -> onSelect.accept(bucket));
        Tooltip.install(node, new Tooltip(when + " \u00b7 " + code + ": " + count + " / " + bucket.total()
                + (bucket.spike() ? " (spike)" : "")));
        if (bucket.spike()) {
            node.getStyleClass().add("spike-bar");
        }
        if (selected != null && !selected.start().equals(bucket.start())) {
            node.setOpacity(0.35);
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
