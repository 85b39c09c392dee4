package io.keydeck.ui.keys;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.util.StringConverter;

import java.util.List;
import java.util.ResourceBundle;

/**
 * The owner and spend filters beside the search field (issue 21): an owner choice, "spend above" an amount in
 * a unit chosen from the keys' units (with a note naming the keys counted in other units, which are not
 * compared) and "near limit". Each shows only while the table has the column it filters on.
 */
final class AccountFilterBar {
    private static final javafx.css.PseudoClass DANGER = atlantafx.base.theme.Styles.STATE_DANGER;

    private AccountFilterBar() {
    }

    /** The controls, bound to {@code viewModel}; owner shown while {@code owners}, the others while {@code money}. */
    static List<Node> controls(KeysViewModel viewModel, ResourceBundle messages, ObservableBooleanValue owners,
                               ObservableBooleanValue money) {
        ComboBox<String> owner = new ComboBox<>();
        owner.setId("ownerFilter");
        owner.getItems().add("");
        owner.getItems().addAll(viewModel.owners());
        viewModel.owners().addListener((ListChangeListener<String>) change -> {
            String chosen = owner.getValue();
            owner.getItems().setAll("");
            owner.getItems().addAll(viewModel.owners());
            owner.setValue(owner.getItems().contains(chosen) ? chosen : "");
        });
        owner.setValue("");
        owner.setPrefWidth(180); // an owner with a long name is cut here, not the filter bar widened
        owner.setConverter(new StringConverter<>() {
            @Override
            public String toString(String value) {
                return value == null || value.isEmpty() ? messages.getString("keys.filter.anyOwner") : value;
            }

            @Override
            public String fromString(String text) {
                return text;
            }
        });
        owner.valueProperty().addListener((obs, old, value) ->
                viewModel.ownerFilterProperty().set(value == null || value.isEmpty() ? null : value));
        viewModel.ownerFilterProperty().addListener((obs, old, value) -> owner.setValue(value == null ? "" : value));
        owner.setTooltip(new Tooltip(messages.getString("keys.filter.ownerHint")));

        TextField spendAbove = new TextField();
        spendAbove.setId("spendAboveFilter");
        spendAbove.setPromptText(messages.getString("keys.filter.spendAbove"));
        spendAbove.setPrefColumnCount(9);
        spendAbove.setTooltip(new Tooltip(messages.getString("keys.filter.spendAboveHint")));
        spendAbove.textProperty().bindBidirectional(viewModel.spendAboveProperty());
        spendAbove.textProperty().addListener((obs, old, text) ->
                spendAbove.pseudoClassStateChanged(DANGER, viewModel.spendAboveInvalid()));

        ComboBox<String> unit = new ComboBox<>(viewModel.spendUnits());
        unit.setId("spendUnitChoice");
        unit.setAccessibleText(messages.getString("keys.filter.spendUnit"));
        unit.valueProperty().bindBidirectional(viewModel.spendUnitProperty());
        unit.setTooltip(new Tooltip(messages.getString("keys.filter.spendUnitHint")));
        Label notCompared = new Label();
        notCompared.setId("spendUnitNote");
        notCompared.getStyleClass().addAll("text-muted", "text-small");
        notCompared.textProperty().bind(viewModel.spendUnitNote());
        notCompared.setTooltip(new Tooltip(messages.getString("keys.filter.spendUnitHint")));

        ToggleButton nearLimit = new ToggleButton(messages.getString("keys.filter.nearLimit"));
        nearLimit.setId("nearLimitFilter");
        nearLimit.setMnemonicParsing(false);
        nearLimit.setTooltip(new Tooltip(messages.getString("keys.filter.nearLimitHint")));
        nearLimit.selectedProperty().bindBidirectional(viewModel.nearLimitProperty());

        showWhile(owner, owners);
        showWhile(spendAbove, money);
        showWhile(unit, money);
        showWhile(nearLimit, money);
        showWhile(notCompared, Bindings.createBooleanBinding(() -> money.get() && !notCompared.getText().isEmpty(),
                money, notCompared.textProperty()));
        return List.of(owner, spendAbove, unit, nearLimit, notCompared);
    }

    private static void showWhile(Node node, ObservableBooleanValue shown) {
        node.visibleProperty().bind(Bindings.createBooleanBinding(shown::get, shown));
        node.managedProperty().bind(node.visibleProperty());
    }
}
