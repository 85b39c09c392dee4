package io.keydeck.ui.authlog;

import io.keydeck.authlog.Offender;
import io.keydeck.authlog.Signal;
import io.keydeck.model.ApiKey;
import io.keydeck.model.VisibleText;
import io.keydeck.ui.common.TooltipOnHover;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListCell;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.function.Consumer;
import java.util.function.Supplier;

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
        return new SignalCell();
    }

    ListCell<Offender> offenderCell(boolean byIp) {
        return new OffenderCell(byIp);
    }

    /**
     * A signal's reason, then Open in Keys, Revoke and Disable for its key. The nodes are made once per cell
     * and reused: a live-tail poll changes a signal's count and time, and rows made afresh had CSS applied to
     * every label, button and icon of the list on each poll.
     */
    private final class SignalCell extends ListCell<Signal> {
        private VBox box;
        private Label reason;
        private FlowPane buttons;
        private Button open;
        private Button revoke;
        private Button disable;
        private String kindClass;
        private Signal signal;
        private ApiKey key;

        SignalCell() {
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(Signal s, boolean empty) {
            super.updateItem(s, empty);
            setText(null);
            signal = empty ? null : s;
            if (signal == null) {
                setGraphic(null);
                return;
            }
            if (box == null) {
                build();
            }
            reason.setText(viewModel.signalText(signal));
            String kind = "signal-" + signal.kind().name().toLowerCase(Locale.ROOT);
            if (!kind.equals(kindClass)) {
                box.getStyleClass().remove(kindClass);
                box.getStyleClass().add(kind);
                kindClass = kind;
            }
            key = signal.keyId() == null ? null : viewModel.knownKey(signal.keyId()).orElse(null);
            List<Node> shown = new ArrayList<>(3);
            if (signal.keyId() != null) {
                shown.add(open);
                if (key != null && !key.revoked()) { // a revoked key: nothing left to do to it here
                    shown.add(revoke);
                    if (!key.disabled()) {
                        shown.add(disable);
                    }
                }
            }
            setIfChanged(buttons.getChildren(), shown);
            setIfChanged(box.getChildren(), shown.isEmpty() ? List.of(reason) : List.of(reason, buttons));
            setGraphic(box);
        }

        private void build() {
            reason = wrapping(new Label(), this);
            reason.getStyleClass().add("signal-reason");
            box = new VBox(4, reason);
            box.getStyleClass().add("signal");
            open = openButton(() -> signal.keyId());
            revoke = button("authlog.revokeKey", Feather.TRASH_2, "signal-revoke",
                    b -> actions.revoke(getScene().getWindow(), key));
            revoke.getStyleClass().add("danger");
            disable = button("authlog.disableKey", Feather.SLASH, "signal-disable",
                    b -> actions.disable(getScene().getWindow(), key));
            buttons = new FlowPane(6, 4);
            buttons.prefWrapLengthProperty().bind(getListView().widthProperty().subtract(LIST_INSETS));
        }
    }

    /** A top key or IP and its counts; an IP is a link that narrows the log to it. Nodes made once, as above. */
    private final class OffenderCell extends ListCell<Offender> {
        private final boolean byIp;
        private HBox row;
        private VBox text;
        private Labeled name;
        private Label count;
        private Button open;
        private Offender offender;

        OffenderCell(boolean byIp) {
            this.byIp = byIp;
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(Offender o, boolean empty) {
            super.updateItem(o, empty);
            setText(null);
            offender = empty ? null : o;
            if (offender == null) {
                setGraphic(null);
                return;
            }
            if (row == null) {
                build();
            }
            String label = VisibleText.escape(offender.label(), AuthEventCells.CELL_CHARS);
            name.setText(label);
            if (byIp) {
                TooltipOnHover.text(name, MessageFormat.format(messages.getString("authlog.filterIp"), label));
            }
            String countKey = offender.spike() ? "authlog.offenderSpike" : "authlog.offender";
            count.setText(MessageFormat.format(messages.getString(countKey), offender.count(),
                    offender.peakBucketCount()));
            String tone = offender.spike() ? "spike-text" : "text-muted";
            if (!count.getStyleClass().contains(tone)) {
                count.getStyleClass().removeAll("spike-text", "text-muted");
                count.getStyleClass().add(tone);
            }
            setIfChanged(row.getChildren(), offender.keyId() == null ? List.of(text) : List.of(text, open));
            setGraphic(row);
        }

        private void build() {
            if (byIp) {
                Hyperlink ip = new Hyperlink();
                ip.getStyleClass().add("ip-filter-link");
                TooltipOnHover.install(ip);
                ip.setOnAction(a -> viewModel.filterByIp(offender.label()));
                name = ip;
            } else {
                name = new Label();
                name.getStyleClass().add("key-hint");
            }
            name.setMinWidth(0);
            count = new Label();
            count.setWrapText(true);
            count.setMinHeight(Region.USE_PREF_SIZE);
            text = new VBox(2, name, count);
            text.setMinWidth(0);
            HBox.setHgrow(text, Priority.ALWAYS);
            row = new HBox(6, text);
            open = openButton(() -> offender.keyId());
        }
    }

    /** Children changed only when they differ: a node taken out and put back has its CSS applied again. */
    private static void setIfChanged(ObservableList<Node> children, List<Node> wanted) {
        if (!children.equals(wanted)) {
            children.setAll(wanted);
        }
    }

    private Button openButton(Supplier<String> keyId) {
        Button open = button("authlog.openInKeys", Feather.EXTERNAL_LINK, "open-key",
                b -> viewModel.openKey(keyId.get()));
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
