package io.keydeck.ui.authlog;

import io.keydeck.model.VisibleText;
import io.keydeck.model.AuthEvent;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.Tooltip;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.text.MessageFormat;
import java.util.ResourceBundle;
import java.util.function.Function;

/** The auth log's table cells: gateway text escaped, key links, the "this console" marker. */
final class AuthEventCells {
    /** Gateway text in a cell: a bounded prefix, hostile characters shown escaped. */
    static final int CELL_CHARS = 120;

    private final AuthLogViewModel viewModel;
    private final ResourceBundle messages;

    AuthEventCells(AuthLogViewModel viewModel, ResourceBundle messages) {
        this.viewModel = viewModel;
        this.messages = messages;
    }

    static void text(TableColumn<AuthEvent, String> column, Function<AuthEvent, String> value) {
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(VisibleText.escape(value.apply(c.getValue()),
                CELL_CHARS)));
    }

    /** The key hint; a link to the key when the gateway knew it, a marker for this console's own calls. */
    void key(TableColumn<AuthEvent, AuthEvent> column) {
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        column.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(AuthEvent e, boolean empty) {
                super.updateItem(e, empty);
                setText(null);
                setGraphic(empty || e == null ? null : keyGraphic(e));
            }
        });
    }

    private javafx.scene.Node keyGraphic(AuthEvent e) {
        if (viewModel.isFromConsole(e)) {
            Label marker = new Label(messages.getString("authlog.thisConsole"), new FontIcon(Feather.MONITOR));
            marker.getStyleClass().addAll("badge", "console-badge");
            marker.setTooltip(new Tooltip(messages.getString("authlog.thisConsoleTip")));
            return marker;
        }
        if (e.keyId() != null && !e.keyId().isBlank()) {
            Hyperlink link = new Hyperlink(VisibleText.escape(e.keyHint(), CELL_CHARS));
            link.getStyleClass().add("key-link");
            link.setTooltip(new Tooltip(MessageFormat.format(messages.getString("authlog.openKey"),
                    VisibleText.escape(e.keyId(), CELL_CHARS))));
            link.setOnAction(a -> viewModel.openKey(e.keyId()));
            return link;
        }
        Label hint = new Label(VisibleText.escape(e.keyHint(), CELL_CHARS));
        hint.getStyleClass().add("key-hint");
        return hint;
    }
}
