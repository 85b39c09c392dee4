package io.keydeck.ui.authlog;

import io.keydeck.model.VisibleText;
import io.keydeck.model.AuthEvent;
import io.keydeck.ui.common.TooltipOnHover;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
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
        column.setCellFactory(col -> new KeyCell());
    }

    /**
     * Makes its marker, link and label once and then only changes their text: a live-tail poll shifts every
     * shown row down by the new ones, and nodes (and tooltips, popup windows of their own) made afresh for
     * each row had CSS applied to them on every poll. Tooltips are made when the pointer first reaches them.
     */
    private final class KeyCell extends TableCell<AuthEvent, AuthEvent> {
        private Label marker;
        private Hyperlink link;
        private Label hint;
        private String linkedKeyId;

        @Override
        protected void updateItem(AuthEvent e, boolean empty) {
            super.updateItem(e, empty);
            setText(null);
            setGraphic(empty || e == null ? null : graphic(e));
        }

        private Node graphic(AuthEvent e) {
            if (viewModel.isFromConsole(e)) {
                if (marker == null) {
                    marker = new Label(messages.getString("authlog.thisConsole"), new FontIcon(Feather.MONITOR));
                    marker.getStyleClass().addAll("badge", "console-badge");
                    TooltipOnHover.install(marker);
                    TooltipOnHover.text(marker, messages.getString("authlog.thisConsoleTip"));
                }
                return marker;
            }
            if (e.keyId() != null && !e.keyId().isBlank()) {
                if (link == null) {
                    link = new Hyperlink();
                    link.getStyleClass().add("key-link");
                    TooltipOnHover.install(link);
                    link.setOnAction(a -> viewModel.openKey(linkedKeyId));
                }
                linkedKeyId = e.keyId();
                link.setText(VisibleText.escape(e.keyHint(), CELL_CHARS));
                TooltipOnHover.text(link, MessageFormat.format(messages.getString("authlog.openKey"),
                        VisibleText.escape(e.keyId(), CELL_CHARS)));
                return link;
            }
            if (hint == null) {
                hint = new Label();
                hint.getStyleClass().add("key-hint");
            }
            hint.setText(VisibleText.escape(e.keyHint(), CELL_CHARS));
            return hint;
        }
    }
}
