package io.keydeck.ui.authlog;

import io.keydeck.model.VisibleText;
import io.keydeck.ui.authlog.AuthLogViewModel.TimeRange;
import io.keydeck.ui.common.DisplayText;
import javafx.collections.ListChangeListener;
import javafx.scene.control.ComboBox;

import java.util.Locale;
import java.util.ResourceBundle;

/** The auth log's choice filters (time range, status, code) bound to the view model; "" stands for any. */
final class AuthLogFilterBar {
    private static final String ANY = "";

    private AuthLogFilterBar() {
    }

    static void bind(AuthLogViewModel viewModel, ResourceBundle messages, ComboBox<TimeRange> timeRangeBox,
                     ComboBox<String> statusBox, ComboBox<String> codeBox) {
        timeRangeBox.getItems().setAll(TimeRange.values());
        timeRangeBox.setConverter(DisplayText.of(r -> messages.getString("authlog.range."
                + r.name().toLowerCase(Locale.ROOT))));
        timeRangeBox.valueProperty().bindBidirectional(viewModel.timeRangeProperty());

        statusBox.getItems().setAll(ANY, "401", "403");
        statusBox.setConverter(DisplayText.of(s -> s.isEmpty() ? messages.getString("authlog.anyStatus") : s));
        statusBox.setValue(ANY);
        statusBox.valueProperty().addListener((obs, old, value) -> viewModel.statusFilterProperty().set(
                value == null || value.isEmpty() ? null : Integer.valueOf(value)));

        codeBox.getItems().add(ANY);
        codeBox.getItems().addAll(viewModel.codes());
        viewModel.codes().addListener((ListChangeListener<String>) c -> viewModel.codes().stream()
                .filter(code -> !codeBox.getItems().contains(code)).forEach(codeBox.getItems()::add));
        codeBox.setConverter(DisplayText.of(s -> s.isEmpty() ? messages.getString("authlog.anyCode")
                : VisibleText.escape(s, AuthEventCells.CELL_CHARS)));
        codeBox.setValue(ANY);
        codeBox.valueProperty().addListener((obs, old, value) -> viewModel.codeFilterProperty().set(
                value == null || value.isEmpty() ? null : value));
    }
}
