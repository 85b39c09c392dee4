package io.keydeck.ui.authlog;

import io.keydeck.authlog.Offender;
import io.keydeck.authlog.Signal;
import io.keydeck.model.ApiKey;
import io.keydeck.model.VisibleText;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListCell;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.function.Consumer;

/**
 * The rows of the auth log's side lists: signals (reason, then Open in Keys, Revoke and Disable for the
 * key), top keys and top IPs (an IP is a link that narrows the log to it). Buttons never shrink below their
 * text; the words wrap instead.
 */
final class SideListCells {
    /** What the cell's text leaves free of the list's width: padding, the scroll bar. */
    private static final double LIST_INSETS = 36;

    private final AuthLogViewModel viewModel;
    private final SignalKeyActions actions;
    private final ResourceBundle messages;

    SideListCells(AuthLogViewModel viewModel, SignalKeyActions actions, ResourceBundle messages) {
        this.viewModel = viewModel;
        this.actions = actions;
        this.messages = messages;
    }

    ListCell<Signal> signalCell() {
        return new ListCell<>() {
            @Override
            protected void updateItem(Signal s, boolean empty) {
                super.updateItem(s, empty);
                setText(null);
                setGraphic(empty || s == null ? null : signal(this, s));
                setPrefWidth(0);
            }
        };
    }

    private Node signal(ListCell<Signal> cell, Signal s) {
        Label reason = wrapping(new Label(viewModel.signalText(s)), cell);
        reason.getStyleClass().add("signal-reason");
        VBox box = new VBox(4, reason);
        box.getStyleClass().addAll("signal", "signal-" + s.kind().name().toLowerCase(Locale.ROOT));
        if (s.keyId() != null) {
            FlowPane buttons = new FlowPane(6, 4, openButton(s.keyId()));
            buttons.prefWrapLengthProperty().bind(cell.getListView().widthProperty().subtract(LIST_INSETS));
            viewModel.knownKey(s.keyId()).ifPresent(key -> addKeyButtons(cell, key, buttons));
            box.getChildren().add(buttons);
        }
        return box;
    }

    private void addKeyButtons(ListCell<Signal> cell, ApiKey key, FlowPane buttons) {
        if (key.revoked()) {
            return; // nothing left to do to it here; Open in Keys shows it
        }
        Button revoke = button("authlog.revokeKey", Feather.TRASH_2, "signal-revoke",
                b -> actions.revoke(cell.getScene().getWindow(), key));
        revoke.getStyleClass().add("danger");
        buttons.getChildren().add(revoke);
        if (!key.disabled()) {
            buttons.getChildren().add(button("authlog.disableKey", Feather.SLASH, "signal-disable",
                    b -> actions.disable(cell.getScene().getWindow(), key)));
        }
    }

    ListCell<Offender> offenderCell(boolean byIp) {
        return new ListCell<>() {
            @Override
            protected void updateItem(Offender o, boolean empty) {
                super.updateItem(o, empty);
                setText(null);
                setGraphic(empty || o == null ? null : offender(this, o, byIp));
                setPrefWidth(0);
            }
        };
    }

    private Node offender(ListCell<Offender> cell, Offender o, boolean byIp) {
        String label = VisibleText.escape(o.label(), AuthEventCells.CELL_CHARS);
        Labeled name;
        if (byIp) {
            Hyperlink ip = new Hyperlink(label);
            ip.getStyleClass().add("ip-filter-link");
            ip.setTooltip(new Tooltip(MessageFormat.format(messages.getString("authlog.filterIp"), label)));
            ip.setOnAction(a -> viewModel.filterByIp(o.label()));
            name = ip;
        } else {
            name = new Label(label);
            name.getStyleClass().add("key-hint");
        }
        name.setMinWidth(0);
        String countKey = o.spike() ? "authlog.offenderSpike" : "authlog.offender";
        Label count = new Label(MessageFormat.format(messages.getString(countKey), o.count(), o.peakBucketCount()));
        count.getStyleClass().add(o.spike() ? "spike-text" : "text-muted");
        count.setWrapText(true);
        count.setMinHeight(Region.USE_PREF_SIZE);
        VBox text = new VBox(2, name, count);
        text.setMinWidth(0);
        HBox.setHgrow(text, Priority.ALWAYS);
        HBox row = new HBox(6, text);
        if (o.keyId() != null) {
            row.getChildren().add(openButton(o.keyId()));
        }
        return row;
    }

    private Button openButton(String keyId) {
        Button open = button("authlog.openInKeys", Feather.EXTERNAL_LINK, "open-key", b -> viewModel.openKey(keyId));
        open.getStyleClass().add("flat");
        return open;
    }

    private Button button(String textKey, Feather icon, String styleClass, Consumer<Button> action) {
        Button button = new Button(messages.getString(textKey), new FontIcon(icon));
        button.getStyleClass().addAll("small", styleClass);
        button.setMinWidth(Region.USE_PREF_SIZE); // the words beside it wrap; the button keeps its text whole
        button.setOnAction(a -> action.accept(button));
        return button;
    }

    private static Label wrapping(Label label, ListCell<?> cell) {
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        label.prefWidthProperty().bind(cell.getListView().widthProperty().subtract(LIST_INSETS));
        return label;
    }
}
