package io.keydeck.ui.keys;

import io.keydeck.gateway.GatewayDriver;
import io.keydeck.model.ApiKey;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

import java.util.ArrayList;
import java.util.List;

/**
 * The extra columns a driver names in {@link GatewayDriver#keyAttributeNames()} (credit limit,
 * budget, rpm/tpm, project …): shown only while a connection of that driver is displayed.
 */
public final class DriverAttributeColumns {
    static final String STYLE_CLASS = "driver-attribute-column";

    private final List<TableColumn<ApiKey, String>> shown = new ArrayList<>();

    /** Keeps {@code table}'s attribute columns in step with {@code driver}. */
    public void install(TableView<ApiKey> table, ReadOnlyObjectProperty<GatewayDriver> driver) {
        show(table, driver.get());
        driver.addListener((obs, old, now) -> {
            if (old == null || now == null || !old.keyAttributeNames().equals(now.keyAttributeNames())) {
                show(table, now);
            }
        });
    }

    private void show(TableView<ApiKey> table, GatewayDriver driver) {
        table.getColumns().removeAll(shown);
        shown.clear();
        if (driver == null) {
            return;
        }
        for (String name : driver.keyAttributeNames()) {
            TableColumn<ApiKey, String> column = new TableColumn<>(name);
            column.getStyleClass().add(STYLE_CLASS);
            column.setCellValueFactory(row -> new SimpleStringProperty(row.getValue().attributes().getOrDefault(name, "")));
            column.setPrefWidth(110);
            shown.add(column);
        }
        table.getColumns().addAll(shown);
    }
}
