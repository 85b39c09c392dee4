package io.keydeck.ui.connections;

import atlantafx.base.controls.Message;
import atlantafx.base.theme.Styles;
import io.keydeck.ui.WindowNotices;
import io.keydeck.ui.WindowNotices.Notice;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** Shows the window's {@link WindowNotices} as banners above the current view; each can be dismissed. */
public final class NoticeBarController {
    private final WindowNotices notices;

    @FXML private VBox noticeBar;

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
        return message;
    }
}
