package io.keydeck.ui.connections;

import atlantafx.base.controls.Message;
import atlantafx.base.theme.Styles;
import io.keydeck.ui.WindowNotices;
import io.keydeck.ui.WindowNotices.Notice;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.AccessibleRole;
import javafx.scene.Node;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.text.MessageFormat;
import java.util.ResourceBundle;

/** Shows the window's {@link WindowNotices} as banners above the current view; each can be dismissed. */
public final class NoticeBarController {
    private final WindowNotices notices;

    @FXML private VBox noticeBar;
    @FXML private ResourceBundle resources;

    public NoticeBarController(WindowNotices notices) {
        this.notices = notices;
    }

    @FXML
    private void initialize() {
        notices.notices().addListener((ListChangeListener<Notice>) change -> redraw());
        redraw();
    }

    private void redraw() {
        noticeBar.getChildren().setAll(notices.notices().stream().map(this::banner).toList());
        noticeBar.setManaged(!notices.notices().isEmpty());
        noticeBar.setVisible(!notices.notices().isEmpty());
    }

    private Message banner(Notice notice) {
        Message message = new Message(notice.title(), notice.text(), new FontIcon(switch (notice.level()) {
            case INFO -> Feather.INFO;
            case WARNING -> Feather.ALERT_TRIANGLE;
            case DANGER -> Feather.ALERT_OCTAGON;
        }));
        message.getStyleClass().addAll("notice", switch (notice.level()) {
            case INFO -> Styles.ACCENT;
            case WARNING -> Styles.WARNING;
            case DANGER -> Styles.DANGER;
        });
        message.setId("notice-" + notice.id().replaceAll("[^A-Za-z0-9_-]", "-"));
        message.setOnClose(e -> notices.dismiss(notice.id()));
        message.skinProperty().addListener((obs, old, skin) -> nameCloseButton(message, notice));
        return message;
    }

    /**
     * AtlantaFX draws the close "x" as a bare pane: give it a name a screen reader announces, a tooltip,
     * and let the keyboard reach and press it.
     */
    private void nameCloseButton(Message message, Notice notice) {
        Node close = message.lookup(".close-button");
        if (close == null) {
            return;
        }
        String name = MessageFormat.format(resources.getString("notice.dismiss"), notice.title());
        close.setAccessibleRole(AccessibleRole.BUTTON);
        close.setAccessibleText(name);
        close.setFocusTraversable(true);
        close.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER || e.getCode() == KeyCode.SPACE) {
                e.consume();
                notices.dismiss(notice.id());
            }
        });
        Tooltip.install(close, new Tooltip(name));
    }
}
