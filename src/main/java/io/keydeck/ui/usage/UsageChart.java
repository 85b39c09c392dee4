package io.keydeck.ui.usage;

import io.keydeck.model.UsageBucket;
import io.keydeck.usage.ChartSeries;
import io.keydeck.usage.SeriesReduction;
import io.keydeck.usage.UsageRange;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.StackedAreaChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Pane;
import javafx.scene.layout.StackPane;
import javafx.scene.shape.Line;
import javafx.util.StringConverter;

import java.text.NumberFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/**
 * The usage chart: JavaFX's own line or stacked-area chart (no animation, no symbols), each series thinned
 * to the plot's pixel columns, with a crosshair label for the exact value under the mouse and clicks on a
 * line or legend entry reported as a selection.
 */
public final class UsageChart {
    private static final long[] TICK_HOURS = {1, 2, 3, 6, 12, 24, 48, 72, 168, 336, 720, 1440, 2160};
    private static final double DIMMED = 0.3;

    private final LineChart<Number, Number> line = new LineChart<>(new NumberAxis(), new NumberAxis());
    private final StackedAreaChart<Number, Number> area = new StackedAreaChart<>(new NumberAxis(), new NumberAxis());
    private final Line crosshair = new Line();
    private final Label hoverLabel = new Label();
    /** Over the bucket still filling: lighter, hatched, and a "so far" note, so its drop reads as partial. */
    private final javafx.scene.layout.Region partialBand = new javafx.scene.layout.Region();
    private final Label partialNote = new Label();
    private Instant partialFrom;
    private Instant rangeEnd;
    private final StackPane root;
    private final BiFunction<ChartSeries, Integer, String> describe;
    private final Consumer<ChartSeries> onSelect;
    private List<ChartSeries> shown = List.of();

    public UsageChart(BiFunction<ChartSeries, Integer, String> describe, Consumer<ChartSeries> onSelect) {
        this(describe, onSelect, "");
    }

    /** {@code partialText} names the band over the bucket still filling ("so far"). */
    public UsageChart(BiFunction<ChartSeries, Integer, String> describe, Consumer<ChartSeries> onSelect,
                      String partialText) {
        this.describe = describe;
        this.onSelect = onSelect;
        for (XYChart<Number, Number> chart : List.of(line, area)) {
            chart.setAnimated(false);
            chart.getStyleClass().add("usage-chart");
            chart.setOnMouseMoved(this::hover);
            chart.setOnMouseExited(e -> hideHover());
            chart.setOnMouseClicked(e -> nearest(e).ifPresent(hit -> onSelect.accept(hit.series)));
            ((NumberAxis) chart.getYAxis()).setForceZeroInRange(true);
            ((NumberAxis) chart.getYAxis()).setTickLabelFormatter(compactNumbers());
        }
        line.setCreateSymbols(false);
        area.setCreateSymbols(false);
        area.setVisible(false);
        crosshair.getStyleClass().add("usage-crosshair");
        hoverLabel.getStyleClass().add("usage-hover");
        partialNote.setText(partialText);
        partialNote.getStyleClass().add("usage-partial-note");
        partialBand.getStyleClass().add("usage-partial-band");
        partialBand.setManaged(false);
        partialBand.setVisible(false);
        partialNote.setManaged(false);
        partialNote.visibleProperty().bind(partialBand.visibleProperty());
        for (XYChart<Number, Number> chart : List.of(line, area)) {
            chart.needsLayoutProperty().addListener((obs, was, needs) -> {
                if (!needs) {
                    placePartialBand();
                }
            });
        }
        Pane overlay = new Pane(partialBand, partialNote, crosshair, hoverLabel);
        overlay.setMouseTransparent(true);
        hideHover();
        root = new StackPane(line, area, overlay);
        root.getStyleClass().add("usage-chart-pane");
    }

    public Node node() {
        return root;
    }

    /** The chart on screen now, for snapshots and tests. */
    XYChart<Number, Number> visibleChart() {
        return area.isVisible() ? area : line;
    }

    /** As {@link #show(List, UsageRange, boolean, ChartSeries)}, with the bucket from {@code partial} on marked as still filling. */
    public void show(List<ChartSeries> series, UsageRange range, boolean stacked, ChartSeries selected,
                     Instant partial) {
        partialFrom = range == null ? null : partial;
        rangeEnd = range == null ? null : range.end();
        show(series, range, stacked, selected);
    }

    public void show(List<ChartSeries> series, UsageRange range, boolean stacked, ChartSeries selected) {
        hideHover();
        line.setVisible(!stacked);
        area.setVisible(stacked);
        (stacked ? line : area).getData().clear();
        XYChart<Number, Number> chart = visibleChart();
        shown = List.copyOf(series);
        if (range != null) {
            setTimeAxis((NumberAxis) chart.getXAxis(), range);
        }
        int columns = (int) Math.max(200, root.getWidth() > 0 ? root.getWidth() : 1000);
        ObservableList<XYChart.Series<Number, Number>> data = FXCollections.observableArrayList();
        for (ChartSeries one : shown) {
            ChartSeries reduced = SeriesReduction.toColumns(one, columns);
            List<XYChart.Data<Number, Number>> points = new ArrayList<>(reduced.size());
            for (int i = 0; i < reduced.size(); i++) {
                points.add(new XYChart.Data<>(reduced.x()[i], reduced.y()[i]));
            }
            data.add(new XYChart.Series<>(one.name(), FXCollections.observableArrayList(points)));
        }
        chart.setData(data);
        highlight(selected);
        placePartialBand();
        Platform.runLater(this::wireLegend);
    }

    /** Dims every series but the selected one. */
    void highlight(ChartSeries selected) {
        List<XYChart.Series<Number, Number>> data = visibleChart().getData();
        for (int i = 0; i < data.size() && i < shown.size(); i++) {
            Node node = data.get(i).getNode();
            if (node != null) {
                node.setOpacity(selected == null || same(shown.get(i), selected) ? 1 : DIMMED);
            }
        }
    }

    private static boolean same(ChartSeries a, ChartSeries b) {
        return a.isOthers() ? b.isOthers() : a.keyId().equals(b.keyId());
    }

    private void wireLegend() {
        List<Node> items = new ArrayList<>(visibleChart().lookupAll(".chart-legend-item"));
        for (int i = 0; i < items.size() && i < shown.size(); i++) {
            ChartSeries series = shown.get(i);
            items.get(i).setOnMouseClicked(e -> onSelect.accept(series));
            items.get(i).setCursor(javafx.scene.Cursor.HAND);
        }
    }

    private record Hit(ChartSeries series, int index) {
    }

    /** The series and bucket under the mouse: the nearest line, or for stacked areas the band it is in. */
    private java.util.Optional<Hit> nearest(MouseEvent event) {
        XYChart<Number, Number> chart = visibleChart();
        Node plot = chart.lookup(".chart-plot-background");
        if (shown.isEmpty() || plot == null || shown.get(0).size() == 0) {
            return java.util.Optional.empty();
        }
        Bounds bounds = plot.localToScene(plot.getBoundsInLocal());
        if (!bounds.contains(event.getSceneX(), event.getSceneY())) {
            return java.util.Optional.empty();
        }
        NumberAxis xAxis = (NumberAxis) chart.getXAxis();
        NumberAxis yAxis = (NumberAxis) chart.getYAxis();
        double x = xAxis.getValueForDisplay(xAxis.sceneToLocal(event.getSceneX(), event.getSceneY()).getX()).doubleValue();
        double y = yAxis.getValueForDisplay(yAxis.sceneToLocal(event.getSceneX(), event.getSceneY()).getY()).doubleValue();
        double[] xs = shown.get(0).x();
        double step = xs.length > 1 ? xs[1] - xs[0] : 1;
        int index = (int) Math.max(0, Math.min(xs.length - 1, Math.floor((x - xs[0]) / step)));
        ChartSeries best = shown.get(shown.size() - 1);
        double bestDistance = Double.MAX_VALUE;
        double stackedTop = 0;
        for (ChartSeries series : shown) {
            double value = series.y()[index];
            if (area.isVisible()) {
                stackedTop += value;
                if (y <= stackedTop) {
                    best = series;
                    break;
                }
            } else if (Math.abs(value - y) < bestDistance) {
                bestDistance = Math.abs(value - y);
                best = series;
            }
        }
        return java.util.Optional.of(new Hit(best, index));
    }

    private void hover(MouseEvent event) {
        java.util.Optional<Hit> hit = nearest(event);
        if (hit.isEmpty()) {
            hideHover();
            return;
        }
        Node plot = visibleChart().lookup(".chart-plot-background");
        Bounds plotBounds = root.sceneToLocal(plot.localToScene(plot.getBoundsInLocal()));
        Point2D mouse = root.sceneToLocal(event.getSceneX(), event.getSceneY());
        crosshair.setStartX(mouse.getX());
        crosshair.setEndX(mouse.getX());
        crosshair.setStartY(plotBounds.getMinY());
        crosshair.setEndY(plotBounds.getMaxY());
        hoverLabel.setText(describe.apply(hit.get().series, hit.get().index));
        hoverLabel.applyCss();
        double width = hoverLabel.prefWidth(-1);
        double left = mouse.getX() + 12 + width > plotBounds.getMaxX() ? mouse.getX() - 12 - width : mouse.getX() + 12;
        hoverLabel.relocate(Math.max(plotBounds.getMinX(), left), plotBounds.getMinY() + 6);
        crosshair.setVisible(true);
        hoverLabel.setVisible(true);
    }

    /** Lays the partial band over the plot from the partial bucket's start to the range's end. */
    private void placePartialBand() {
        XYChart<Number, Number> chart = visibleChart();
        Node plot = chart.lookup(".chart-plot-background");
        if (partialFrom == null || rangeEnd == null || shown.isEmpty() || plot == null) {
            partialBand.setVisible(false);
            return;
        }
        NumberAxis xAxis = (NumberAxis) chart.getXAxis();
        Bounds plotBounds = root.sceneToLocal(plot.localToScene(plot.getBoundsInLocal()));
        double from = root.sceneToLocal(xAxis.localToScene(xAxis.getDisplayPosition(partialFrom.toEpochMilli()), 0)).getX();
        double to = root.sceneToLocal(xAxis.localToScene(xAxis.getDisplayPosition(rangeEnd.toEpochMilli()), 0)).getX();
        double left = Math.max(plotBounds.getMinX(), Math.min(from, to));
        double right = Math.min(plotBounds.getMaxX(), Math.max(from, to));
        double width = Math.max(right - left, 2);
        partialBand.resizeRelocate(right - width, plotBounds.getMinY(), width, plotBounds.getHeight());
        partialNote.applyCss();
        double noteWidth = partialNote.prefWidth(-1);
        partialNote.resizeRelocate(Math.max(plotBounds.getMinX(), right - noteWidth), plotBounds.getMinY() + 2,
                noteWidth, partialNote.prefHeight(noteWidth));
        partialBand.setVisible(plotBounds.getWidth() > 0);
    }

    /** Where the "still filling" band sits, in the chart's coordinates; null while it is not shown. */
    Bounds partialBandBounds() {
        return partialBand.isVisible() ? partialBand.getBoundsInParent() : null;
    }

    /** What the crosshair label says now; empty when hidden. */
    String hoverText() {
        return hoverLabel.isVisible() ? hoverLabel.getText() : "";
    }

    private void hideHover() {
        crosshair.setVisible(false);
        hoverLabel.setVisible(false);
    }

    private static void setTimeAxis(NumberAxis axis, UsageRange range) {
        axis.setAutoRanging(false);
        axis.setLowerBound(range.start().toEpochMilli());
        axis.setUpperBound(range.end().toEpochMilli());
        long hours = range.length().toHours();
        long unit = TICK_HOURS[TICK_HOURS.length - 1];
        for (long candidate : TICK_HOURS) {
            if (hours / candidate <= 10) {
                unit = candidate;
                break;
            }
        }
        axis.setTickUnit(Duration.ofHours(unit).toMillis());
        axis.setMinorTickVisible(false);
        DateTimeFormatter format = DateTimeFormatter.ofPattern(
                range.bucket() == UsageBucket.HOUR && unit < 24 ? "MM-dd HH:mm" : "MMM d", Locale.getDefault())
                .withZone(ZoneOffset.UTC);
        axis.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number value) {
                return format.format(Instant.ofEpochMilli(value.longValue()));
            }

            @Override
            public Number fromString(String text) {
                throw new UnsupportedOperationException();
            }
        });
    }

    private static StringConverter<Number> compactNumbers() {
        NumberFormat format = NumberFormat.getCompactNumberInstance(Locale.getDefault(), NumberFormat.Style.SHORT);
        format.setMaximumFractionDigits(1);
        NumberFormat small = NumberFormat.getNumberInstance(Locale.getDefault());
        small.setMaximumFractionDigits(3); // a spend of cents per hour keeps the digits that tell its ticks apart
        return new StringConverter<>() {
            @Override
            public String toString(Number value) {
                return (Math.abs(value.doubleValue()) < 10 ? small : format).format(value.doubleValue());
            }

            @Override
            public Number fromString(String text) {
                throw new UnsupportedOperationException();
            }
        };
    }
}
