package io.keydeck.ui.authlog;

import io.keydeck.model.VisibleText;
import io.keydeck.authlog.Offender;
import io.keydeck.authlog.Signal;
import io.keydeck.model.AuthEvent;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.text.MessageFormat;
import java.util.ResourceBundle;
import java.util.function.Function;

/** The auth log's table cells and side-list cells: key links, the "this console" marker, signal rows. */
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

    ListCell<Signal> signalCell() {
        return new ListCell<>() {
            @Override
            protected void updateItem(Signal s, boolean empty) {
                super.updateItem(s, empty);
                setText(null);
                if (empty || s == null) {
                    setGraphic(null);
                    return;
                }
                Label reason = new Label(viewModel.signalText(s));
                reason.setWrapText(true);
                reason.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
                reason.prefWidthProperty().bind(getListView().widthProperty().subtract(36));
                reason.getStyleClass().add("signal-reason");
                VBox box = new VBox(4, reason);
                box.getStyleClass().addAll("signal", "signal-" + s.kind().name().toLowerCase(java.util.Locale.ROOT));
                if (s.keyId() != null) {
                    box.getChildren().add(openButton(s.keyId()));
                }
                setGraphic(box);
                setPrefWidth(0);
            }
        };
    }

    ListCell<Offender> offenderCell() {
        return new ListCell<>() {
            @Override
            protected void updateItem(Offender o, boolean empty) {
                super.updateItem(o, empty);
                setText(null);
                if (empty || o == null) {
                    setGraphic(null);
                    return;
                }
                Label name = new Label(VisibleText.escape(o.label(), CELL_CHARS));
                name.getStyleClass().add("key-hint");
                String countKey = o.spike() ? "authlog.offenderSpike" : "authlog.offender";
                Label count = new Label(MessageFormat.format(messages.getString(countKey), o.count(),
                        o.peakBucketCount()));
                count.getStyleClass().add(o.spike() ? "spike-text" : "text-muted");
                VBox text = new VBox(2, name, count);
                HBox.setHgrow(text, Priority.ALWAYS);
                HBox row = new HBox(6, text);
                if (o.keyId() != null) {
                    row.getChildren().add(openButton(o.keyId()));
                }
                setGraphic(row);
                setPrefWidth(0);
            }
        };
    }

    private Button openButton(String keyId) {
        Button open = new Button(messages.getString("authlog.openInKeys"), new FontIcon(Feather.EXTERNAL_LINK));
        open.getStyleClass().addAll("small", "flat", "open-key");
        open.setOnAction(a -> viewModel.openKey(keyId));
        return open;
    }
}
