package io.keydeck.ui.keys;

import io.keydeck.model.Amount;
import io.keydeck.model.ApiKey;
import io.keydeck.model.DailySpend;
import io.keydeck.model.KeyAccount;
import io.keydeck.model.VisibleText;
import io.keydeck.ui.common.TooltipOnHover;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.shape.Rectangle;

import java.text.MessageFormat;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * Owner, spend and limit of each key (issue 21): shown only while some listed key has any of them, so a
 * gateway that reports none keeps the table as it was. The spend carries a line of the last days' spend. The limit is a bar with "72 % of $50.00 a month,
 * resets Dec 31"; at 90 % and over the bar turns to the warning colour.
 */
final class KeyAccountColumns {
    static final double NEAR_LIMIT = 0.9;
    private static final DateTimeFormatter RESET_DAY = DateTimeFormatter.ofPattern("MMM d", Locale.ENGLISH);

    private final TableColumn<ApiKey, String> owner;
    private final TableColumn<ApiKey, KeyAccount> spend;
    private final TableColumn<ApiKey, KeyAccount> limit;

    KeyAccountColumns(ResourceBundle messages, KeyTableCells cells) {
        owner = new TableColumn<>(messages.getString("keys.column.owner"));
        owner.setId("ownerColumn");
        // the name only ("Platform"): the kind ("team") is in the details and the owner filter, and a narrow column
        // keeps the name readable
        KeyTableCells.value(owner, key -> key.account().owner().map(io.keydeck.model.KeyOwner::displayName).orElse(""));
        owner.setPrefWidth(128);
        owner.setMinWidth(96);
        owner.setMaxWidth(220);
        spend = new TableColumn<>(messages.getString("keys.column.spend"));
        spend.setId("spendColumn");
        KeyTableCells.value(spend, ApiKey::account);
        spend.setCellFactory(column -> new SpendCell(messages));
        spend.setComparator((a, b) -> a.shownSpend().map(x -> x.value()).orElse(java.math.BigDecimal.valueOf(-1))
                .compareTo(b.shownSpend().map(x -> x.value()).orElse(java.math.BigDecimal.valueOf(-1))));
        spend.setPrefWidth(100 + Sparkline.WIDTH);
        spend.setMinWidth(88 + Sparkline.WIDTH); // "$12.34/mo" and the line
        spend.setMaxWidth(160 + Sparkline.WIDTH);
        limit = new TableColumn<>(messages.getString("keys.column.limit"));
        limit.setId("limitColumn");
        KeyTableCells.value(limit, ApiKey::account);
        limit.setCellFactory(column -> new LimitCell());
        limit.setPrefWidth(220);
        limit.setMinWidth(110);
        limit.setMaxWidth(340);
        limit.setComparator((a, b) -> Double.compare(a.limitUsed().orElse(-1.0), b.limitUsed().orElse(-1.0)));
        for (TableColumn<ApiKey, ?> column : List.of(owner, spend, limit)) {
            column.getStyleClass().add("account-column");
            column.setVisible(false);
        }
        cells.text(owner); // gateway text: escaped, a bounded prefix, the whole value in the tooltip
    }

    /** Adds the columns after the status column; they show while some key in {@code keys} has an account. */
    void install(TableView<ApiKey> table, ObservableList<ApiKey> keys) {
        table.getColumns().addAll(owner, spend, limit);
        keys.addListener((ListChangeListener<ApiKey>) change -> show(keys));
        show(keys);
    }

    private void show(List<ApiKey> keys) {
        boolean owners = false;
        boolean money = false;
        for (ApiKey key : keys) {
            KeyAccount account = key.account();
            owners |= account.owner().isPresent();
            money |= !account.spendText().isEmpty() || !account.limitText().isEmpty();
            if (owners && money) {
                break;
            }
        }
        owner.setVisible(owners);
        spend.setVisible(money);
        limit.setVisible(money);
    }

    /** True while the Owner column shows. */
    javafx.beans.value.ObservableBooleanValue ownersShown() {
        return owner.visibleProperty();
    }

    /** True while the Spend and Limit columns show. */
    javafx.beans.value.ObservableBooleanValue moneyShown() {
        return spend.visibleProperty();
    }

    /** "72 % of $50.00 a month, resets Dec 31", "none", or "" when the gateway says nothing. */
    static String limitLine(KeyAccount account) {
        String text = account.limitText();
        if (account.limit() != null && account.limit().resetsAt() != null) {
            text += ", resets " + RESET_DAY.format(account.limit().resetsAt().atZone(ZoneId.systemDefault()));
        }
        return text;
    }

    /** "$12.40/mo" and a line of the last days' spend, where the gateway reports daily spend; the tooltip says it whole. */
    private static final class SpendCell extends TableCell<ApiKey, KeyAccount> {
        private final ResourceBundle messages;
        private final Label label = new Label();

        SpendCell(ResourceBundle messages) {
            this.messages = messages;
            setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
            TooltipOnHover.install(this);
        }

        @Override
        protected void updateItem(KeyAccount account, boolean empty) {
            super.updateItem(account, empty);
            if (empty || account == null || account.spendText().isEmpty() && account.dailySpend().isEmpty()) {
                setGraphic(null);
                TooltipOnHover.text(this, null);
                return;
            }
            String total = VisibleText.escape(account.spendText(), KeyTableCells.CELL_CHARS);
            label.setText(account.spendShortText());
            label.setMinWidth(Region.USE_PREF_SIZE); // the amount whole; a line that does not fit is cut instead
            HBox box = new HBox(6, label);
            box.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
            box.setMinWidth(0);
            Rectangle clip = new Rectangle();
            clip.widthProperty().bind(box.widthProperty());
            clip.heightProperty().bind(box.heightProperty());
            box.setClip(clip);
            List<DailySpend> days = account.dailySpend();
            if (days.size() > 1) {
                box.getChildren().add(Sparkline.of(days.stream().mapToDouble(d -> d.amount().value().doubleValue())
                        .toArray(), "spend-sparkline"));
                Amount most = days.stream().map(DailySpend::amount).max(Amount::compareTo).orElseThrow();
                TooltipOnHover.text(this, MessageFormat.format(messages.getString("keys.spendTooltip"), total,
                        days.size(), most.display()));
            } else {
                TooltipOnHover.text(this, total);
            }
            setGraphic(box);
        }
    }

    private static final class LimitCell extends TableCell<ApiKey, KeyAccount> {
        private final ProgressBar bar = new ProgressBar();
        private final Label label = new Label();
        private final HBox box = new HBox(8, bar, label);

        LimitCell() {
            bar.setPrefWidth(60);
            bar.setMinWidth(60);
            bar.getStyleClass().add("limit-bar");
            box.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
            setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
            TooltipOnHover.install(this);
        }

        @Override
        protected void updateItem(KeyAccount account, boolean empty) {
            super.updateItem(account, empty);
            if (empty || account == null || account.limitText().isEmpty()) {
                setGraphic(null);
                TooltipOnHover.text(this, null);
                return;
            }
            String line = VisibleText.escape(limitLine(account), KeyTableCells.CELL_CHARS);
            label.setText(line);
            double used = account.limitUsed().orElse(-1.0);
            bar.setVisible(used >= 0);
            bar.setManaged(used >= 0);
            bar.setProgress(Math.min(1, Math.max(0, used)));
            bar.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("near"), used >= NEAR_LIMIT);
            TooltipOnHover.text(this, line);
            setGraphic(box);
        }
    }
}
