package io.keydeck.ui.review;

import io.keydeck.model.VisibleText;
import io.keydeck.review.Finding;
import io.keydeck.review.FixAction;
import io.keydeck.review.Severity;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.ResourceBundle;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;

/** How each column of the findings table draws a finding: severity badge, key, wrapped reason, fix button. */
final class FindingCells {
    private final ReviewViewModel viewModel;
    private final ResourceBundle messages;

    FindingCells(ReviewViewModel viewModel, ResourceBundle messages) {
        this.viewModel = viewModel;
        this.messages = messages;
    }

    static <T> void value(TableColumn<Finding, T> column, Function<Finding, T> getter) {
        column.setCellValueFactory(data -> new ReadOnlyObjectWrapper<>(getter.apply(data.getValue())));
    }

    void severity(TableColumn<Finding, Severity> column) {
        column.setCellFactory(c -> cell((cell, severity) -> {
            Label badge = new Label(messages.getString("review.severity." + severity.name()));
            badge.getStyleClass().addAll("badge", "severity-" + severity.label());
            cell.setGraphic(badge);
        }));
    }

    void text(TableColumn<Finding, String> column) {
        column.setCellFactory(c -> cell((cell, text) -> {
            cell.setText(VisibleText.escape(text, 300));
            cell.setTooltip(new Tooltip(VisibleText.escape(text, 2000)));
        }));
    }

    void key(TableColumn<Finding, Finding> column) {
        column.setCellFactory(c -> cell((cell, finding) -> {
            Label name = new Label(VisibleText.escape(finding.key().name(), 120));
            name.getStyleClass().add("key-name");
            Label hint = new Label(VisibleText.escape(finding.key().hint(), 120));
            hint.getStyleClass().add("key-hint");
            cell.setGraphic(new VBox(1, name, hint));
        }));
    }

    void reason(TableColumn<Finding, String> column) {
        column.setCellFactory(c -> cell((cell, reason) -> {
            Text text = new Text(reason);
            text.getStyleClass().add("finding-reason");
            text.wrappingWidthProperty().bind(column.widthProperty().subtract(18));
            cell.setGraphic(text);
        }));
    }

    void fix(TableColumn<Finding, Finding> column, Consumer<Finding> onRevoke, Consumer<Finding> onOpen) {
        column.setCellFactory(c -> cell((cell, finding) -> {
            Button button = new Button(viewModel.actionText(finding.action()));
            button.getStyleClass().addAll("small", "fix-button", "fix-" + finding.action().label());
            button.setGraphic(new FontIcon(finding.action() == FixAction.REVOKE ? Feather.SLASH : Feather.ARROW_RIGHT));
            boolean revoke = finding.action() == FixAction.REVOKE;
            button.setOnAction(e -> (revoke ? onRevoke : onOpen).accept(finding));
            viewModel.actionUnavailable(finding).ifPresent(reason -> {
                button.setDisable(true);
                cell.setTooltip(new Tooltip(reason));
            });
            cell.setGraphic(button);
        }));
    }

    private static <T> TableCell<Finding, T> cell(BiConsumer<TableCell<Finding, T>, T> draw) {
        return new TableCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(null);
                setGraphic(null);
                setTooltip(null);
                if (!empty && item != null) {
                    draw.accept(this, item);
                }
            }
        };
    }
}
