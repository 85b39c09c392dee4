package io.keydeck.ui.journal;

import io.keydeck.model.VisibleText;
import io.keydeck.journal.JournalEntry;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.Tooltip;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.text.MessageFormat;
import java.util.ResourceBundle;
import java.util.function.Function;

/** How the Journal table shows its cells: the key as a link into the Keys view, failed results in red. */
final class JournalCells {
    private final JournalViewModel viewModel;
    private final ResourceBundle messages;

    JournalCells(JournalViewModel viewModel, ResourceBundle messages) {
        this.viewModel = viewModel;
        this.messages = messages;
    }

    /** Plain text, with the whole of it in a tooltip when the column is too narrow. */
    static void text(TableColumn<JournalEntry, String> column, Function<JournalEntry, String> value) {
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(VisibleText.escape(value.apply(c.getValue()), 300)));
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                setText(empty ? null : text);
                setTooltip(empty || text == null || text.isEmpty() ? null : new Tooltip(text));
            }
        });
    }

    /** {@code prefix…last4}; a link that opens the key when it belongs to the active connection. */
    void key(TableColumn<JournalEntry, JournalEntry> column) {
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        column.setComparator((a, b) -> a.keyHint().compareTo(b.keyHint()));
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(JournalEntry entry, boolean empty) {
                super.updateItem(entry, empty);
                setText(null);
                setGraphic(null);
                setTooltip(null);
                if (empty || entry == null) {
                    return;
                }
                if (viewModel.canOpen(entry)) {
                    Hyperlink link = new Hyperlink(VisibleText.escape(entry.keyHint(), 120));
                    link.setOnAction(e -> viewModel.open(entry));
                    link.setTooltip(new Tooltip(MessageFormat.format(messages.getString("journal.openKey"),
                            VisibleText.escape(entry.keyId(), 300))));
                    setGraphic(link);
                } else {
                    setText(VisibleText.escape(entry.keyHint(), 120));
                    if (!entry.keyId().isEmpty()) {
                        setTooltip(new Tooltip(VisibleText.escape(entry.keyId(), 300)));
                    }
                }
            }
        });
    }

    /** {@code ok} with a tick, or {@code failed: <code>} in red. */
    void result(TableColumn<JournalEntry, JournalEntry> column) {
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        column.setComparator((a, b) -> a.result().compareTo(b.result()));
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(JournalEntry entry, boolean empty) {
                super.updateItem(entry, empty);
                getStyleClass().remove("journal-failed");
                if (empty || entry == null) {
                    setText(null);
                    setGraphic(null);
                    setTooltip(null);
                    return;
                }
                setText(VisibleText.escape(entry.result(), 300));
                // "failed: insufficient_permissions" is cut to "faile…" in a narrow column
                setTooltip(entry.succeeded() ? null : new Tooltip(VisibleText.escape(entry.result(), 2000)));
                setGraphic(new FontIcon(entry.succeeded() ? Feather.CHECK : Feather.X_CIRCLE));
                if (!entry.succeeded()) {
                    getStyleClass().add("journal-failed");
                }
            }
        });
    }
}
