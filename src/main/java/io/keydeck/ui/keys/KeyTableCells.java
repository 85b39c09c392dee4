package io.keydeck.ui.keys;

import io.keydeck.model.ApiKey;
import io.keydeck.model.VisibleText;
import io.keydeck.model.KeyEnvironment;
import io.keydeck.model.KeyStatus;
import io.keydeck.ui.common.TooltipOnHover;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * How each column of the keys table draws its value. Columns hold the underlying value (an
 * {@link Instant}, a {@link KeyStatus}) so they sort by it, and only the cell turns it into text.
 */
final class KeyTableCells {
    private static final int MAX_CHIP_CHARACTERS = 20;
    private static final String EXTRA_STYLES = "keydeck.extraStyles";

    static final int CELL_CHARS = 120;
    static final int TOOLTIP_CHARS = 600;
    private final KeysViewModel viewModel;

    KeyTableCells(KeysViewModel viewModel) {
        this.viewModel = viewModel;
    }

    static <T> void value(TableColumn<ApiKey, T> column, Function<ApiKey, T> getter) {
        column.setCellValueFactory(data -> new ReadOnlyObjectWrapper<>(getter.apply(data.getValue())));
    }

    void text(TableColumn<ApiKey, String> column, String... styleClasses) {
        column.setCellFactory(c -> cell((cell, value) -> {
            // gateway text: escaped, and a bounded prefix (the details pane has the whole value)
            cell.setText(VisibleText.escape(value, CELL_CHARS));
            TooltipOnHover.text(cell, VisibleText.escape(value, TOOLTIP_CHARS));
            cell.getProperties().put(EXTRA_STYLES, List.of(styleClasses));
        }));
    }

    void relativeTime(TableColumn<ApiKey, Instant> column) {
        column.setCellFactory(c -> cell((cell, when) -> {
            cell.setText(viewModel.relative(when));
            if (when != null) {
                TooltipOnHover.text(cell, viewModel.exactTime(when));
            }
        }));
    }

    void lastUsed(TableColumn<ApiKey, Instant> column) {
        column.setCellFactory(c -> cell((cell, when) -> {
            cell.setText(viewModel.relative(when));
            ApiKey key = cell.getTableRow() == null ? null : cell.getTableRow().getItem();
            if (key != null) {
                TooltipOnHover.text(cell, viewModel.lastUsedDetail(key));
            }
        }));
    }

    void expires(TableColumn<ApiKey, Instant> column) {
        column.setCellFactory(c -> cell((cell, when) -> {
            cell.setText(viewModel.expiresText(when));
            cell.getProperties().put(EXTRA_STYLES,
                    List.of("expiry-" + viewModel.expiry(when).name().toLowerCase(Locale.ROOT)));
            if (when != null) {
                TooltipOnHover.text(cell, viewModel.exactTime(when));
            }
        }));
    }

    void status(TableColumn<ApiKey, KeyStatus> column) {
        column.setCellFactory(c -> cell((cell, keyStatus) -> cell.setGraphic(
                badge(viewModel.statusText(keyStatus), "status-" + keyStatus.name().toLowerCase(Locale.ROOT)))));
    }

    void environment(TableColumn<ApiKey, KeyEnvironment> column) {
        column.setCellFactory(c -> cell((cell, environment) -> {
            if (environment != KeyEnvironment.NONE) {
                cell.setGraphic(badge(environment.wireName(), "env-" + environment.wireName()));
            }
        }));
    }

    /** Chips while they stay short, then "+N"; the tooltip and the details pane list them all. */
    void scopes(TableColumn<ApiKey, List<String>> column) {
        column.setComparator(Comparator.comparing(scopes -> String.join(",", scopes)));
        column.setCellFactory(c -> cell((cell, scopes) -> {
            HBox chips = new HBox(4);
            chips.setAlignment(Pos.CENTER_LEFT);
            int shown = 0;
            int characters = 0;
            for (String scope : scopes) {
                characters += scope.length();
                if (shown > 0 && characters > MAX_CHIP_CHARACTERS) {
                    break;
                }
                chips.getChildren().add(badge(VisibleText.escape(scope, CELL_CHARS), "chip"));
                shown++;
            }
            if (shown < scopes.size()) {
                chips.getChildren().add(badge("+" + (scopes.size() - shown), "chip-more"));
            }
            cell.setGraphic(chips);
            TooltipOnHover.text(cell, VisibleText.escape(String.join(", ", scopes), TOOLTIP_CHARS));
        }));
    }

    private static Node badge(String text, String styleClass) {
        Label label = new Label(text);
        label.setMinWidth(Region.USE_PREF_SIZE);
        label.getStyleClass().addAll("badge", styleClass);
        return label;
    }

    private interface CellPainter<T> {
        void paint(TableCell<ApiKey, T> cell, T value);
    }

    private static <T> TableCell<ApiKey, T> cell(CellPainter<T> painter) {
        TableCell<ApiKey, T> drawn = new TableCell<>() {
            private final List<String> baseStyles = List.copyOf(getStyleClass());

            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(null);
                setGraphic(null);
                TooltipOnHover.text(this, null);
                getProperties().remove(EXTRA_STYLES);
                if (!empty) {
                    painter.paint(this, item);
                }
                restyle();
            }

            /** Changing style classes makes JavaFX redo the cell's CSS: only do it when they differ. */
            @SuppressWarnings("unchecked")
            private void restyle() {
                List<String> extra = (List<String>) getProperties().getOrDefault(EXTRA_STYLES, List.of());
                List<String> wanted = new java.util.ArrayList<>(baseStyles);
                wanted.addAll(extra);
                if (!getStyleClass().equals(wanted)) {
                    getStyleClass().setAll(wanted);
                }
            }
        };
        TooltipOnHover.install(drawn);
        return drawn;
    }
}
